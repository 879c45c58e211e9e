import type { ReportRow } from './report-metrics.js';
import type { Report } from './report-service.js';

const COLUMNS: Array<[string, (r: ReportRow) => string | number | null]> = [
  ['group', (r) => r.key], ['label', (r) => r.label], ['tickets', (r) => r.tickets], ['resolved', (r) => r.resolved],
  ['resolution_rate', (r) => r.resolutionRate],
  ['first_response_count', (r) => r.firstResponse.count], ['first_response_avg_min', (r) => r.firstResponse.avgMinutes],
  ['first_response_median_min', (r) => r.firstResponse.medianMinutes],
  ['resolution_count', (r) => r.resolution.count], ['resolution_avg_min', (r) => r.resolution.avgMinutes], ['resolution_median_min', (r) => r.resolution.medianMinutes],
  ['sla_first_response_met', (r) => r.sla.firstResponse.met], ['sla_first_response_missed', (r) => r.sla.firstResponse.missed],
  ['sla_resolution_met', (r) => r.sla.resolution.met], ['sla_resolution_missed', (r) => r.sla.resolution.missed], ['sla_attainment', (r) => r.sla.overall.rate],
  ['csat_responses', (r) => r.csat.responses], ['csat_average', (r) => r.csat.average], ['csat_rate', (r) => r.csat.rate],
  ['conversations', (r) => r.deflection?.conversations ?? null], ['bot_only', (r) => r.deflection?.botOnly ?? null], ['deflection_rate', (r) => r.deflection?.rate ?? null],
];

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(4);
  // Spreadsheets run cells starting with = + - @ as formulas: agent and team names are user input.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report as CSV (RFC 4180, CRLF), one line per group and a total line. */
export function reportCsv(report: Omit<Report, 'orderQuestions'>): string {
  const lines = [COLUMNS.map(([name]) => name), ...[...report.rows, report.totals].map((r) => COLUMNS.map(([, get]) => cell(get(r))))];
  return `${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}
