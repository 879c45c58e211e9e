import { AgentClient, startAgentHarness, type AgentHarness } from '../agents/agent-harness.js';
import { WebchatClient } from '../webchat/webchat-harness.js';
import type { ReportRow } from '../../core/tickets/report-metrics.js';
import type { TicketDetail } from '../../core/tickets/ticket-queries.js';
import type { TicketView } from '../../core/tickets/ticket-views.js';

let h: AgentHarness;

beforeAll(async () => {
  h = await startAgentHarness();
});
afterAll(async () => {
  await h?.close();
});

type One = { ticket: TicketView };

it('complaint in chat → ticket → every step of the process → survey answered in chat → figures in the report', async () => {
  const annUser = await h.addUser('ann');
  await h.addUser('sue', 'supervisor');
  const [ann, sue] = [await AgentClient.signIn(h.url, 'ann'), await AgentClient.signIn(h.url, 'sue')];
  const web = new WebchatClient(h.url);
  const chat = await web.start();
  const ok = async <T>(p: Promise<{ status: number; body: T }>, status = 200): Promise<T> => {
    const res = await p;
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };

  // 1. The customer complains in the web chat: the conversation goes to the queue and a complaint ticket opens.
  await ok(web.send(chat, { text: '你们发错货了，我要投诉！' }));
  const transcript = await web.transcript(chat);
  const number = /T-\d{8}-\d{4}/.exec(transcript.map((m) => m.text).join('\n'))?.[0];
  expect(number).toBeDefined();
  const listed = await ok(ann.get<{ tickets: TicketView[] }>('/api/tickets?type=complaint&assignee=none'));
  expect(listed.tickets.map((t) => t.number)).toEqual([number]);
  const id = listed.tickets[0]!.id;
  expect(listed.tickets[0]).toMatchObject({ source: 'complaint', status: 'new', priority: 'high', channel: 'webchat', complaint: { step: 'verify' } });

  // 2. Ann takes the ticket and the chat, and answers the customer from the ticket page (first response).
  await ok(ann.post<One>(`/api/tickets/${id}/assign`, { assigneeId: annUser.id }));
  await ok(ann.post(`/api/agent/conversations/${chat.conversationId}/claim`));
  const replied = await ok(ann.post<One>(`/api/tickets/${id}/replies`, { text: '非常抱歉，请提供订单号和照片，我马上核实。' }), 201);
  expect(replied.ticket).toMatchObject({ status: 'open', sla: { firstResponse: { state: 'met' } } });
  expect((await web.transcript(chat)).at(-1)).toMatchObject({ author: 'agent', text: '非常抱歉，请提供订单号和照片，我马上核实。' });

  // 3. The complaint process, step by step; resolving early is refused.
  const steps: Array<Record<string, string>> = [
    { step: 'verify', text: '订单 9001 确认发错颜色' },
    { step: 'analyse', text: '拣货员看错了库位' },
    { step: 'propose', text: '提出补发', solution: '补发正确颜色，附赠 20 元券，原件免寄回' },
    { step: 'agree', text: '客户在聊天中同意方案' },
    { step: 'track', text: '补发单号 SF123，已签收' },
  ];
  for (const body of steps) await ok(ann.post<One>(`/api/tickets/${id}/complaint/steps`, body));
  expect((await ann.post(`/api/tickets/${id}/status`, { status: 'resolved' })).status).toBe(422);
  const rooted = await ok(ann.post<One>(`/api/tickets/${id}/complaint/steps`, {
    step: 'root_cause', text: '复盘', rootCause: '相邻库位颜色标签相同', improvement: '库位标签加颜色色块，拣货扫码校验颜色',
  }));
  expect(rooted.ticket).toMatchObject({ reviewStatus: 'pending', complaint: { step: 'review' } });
  expect((await ann.post(`/api/tickets/${id}/status`, { status: 'resolved' })).status).toBe(409);
  expect((await ann.post(`/api/tickets/${id}/complaint/review`, { decision: 'approved' })).status).toBe(403);
  const review = await ok(sue.get<{ tickets: TicketView[] }>('/api/tickets?review=pending'));
  expect(review.tickets.map((t) => t.number)).toEqual([number]);

  // 4. The supervisor approves: the ticket is resolved and the survey goes to the customer's chat.
  const approved = await ok(sue.post<One>(`/api/tickets/${id}/complaint/review`, { decision: 'approved', comment: '处理及时，改进可行' }));
  expect(approved.ticket).toMatchObject({ status: 'resolved', reviewStatus: 'approved', sla: { resolution: { state: 'met' } } });
  expect((await web.transcript(chat)).at(-1)?.text).toContain(`工单 ${number} 已处理完毕`);

  // 5. The customer answers in the chat: a digit, then a comment. The ticket closes.
  const scored = await ok(web.send(chat, { text: '4' }));
  expect(scored.replies[0]?.text).toContain('4 分');
  const commented = await ok(web.send(chat, { text: '补发很快，但希望别再发错' }));
  expect(commented.replies[0]?.text).toBe('感谢您的反馈，我们会继续改进！');
  const detail = await ok(ann.get<TicketDetail>(`/api/tickets/${number}`));
  expect(detail.ticket.status).toBe('closed');
  expect(detail.surveys).toEqual([expect.objectContaining({ status: 'answered', score: 4, comment: '补发很快，但希望别再发错', agentId: annUser.id })]);
  expect(detail.history.map((e) => e.action)).toEqual([
    'created', 'assigned', 'reply', 'complaint_step', 'complaint_step', 'complaint_step', 'complaint_step', 'complaint_step', 'complaint_step',
    'review', 'survey_sent', 'survey_answered', 'survey_answered',
  ]);
  expect(detail.conversations[0]?.messages.some((m) => m.text === '补发很快，但希望别再发错')).toBe(true);

  // Ann ends the chat: the customer is not asked a second time.
  await ok(ann.post(`/api/agent/conversations/${chat.conversationId}/close`));
  expect((await web.transcript(chat)).filter((m) => /打分/.test(m.text))).toHaveLength(1);

  // 6. The figures: one complaint, answered and resolved within its targets, rated 4 by ann's customer.
  const byAgent = await ok(sue.get<{ rows: ReportRow[]; totals: ReportRow }>('/api/reports?groupBy=agent'));
  const annRow = byAgent.rows.find((r) => r.label === 'ann');
  expect(annRow).toMatchObject({
    tickets: 1, resolved: 1, resolutionRate: 1, firstResponse: { count: 1 }, resolution: { count: 1 },
    sla: { firstResponse: { met: 1, missed: 0 }, resolution: { met: 1, missed: 0 }, overall: { rate: 1 } },
    csat: { responses: 1, average: 4, satisfied: 1, rate: 1 },
  });
  const byChannel = await ok(sue.get<{ rows: ReportRow[] }>('/api/reports?groupBy=channel'));
  expect(byChannel.rows.find((r) => r.key === 'webchat')).toMatchObject({ tickets: 1, csat: { responses: 1 }, deflection: { conversations: 1, botOnly: 0, rate: 0 } });
  const byCategory = await ok(sue.get<{ rows: ReportRow[] }>('/api/reports?groupBy=category'));
  expect(byCategory.rows.map((r) => [r.key, r.tickets])).toEqual([['complaint', 1]]);
  const csv = await sue.get('/api/reports/export.csv?groupBy=category');
  expect(String(csv.body)).toMatch(/\r\ncomplaint,complaint,1,1,1,1,/);
});
