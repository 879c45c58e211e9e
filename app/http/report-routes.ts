import { Router } from 'express';
import { reportCsv } from '../../core/tickets/report-csv.js';
import type { ReportService } from '../../core/tickets/report-service.js';
import { assertRole } from '../../core/users/access.js';
import type { AuthService } from '../../core/users/auth-service.js';
import { requireSession, signedIn } from '../agents/session-auth.js';
import { parse, reportQuery } from './ticket-schemas.js';

/** /api/reports: supervisors and admins only (403 for agents); JSON for the console's charts, CSV for spreadsheets. */
export function createReportRouter({ auth, reports }: { auth: AuthService; reports: ReportService }): Router {
  const router = Router();
  router.use('/api/reports', requireSession(auth), (_req, res, next) => {
    assertRole(signedIn(res).user, ['supervisor', 'admin']);
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.get('/api/reports', async (req, res) => {
    res.json(await reports.report(signedIn(res).user, parse(reportQuery, req.query)));
  });
  router.get('/api/reports/export.csv', async (req, res) => {
    const report = await reports.report(signedIn(res).user, parse(reportQuery, req.query));
    res.setHeader('Content-Disposition', `attachment; filename="kefu-report-${report.groupBy}-${report.from}-${report.to}.csv"`);
    // The BOM makes spreadsheet programs read the UTF-8 (Chinese names) correctly.
    res.type('text/csv; charset=utf-8').send(`\uFEFF${reportCsv(report)}`);
  });
  return router;
}
