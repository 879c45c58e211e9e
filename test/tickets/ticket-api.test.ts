import { AgentClient, startAgentHarness, type AgentHarness } from '../agents/agent-harness.js';
import type { TicketView } from '../../core/tickets/ticket-views.js';
import type { User } from '../../core/types.js';

let h: AgentHarness;
let ann: AgentClient;
let bob: AgentClient;
let sue: AgentClient;
let users: Record<string, User>;

beforeAll(async () => {
  h = await startAgentHarness();
  users = { ann: await h.addUser('ann'), bob: await h.addUser('bob'), sue: await h.addUser('sue', 'supervisor') };
  [ann, bob, sue] = await Promise.all([AgentClient.signIn(h.url, 'ann'), AgentClient.signIn(h.url, 'bob'), AgentClient.signIn(h.url, 'sue')]);
});
afterAll(async () => {
  await h?.close();
});

type One = { ticket: TicketView };
const create = async (client: AgentClient, body: Record<string, unknown>) => {
  const res = await client.post<One>('/api/tickets', body);
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.ticket;
};

describe('/api/tickets', () => {
  it('needs a session (401) and the CSRF token on writes (403), with the usual error body', async () => {
    const anonymous = new AgentClient(h.url);
    for (const path of ['/api/tickets', '/api/tickets/x', '/api/reports', '/api/teams']) {
      const res = await anonymous.get(path);
      expect([path, res.status, res.body.error?.code]).toEqual([path, 401, 'unauthorized']);
    }
    const res = await ann.call('POST', '/api/tickets', { type: 'other', description: 'x' }, { 'x-csrf-token': 'wrong' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
  });

  it('creates, finds, filters and searches tickets', async () => {
    const mine = await create(ann, { type: 'logistics', description: '包裹丢失 order 5566', orderNumber: 'SO-5566', assigneeId: users.ann!.id, tags: ['快递'] });
    expect(mine).toMatchObject({ number: expect.stringMatching(/^T-\d{8}-\d{4}$/), status: 'new', assignee: { id: users.ann!.id, name: 'ann' }, sla: { firstResponse: { state: 'running' } } });
    await create(sue, { type: 'suggestion', description: '希望增加货到付款', priority: 'low' });
    const ids = async (client: AgentClient, query: string) => (await client.get<{ tickets: TicketView[]; total: number }>(`/api/tickets${query}`)).body.tickets.map((t) => t.number);
    expect(await ids(ann, '?q=so-5566')).toEqual([mine.number]);
    expect(await ids(ann, '?assignee=me')).toEqual([mine.number]);
    expect(await ids(ann, '?type=logistics,suggestion&status=new')).toEqual(expect.arrayContaining([mine.number]));
    expect(await ids(bob, `?q=${mine.number}`)).toEqual([]); // bob cannot see ann's ticket
    expect(await ids(sue, '?priority=low')).toHaveLength(1);
    const byNumber = await ann.get<{ ticket: TicketView; history: Array<{ action: string }> }>(`/api/tickets/${mine.number}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.ticket.id).toBe(mine.id);
    expect(byNumber.body.history.map((e) => e.action)).toEqual(['created']);
  });

  it('answers 403, 404, 409 and 422 as the agent API does', async () => {
    const t = await create(sue, { type: 'inquiry', description: '问题', assigneeId: users.bob!.id });
    const expectError = (res: { status: number; body: { error?: { code: string } } }, status: number, code: string) => {
      expect([res.status, res.body.error?.code]).toEqual([status, code]);
    };
    expectError(await ann.get(`/api/tickets/${t.id}`), 403, 'forbidden');
    expectError(await ann.get('/api/tickets/T-20000101-0001'), 404, 'not_found');
    expectError(await ann.get('/api/tickets/no-such-id'), 404, 'not_found');
    expectError(await bob.post(`/api/tickets/${t.id}/status`, { status: 'new' }), 409, 'conflict');
    expectError(await bob.call('PATCH', `/api/tickets/${t.id}`, { priority: 'high', version: 99 }), 409, 'conflict');
    expectError(await bob.post('/api/tickets', { type: 'nonsense', description: 'x' }), 422, 'invalid_input');
    expectError(await bob.get('/api/tickets?status=nonsense'), 422, 'invalid_input');
    expectError(await bob.post(`/api/tickets/${t.id}/status`, { status: 'closed' }), 403, 'forbidden');
    expectError(await bob.get('/api/reports'), 403, 'forbidden');
    expectError(await bob.call('PUT', '/api/teams/售后', { userIds: [users.bob!.id] }), 403, 'forbidden');
    const complaint = await create(sue, { type: 'complaint', description: '投诉', assigneeId: users.bob!.id });
    expectError(await bob.post(`/api/tickets/${complaint.id}/status`, { status: 'resolved' }), 422, 'invalid_input');
    expectError(await bob.post(`/api/tickets/${complaint.id}/complaint/steps`, { step: 'track', text: 'x' }), 409, 'conflict');
    expectError(await bob.post(`/api/tickets/${complaint.id}/complaint/review`, { decision: 'approved' }), 403, 'forbidden');
    const patched = await bob.call<One>('PATCH', `/api/tickets/${t.id}`, { priority: 'high', version: 1 });
    expect([patched.status, patched.body.ticket.priority, patched.body.ticket.version]).toEqual([200, 'high', 2]);
  });

  it('lets supervisors set teams; agents then see their team’s unassigned tickets', async () => {
    const t = await create(sue, { type: 'return_exchange', description: '换货', team: '售后' });
    expect((await bob.get(`/api/tickets/${t.id}`)).status).toBe(403);
    const set = await sue.call<{ teams: Array<{ team: string; members: Array<{ name: string }> }> }>('PUT', `/api/teams/${encodeURIComponent('售后')}`, { userIds: [users.bob!.id] });
    expect(set.body.teams).toEqual([{ team: '售后', members: [{ id: users.bob!.id, name: 'bob' }] }]);
    expect((await bob.get(`/api/tickets/${t.id}`)).status).toBe(200);
    const taken = await bob.post<One>(`/api/tickets/${t.id}/assign`, { assigneeId: users.bob!.id });
    expect(taken.body.ticket.assignee?.name).toBe('bob');
    const note = await bob.post<{ event: { action: string; text: string } }>(`/api/tickets/${t.id}/notes`, { text: '已联系仓库' });
    expect([note.status, note.body.event.action, note.body.event.text]).toEqual([201, 'note', '已联系仓库']);
  });
});

describe('/api/reports', () => {
  it('returns figures as JSON and CSV for supervisors', async () => {
    const json = await sue.get<{ groupBy: string; rows: Array<{ key: string }>; totals: { tickets: number } }>('/api/reports?groupBy=category');
    expect(json.status).toBe(200);
    expect(json.body.totals.tickets).toBeGreaterThanOrEqual(5);
    expect(json.body.rows.map((r) => r.key)).toEqual(expect.arrayContaining(['logistics', 'complaint']));
    const csv = await sue.get(`/api/reports/export.csv?groupBy=agent`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="kefu-report-agent-/);
    const lines = String(csv.body).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^group,label,tickets,resolved,resolution_rate,first_response_count/);
    expect(lines.at(-1)).toMatch(/^total,total,\d+/);
    expect((await sue.get('/api/reports?from=2026-13-01')).status).toBe(422);
  });
});
