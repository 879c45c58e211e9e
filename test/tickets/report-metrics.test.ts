import { reportCsv } from '../../core/tickets/report-csv.js';
import { buildReport, type ReportData } from '../../core/tickets/report-metrics.js';
import type { Survey, Ticket } from '../../core/tickets/ticket-types.js';

const t = (iso: string) => new Date(iso);
const M = 60_000;

function ticket(o: Partial<Ticket>): Ticket {
  return {
    id: Math.random().toString(36), number: 'T', type: 'inquiry', priority: 'normal', status: 'open', source: 'manual', subject: 's', description: 'd',
    customerId: null, customerName: null, contact: null, orderNumber: null, channel: 'webchat', lang: 'zh', assigneeId: 'ann', team: '售后', tags: [],
    createdById: null, firstResponseDueAt: null, resolutionDueAt: null, firstRespondedAt: null, firstResponseWarnedAt: null, firstResponseBreachedAt: null,
    resolutionWarnedAt: null, resolutionBreachedAt: null, slaPausedAt: null, escalatedAt: null, resolvedAt: null, closedAt: null, complaint: null,
    reviewStatus: null, version: 1, createdAt: t('2026-11-23T02:00:00Z'), updatedAt: t('2026-11-23T02:00:00Z'), ...o,
  };
}

function survey(o: Partial<Survey>): Survey {
  return {
    id: Math.random().toString(36), ticketId: null, conversationId: 'c', customerId: 'x', agentId: 'ann', channel: 'telegram', lang: 'zh', status: 'answered',
    score: 5, comment: null, sentAt: t('2026-11-23T05:00:00Z'), answeredAt: t('2026-11-23T05:10:00Z'), expiresAt: t('2026-11-26T05:00:00Z'), ...o,
  };
}

const created = t('2026-11-23T02:00:00Z');
const data: ReportData = {
  tickets: [
    // Answered in 30 min (target 60), resolved in 2 h (target 3 h).
    ticket({ firstRespondedAt: new Date(created.getTime() + 30 * M), firstResponseDueAt: new Date(created.getTime() + 60 * M), resolvedAt: new Date(created.getTime() + 120 * M), resolutionDueAt: new Date(created.getTime() + 180 * M) }),
    // Answered late (90 min, target 60); still open, resolution target not reached yet.
    ticket({ type: 'complaint', firstRespondedAt: new Date(created.getTime() + 90 * M), firstResponseDueAt: new Date(created.getTime() + 60 * M), resolutionDueAt: t('2026-11-30T00:00:00Z') }),
    // Created on the local next day (00:30 in Shanghai is still 23 Nov in UTC), unassigned, never answered and past due.
    ticket({ assigneeId: null, team: null, channel: null, createdAt: t('2026-11-23T16:30:00Z'), firstResponseDueAt: t('2026-11-23T17:00:00Z') }),
  ],
  surveys: [{ survey: survey({ score: 5 }), ticket: null }, { survey: survey({ score: 2, agentId: 'bob', channel: 'webchat' }), ticket: null }],
  conversations: [
    { channel: 'webchat', createdAt: t('2026-11-23T03:00:00Z'), handedOff: false },
    { channel: 'webchat', createdAt: t('2026-11-23T03:00:00Z'), handedOff: false },
    { channel: 'telegram', createdAt: t('2026-11-23T03:00:00Z'), handedOff: true },
  ],
};
const ctx = {
  from: t('2026-11-22T16:00:00Z'), to: t('2026-11-24T16:00:00Z'), now: t('2026-11-24T00:00:00Z'), timeZone: 'Asia/Shanghai',
  names: new Map([['ann', 'Ann'], ['bob', 'Bob, "B"']]), teamsOf: new Map([['ann', ['售后']], ['bob', ['物流']]]),
};

describe('report figures', () => {
  it('computes response and resolution times, rates, SLA attainment, CSAT and deflection', () => {
    const { totals } = buildReport(data, { ...ctx, groupBy: 'day' });
    expect(totals).toMatchObject({
      tickets: 3, resolved: 1, resolutionRate: 1 / 3,
      firstResponse: { count: 2, avgMinutes: 60, medianMinutes: 60 }, resolution: { count: 1, avgMinutes: 120, medianMinutes: 120 },
      sla: { firstResponse: { met: 1, missed: 2, rate: 1 / 3 }, resolution: { met: 1, missed: 0, rate: 1 }, overall: { met: 2, missed: 2, rate: 0.5 } },
      csat: { responses: 2, average: 3.5, satisfied: 1, rate: 0.5 },
      deflection: { conversations: 3, botOnly: 2, rate: 2 / 3 },
    });
  });

  it('groups by local day (every day of the range), agent, team, category and channel', () => {
    const days = buildReport(data, { ...ctx, groupBy: 'day' }).rows;
    expect(days.map((r) => [r.key, r.tickets, r.csat.responses, r.deflection?.conversations])).toEqual([['2026-11-23', 2, 2, 3], ['2026-11-24', 1, 0, 0]]);
    const agents = buildReport(data, { ...ctx, groupBy: 'agent' }).rows;
    expect(agents.map((r) => [r.label, r.tickets, r.csat.responses, r.deflection])).toEqual([['Ann', 2, 1, null], ['unassigned', 1, 0, null], ['Bob, "B"', 0, 1, null]]);
    expect(buildReport(data, { ...ctx, groupBy: 'team' }).rows.map((r) => [r.label, r.tickets, r.csat.responses])).toEqual([['售后', 2, 1], ['no team', 1, 0], ['物流', 0, 1]]);
    expect(buildReport(data, { ...ctx, groupBy: 'category' }).rows.map((r) => [r.key, r.tickets, r.csat.responses])).toEqual([['inquiry', 2, 0], ['complaint', 1, 0], ['conversation', 0, 2]]);
    const channels = buildReport(data, { ...ctx, groupBy: 'channel' }).rows;
    expect(channels.map((r) => [r.key, r.tickets, r.csat.responses, r.deflection?.rate])).toEqual([['webchat', 2, 1, 1], ['-', 1, 0, null], ['telegram', 0, 1, 0]]);
  });

  it('exports CSV a spreadsheet reads safely', () => {
    const rows = buildReport(data, { ...ctx, groupBy: 'agent' });
    const evil = { ...rows.rows[0]!, key: 'x', label: '=HYPERLINK("http://evil")' };
    const csv = reportCsv({ from: '2026-11-23', to: '2026-11-24', groupBy: 'agent', timeZone: 'Asia/Shanghai', generatedAt: '', rows: [evil, ...rows.rows], totals: rows.totals });
    const lines = csv.split('\r\n');
    expect(lines[1]).toMatch(/^x,"'=HYPERLINK\(""http:\/\/evil""\)",2,1,0\.5000,2,60,60,/);
    expect(lines).toContain(lines.find((l) => l.startsWith('bob,"Bob, ""B""",0,0,,0,,,')));
    expect(lines.at(-2)).toMatch(/^total,total,3,1,0\.3333,/);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
