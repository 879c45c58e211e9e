import type { RequestHandler } from 'express';
import type { Services } from '../compose.js';
import { createReportRouter } from './report-routes.js';
import { createSupervisionRouter } from './supervision-routes.js';
import { createTeamRouter } from './team-routes.js';
import { createTicketRouter } from './ticket-routes.js';

/** Tickets, teams, reports and supervision over HTTP (docs/tickets-api.md); the console pages are static files under /console/. */
export function ticketRouters(services: Services): RequestHandler[] {
  const { auth, tickets } = services;
  return [
    createTicketRouter({ auth, tickets }), createTeamRouter({ auth, tickets }), createReportRouter({ auth, reports: tickets.reports }),
    createSupervisionRouter({ auth, words: services.supervision.words }),
  ];
}
