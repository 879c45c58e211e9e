import { randomUUID } from 'node:crypto';
import type { Repositories } from '../../core/ports.js';
import { newComplaint } from '../../core/tickets/complaint-process.js';
import type { NewTicket, NewTicketEvent, Ticket } from '../../core/tickets/ticket-types.js';

const at = (m: number) => new Date(Date.UTC(2031, 0, 1, 0, m));
const actor = { id: null, name: 'system' };
const created = (m = 0): NewTicketEvent => ({ actor, action: 'created', changes: [], text: null, createdAt: at(m) });

let n = 0;
function draft(overrides: Partial<NewTicket> = {}): NewTicket {
  n++;
  return {
    number: `T-2031${String(n).padStart(4, '0')}-${randomUUID().slice(0, 6)}`, type: 'inquiry', priority: 'normal', status: 'new', source: 'manual',
    subject: `主题 ${n}`, description: '描述', customerId: null, customerName: null, contact: null, orderNumber: null, channel: null, lang: 'zh',
    assigneeId: null, team: null, tags: [], createdById: null, firstResponseDueAt: at(60), resolutionDueAt: at(600), firstRespondedAt: null,
    firstResponseWarnedAt: null, firstResponseBreachedAt: null, resolutionWarnedAt: null, resolutionBreachedAt: null, slaPausedAt: null,
    escalatedAt: null, resolvedAt: null, closedAt: null, complaint: null, reviewStatus: null, createdAt: at(0), updatedAt: at(0), ...overrides,
  };
}

