// The ticket, team and report endpoints (docs/tickets-api.md), on the console's HTTP client.
import { request } from './api.js';

const id = (x) => encodeURIComponent(x);

export const tickets = {
  list: (query) => request('GET', `/api/tickets?${new URLSearchParams(query)}`),
  detail: (ticketId) => request('GET', `/api/tickets/${id(ticketId)}`),
  create: (body) => request('POST', '/api/tickets', body),
  update: (ticketId, body) => request('PATCH', `/api/tickets/${id(ticketId)}`, body),
  status: (ticketId, status, version) => request('POST', `/api/tickets/${id(ticketId)}/status`, { status, version }),
  assign: (ticketId, body) => request('POST', `/api/tickets/${id(ticketId)}/assign`, body),
  note: (ticketId, text) => request('POST', `/api/tickets/${id(ticketId)}/notes`, { text }),
  reply: (ticketId, text) => request('POST', `/api/tickets/${id(ticketId)}/replies`, { text }),
  link: (ticketId, conversationId) => request('POST', `/api/tickets/${id(ticketId)}/links`, { conversationId }),
  step: (ticketId, body) => request('POST', `/api/tickets/${id(ticketId)}/complaint/steps`, body),
  review: (ticketId, body) => request('POST', `/api/tickets/${id(ticketId)}/complaint/review`, body),
  teams: () => request('GET', '/api/teams'),
  setTeam: (team, userIds) => request('PUT', `/api/teams/${id(team)}`, { userIds }),
  agents: () => request('GET', '/api/agent/agents'),
  report: (query) => request('GET', `/api/reports?${new URLSearchParams(query)}`),
  csvUrl: (query) => `/api/reports/export.csv?${new URLSearchParams(query)}`,
};