/** TicketRepository, SlaTimerRepository, SurveyRepository and TeamRepository; runs in memory, on SQLite and on PostgreSQL. */
export function ticketContract(repos: () => Repositories): void {
  describe('tickets', () => {
    it('hands out day sequence numbers without duplicates under concurrency', async () => {
      const day = `d${randomUUID().slice(0, 8)}`;
      const numbers = await Promise.all(Array.from({ length: 16 }, () => repos().tickets.nextNumber(day)));
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      expect(await repos().tickets.nextNumber(`${day}x`)).toBe(1);
      expect(await repos().tickets.nextNumber(day)).toBe(17);
    });

    it('stores every field, links the conversation and plans timers in one go; numbers are unique', async () => {
      const { tickets, slaTimers } = repos();
      const conversationId = randomUUID();
      const input = draft({
        type: 'complaint', priority: 'urgent', customerId: randomUUID(), customerName: '王女士', contact: 'wx: wang', orderNumber: 'A-1', channel: 'telegram',
        lang: 'en', tags: ['VIP', '破损'], team: '售后', complaint: { ...newComplaint(), steps: { verify: { text: '照片', by: actor, at: at(1).toISOString() } }, step: 'analyse' },
        reviewStatus: 'pending', slaPausedAt: at(5),
      });
      const t = await tickets.create(input, created(), {
        conversationId, timers: { targets: ['first_response', 'resolution'], timers: [{ target: 'first_response', phase: 'breach', dueAt: at(60) }, { target: 'resolution', phase: 'warning', dueAt: at(400) }] },
      });
      expect(t).toEqual({ ...input, id: t.id, version: 1 });
      expect(await tickets.get(t.id)).toEqual(t);
      expect(await tickets.getByNumber(input.number)).toEqual(t);
      expect(await tickets.conversationsOf(t.id)).toEqual([conversationId]);
      expect((await tickets.ticketsOfConversation(conversationId)).map((x) => x.id)).toEqual([t.id]);
      expect((await slaTimers.list(t.id)).map((x) => [x.target, x.phase, x.dueAt])).toEqual([['first_response', 'breach', at(60)], ['resolution', 'warning', at(400)]]);
      expect(await tickets.events(t.id)).toEqual([{ ...created(), id: expect.any(String), ticketId: t.id }]);
      await expect(tickets.create(draft({ number: input.number }), created())).rejects.toMatchObject({ code: 'conflict' });
      expect(await tickets.get(randomUUID())).toBeNull();
    });

    it('updates only at the expected version: of two concurrent writers one wins', async () => {
      const { tickets, slaTimers } = repos();
      const t = await tickets.create(draft(), created(), { timers: { targets: ['first_response', 'resolution'], timers: [{ target: 'first_response', phase: 'breach', dueAt: at(1) }, { target: 'resolution', phase: 'breach', dueAt: at(2) }] } });
      // The first-response timer fires; a later plan must keep it.
      const [fired] = await slaTimers.claimDue({ now: at(1), leaseUntil: at(3), limit: 1 });
      await slaTimers.markFired(fired!.id, at(1));
      const event = (text: string): NewTicketEvent => ({ actor: { id: 'u1', name: 'ann' }, action: 'updated', changes: [{ field: 'priority', from: 'normal', to: text }], text, createdAt: at(2) });
      const results = await Promise.all([
        tickets.update(t.id, 1, { priority: 'high', updatedAt: at(2) }, [event('high')], { targets: ['first_response', 'resolution'], timers: [{ target: 'resolution', phase: 'breach', dueAt: at(50) }] }),
        tickets.update(t.id, 1, { priority: 'low', updatedAt: at(2) }, [event('low')]),
      ]);
      const winners = results.filter((r): r is Ticket => r !== null);
      expect(winners).toHaveLength(1);
      expect(winners[0]?.version).toBe(2);
      const events = await tickets.events(t.id);
      expect(events).toHaveLength(2);
      expect(events[1]).toMatchObject({ text: winners[0]?.priority, actor: { id: 'u1', name: 'ann' }, changes: [{ field: 'priority', from: 'normal', to: winners[0]?.priority }] });
      expect(await tickets.update(t.id, 1, { priority: 'urgent' }, [])).toBeNull();
      const timers = await slaTimers.list(t.id);
      expect(timers.some((x) => x.firedAt !== null && x.target === 'first_response')).toBe(true);
      if (winners[0]?.priority === 'high') expect(timers.filter((x) => x.firedAt === null).map((x) => x.dueAt)).toEqual([at(50)]);
      const again = await tickets.update(t.id, 2, { subject: 'Refund REQUEST 退款', tags: ['x'], complaint: newComplaint() }, []);
      expect(again).toMatchObject({ version: 3, subject: 'Refund REQUEST 退款', tags: ['x'], complaint: newComplaint() });
      // The search text follows the subject.
      expect((await tickets.list({ search: 'refund request' })).tickets.map((x) => x.id)).toContain(t.id);
    });

    it('filters, searches, counts and pages; newest activity first', async () => {
      const { tickets } = repos();
      const team = `team-${randomUUID().slice(0, 6)}`;
      const tag = randomUUID().slice(0, 8);
      const mk = (o: Partial<NewTicket>, minute: number) => tickets.create(draft({ description: `${tag} ${o.description ?? ''}`, team, updatedAt: at(minute), ...o }), created());
      const a = await mk({ assigneeId: 'ann', status: 'open', customerName: 'Ms WANG' }, 1);
      const b = await mk({ assigneeId: null, type: 'complaint', firstResponseWarnedAt: at(2), reviewStatus: 'pending' }, 2);
      const c = await mk({ assigneeId: null, team: null, firstResponseBreachedAt: at(3), escalatedAt: at(3), priority: 'urgent' }, 3);
      const d = await mk({ assigneeId: 'bob', orderNumber: 'ORD-77', resolutionWarnedAt: at(4), resolvedAt: at(4), status: 'resolved' }, 4);
      const ids = async (f: Parameters<typeof tickets.list>[0]) => (await tickets.list({ search: tag, ...f })).tickets.map((x) => x.id);
      expect(await ids({})).toEqual([d.id, c.id, b.id, a.id]);
      expect(await ids({ statuses: ['open', 'resolved'] })).toEqual([d.id, a.id]);
      expect(await ids({ types: ['complaint'] })).toEqual([b.id]);
      expect(await ids({ priorities: ['urgent'] })).toEqual([c.id]);
      expect(await ids({ assigneeId: null })).toEqual([c.id, b.id]);
      expect(await ids({ assigneeId: 'bob' })).toEqual([d.id]);
      expect(await ids({ team })).toEqual([d.id, b.id, a.id]);
      expect(await ids({ sla: 'breached' })).toEqual([c.id]);
      expect(await ids({ sla: 'warning' })).toEqual([b.id]);
      expect(await ids({ escalated: true })).toEqual([c.id]);
      expect(await ids({ escalated: false })).toEqual([d.id, b.id, a.id]);
      expect(await ids({ reviewStatus: 'pending' })).toEqual([b.id]);
      expect(await ids({ visibleTo: { userId: 'ann', teams: [team] } })).toEqual([c.id, b.id, a.id]);
      expect(await ids({ visibleTo: { userId: 'cat', teams: [] } })).toEqual([c.id]);
      expect((await tickets.list({ search: 'ms wang' })).tickets.map((x) => x.id)).toEqual([a.id]);
      expect((await tickets.list({ search: 'ord-77' })).tickets.map((x) => x.id)).toEqual([d.id]);
      expect((await tickets.list({ search: a.number.toLowerCase() })).tickets.map((x) => x.id)).toEqual([a.id]);
      const page = await tickets.list({ search: tag, limit: 2, offset: 1 });
      expect(page).toEqual({ total: 4, tickets: [expect.objectContaining({ id: c.id }), expect.objectContaining({ id: b.id })] });
    });

    it('keeps history, links and creation windows', async () => {
      const { tickets } = repos();
      const t = await tickets.create(draft({ createdAt: at(30) }), created(30));
      const note = await tickets.addEvent(t.id, { actor: { id: 'u2', name: '安' }, action: 'note', changes: [], text: '内部备注', createdAt: at(31) });
      expect(note).toMatchObject({ ticketId: t.id, action: 'note', text: '内部备注', actor: { id: 'u2', name: '安' } });
      expect((await tickets.events(t.id)).map((e) => e.action)).toEqual(['created', 'note']);
      const [c1, c2] = [randomUUID(), randomUUID()];
      expect(await tickets.link(t.id, c1, at(31))).toBe(true);
      expect(await tickets.link(t.id, c2, at(32))).toBe(true);
      expect(await tickets.link(t.id, c1, at(33))).toBe(false);
      expect(await tickets.conversationsOf(t.id)).toEqual([c1, c2]);
      const between = (await tickets.createdBetween(at(30), at(31))).map((x) => x.id);
      expect(between).toContain(t.id);
      expect((await tickets.createdBetween(at(31), at(40))).map((x) => x.id)).not.toContain(t.id);
    });
  });

  describe('SLA timers', () => {
    it('leases each due timer to one caller; an unmarked lease comes back', async () => {
      const { tickets, slaTimers } = repos();
      const far = new Date(Date.UTC(2040, 0, 1));
      const timers = Array.from({ length: 6 }, (_, i) => ({ target: 'resolution' as const, phase: 'breach' as const, dueAt: new Date(far.getTime() + i) }));
      const t = await tickets.create(draft(), created(), { timers: { targets: ['resolution'], timers } });
      const now = new Date(far.getTime() + 10);
      const lease = new Date(far.getTime() + 60_000);
      // Concurrent callers first, then whoever is left; each timer must be leased exactly once.
      const claimed = (await Promise.all(Array.from({ length: 4 }, () => slaTimers.claimDue({ now, leaseUntil: lease, limit: 3 })))).flat();
      for (let more = await slaTimers.claimDue({ now, leaseUntil: lease, limit: 50 }); more.length > 0; more = await slaTimers.claimDue({ now, leaseUntil: lease, limit: 50 })) {
        claimed.push(...more);
      }
      const mine = claimed.filter((x) => x.ticketId === t.id);
      expect(mine).toHaveLength(6);
      expect(new Set(mine.map((x) => x.id)).size).toBe(6);
      mine.sort((a, b) => a.id.localeCompare(b.id));
      for (const x of mine.slice(1)) await slaTimers.markFired(x.id, now);
      expect((await slaTimers.claimDue({ now, leaseUntil: lease, limit: 50 })).filter((x) => x.ticketId === t.id)).toEqual([]);
      const back = (await slaTimers.claimDue({ now: lease, leaseUntil: new Date(lease.getTime() + 1), limit: 50 })).filter((x) => x.ticketId === t.id);
      expect(back.map((x) => x.id)).toEqual([mine[0]?.id]);
      expect((await slaTimers.list(t.id)).filter((x) => x.firedAt !== null)).toHaveLength(5);
    });
  });

  describe('surveys', () => {
    it('finds the customer’s open survey and changes status only from the expected one', async () => {
      const { surveys } = repos();
      const customerId = randomUUID();
      const base = { ticketId: null, conversationId: randomUUID(), customerId, agentId: 'ann', channel: 'wechat' as const, lang: 'zh' as const };
      const older = await surveys.create({ ...base, sentAt: at(1), expiresAt: at(100) });
      const newer = await surveys.create({ ...base, ticketId: 'tk', sentAt: at(2), expiresAt: at(50) });
      expect(newer).toMatchObject({ status: 'pending', score: null, comment: null, answeredAt: null, channel: 'wechat' });
      expect((await surveys.openForCustomer(customerId))?.id).toBe(newer.id);
      const results = await Promise.all([
        surveys.transition(newer.id, 'pending', { status: 'scored', score: 5, answeredAt: at(3), expiresAt: at(4) }),
        surveys.transition(newer.id, 'pending', { status: 'scored', score: 1, answeredAt: at(3), expiresAt: at(4) }),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await surveys.transition(newer.id, 'pending', { status: 'expired' })).toBeNull();
      expect((await surveys.listExpired(at(4), 10)).map((s) => s.id).filter((id) => id === newer.id || id === older.id)).toEqual([newer.id]);
      expect(await surveys.transition(newer.id, 'scored', { status: 'answered', comment: '很好' })).toMatchObject({ status: 'answered', comment: '很好' });
      expect((await surveys.openForCustomer(customerId))?.id).toBe(older.id);
      expect((await surveys.listByTicket('tk')).map((s) => s.id)).toEqual([newer.id]);
      expect((await surveys.answeredBetween(at(3), at(4))).map((s) => s.id)).toContain(newer.id);
      expect((await surveys.answeredBetween(at(3), at(4))).map((s) => s.id)).not.toContain(older.id);
      expect(await surveys.get(randomUUID())).toBeNull();
    });
  });

  describe('teams', () => {
    it('replaces members and lists teams per user', async () => {
      const { teams } = repos();
      const [t1, t2] = [`a-${randomUUID().slice(0, 6)}`, `b-${randomUUID().slice(0, 6)}`];
      const [u1, u2] = [`u-${randomUUID()}`, `u-${randomUUID()}`];
      await teams.setMembers(t1, [u1, u2], at(0));
      await teams.setMembers(t2, [u1], at(0));
      expect(await teams.teamsOf(u1)).toEqual([t1, t2]);
      await teams.setMembers(t1, [u2], at(1));
      expect(await teams.teamsOf(u1)).toEqual([t2]);
      const listed = (await teams.list()).filter((x) => x.team === t1 || x.team === t2);
      expect(listed).toEqual([{ team: t1, userIds: [u2] }, { team: t2, userIds: [u1] }]);
      await teams.setMembers(t2, [], at(2));
      expect((await teams.list()).some((x) => x.team === t2)).toBe(false);
    });
  });
}
