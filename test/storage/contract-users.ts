import { randomUUID } from 'node:crypto';
import type { ContractContext } from './storage-contract.js';

const email = () => `u-${randomUUID()}@shop.test`;

export function userAndSessionContract(get: () => ContractContext): void {
  describe('users', () => {
    it('creates, finds by lower-cased e-mail, updates and lists users', async () => {
      const { users } = get().storage.repos;
      const address = email();
      const created = await users.create({ email: address.toUpperCase(), displayName: '王小明', role: 'agent', passwordHash: 'scrypt$x' });
      expect(created).toMatchObject({ email: address, displayName: '王小明', role: 'agent', presence: 'offline', capacity: null, lastAssignedAt: null, status: 'active' });
      expect(await users.findByEmail(address.toUpperCase())).toEqual({ user: created, passwordHash: 'scrypt$x' });
      expect(await users.get(created.id)).toEqual(created);
      const at = new Date('2030-01-02T03:04:05.006Z');
      const updated = await users.update(created.id, { presence: 'online', capacity: 4, lastAssignedAt: at, passwordHash: 'scrypt$y' });
      expect(updated).toMatchObject({ presence: 'online', capacity: 4, lastAssignedAt: at, displayName: '王小明' });
      expect((await users.findByEmail(address))?.passwordHash).toBe('scrypt$y');
      expect((await users.list()).map((u) => u.id)).toContain(created.id);
      expect(await users.count()).toBeGreaterThanOrEqual(1);
      expect(await users.findByEmail(email())).toBeNull();
      expect(await users.update(created.id, { status: 'disabled' })).toMatchObject({ status: 'disabled', presence: 'online' });
    });

    it('refuses a second user with the same e-mail and an update of an unknown user', async () => {
      const { users } = get().storage.repos;
      const address = email();
      await users.create({ email: address, displayName: 'a', role: 'agent', passwordHash: 'h' });
      await expect(users.create({ email: address, displayName: 'b', role: 'admin', passwordHash: 'h' })).rejects.toMatchObject({ code: 'conflict' });
      await expect(users.update(randomUUID(), { presence: 'away' })).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  describe('sessions', () => {
    it('stores, extends, deletes and expires sessions', async () => {
      const { users, sessions } = get().storage.repos;
      const user = await users.create({ email: email(), displayName: 's', role: 'agent', passwordHash: 'h' });
      const base = { userId: user.id, csrfToken: 'csrf', createdAt: new Date('2030-01-01T00:00:00Z') };
      await sessions.create({ ...base, id: `live-${randomUUID()}`, expiresAt: new Date('2030-01-01T12:00:00Z') });
      const old = { ...base, id: `old-${randomUUID()}`, expiresAt: new Date('2029-12-31T12:00:00Z') };
      await sessions.create(old);
      expect(await sessions.get(old.id)).toEqual(old);
      const later = new Date('2030-01-02T00:00:00Z');
      await sessions.extend(old.id, later);
      expect((await sessions.get(old.id))?.expiresAt).toEqual(later);
      expect(await sessions.deleteExpired(new Date('2030-01-01T13:00:00Z'))).toBeGreaterThanOrEqual(1);
      expect(await sessions.get(old.id)).not.toBeNull();
      await sessions.delete(old.id);
      await sessions.delete(old.id);
      expect(await sessions.get(old.id)).toBeNull();
    });

    it('ends every session of one user, and only theirs', async () => {
      const { users, sessions } = get().storage.repos;
      const [a, b] = [await users.create({ email: email(), displayName: 'a', role: 'agent', passwordHash: 'h' }), await users.create({ email: email(), displayName: 'b', role: 'agent', passwordHash: 'h' })];
      const session = (userId: string) => ({ id: randomUUID(), userId, csrfToken: 'c', createdAt: new Date('2030-01-01T00:00:00Z'), expiresAt: new Date('2030-01-02T00:00:00Z') });
      const [a1, a2, b1] = [session(a.id), session(a.id), session(b.id)];
      for (const s of [a1, a2, b1]) await sessions.create(s);
      expect((await sessions.deleteForUser(a.id)).sort()).toEqual([a1.id, a2.id].sort());
      expect([await sessions.get(a1.id), await sessions.get(a2.id), (await sessions.get(b1.id))?.id]).toEqual([null, null, b1.id]);
      expect(await sessions.deleteForUser(a.id)).toEqual([]);
    });
  });
}

export function cannedReplyContract(get: () => ContractContext): void {
  describe('canned replies', () => {
    it('creates, lists by shortcut, updates and deletes; shortcuts are unique', async () => {
      const { cannedReplies } = get().storage.repos;
      const key = randomUUID().slice(0, 8);
      const team = { category: '售后', ownerId: null };
      const refund = await cannedReplies.create({ ...team, shortcut: `退货-${key}`, title: '退货流程', text: '您好，7 天无理由退货……' });
      const hello = await cannedReplies.create({ ...team, shortcut: `a-hello-${key}`, title: 'Hello', text: 'Hi!' });
      const listed = (await cannedReplies.list()).filter((r) => r.shortcut.endsWith(key));
      expect(listed).toEqual([hello, refund]);
      expect(refund).toMatchObject({ category: '售后', ownerId: null });
      await expect(cannedReplies.create({ ...team, shortcut: `退货-${key}`, title: 'x', text: 'y' })).rejects.toMatchObject({ code: 'conflict' });
      await expect(cannedReplies.update(hello.id, { shortcut: `退货-${key}` })).rejects.toMatchObject({ code: 'conflict' });
      const updated = await cannedReplies.update(refund.id, { text: '新的退货说明', category: '退换' });
      expect(updated).toMatchObject({ shortcut: `退货-${key}`, title: '退货流程', text: '新的退货说明', category: '退换' });
      expect(await cannedReplies.get(refund.id)).toEqual(updated);
      await cannedReplies.delete(refund.id);
      expect(await cannedReplies.get(refund.id)).toBeNull();
      await expect(cannedReplies.delete(refund.id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(cannedReplies.update(refund.id, { text: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    });

    it("keeps each agent's own replies apart from the team's and from each other's, with the same shortcut allowed", async () => {
      const { cannedReplies } = get().storage.repos;
      const key = randomUUID().slice(0, 8);
      const [ann, bob] = [`ann-${key}`, `bob-${key}`];
      const shortcut = `hi-${key}`;
      const team = await cannedReplies.create({ shortcut, category: '', title: 'Team', text: '您好', ownerId: null });
      const anns = await cannedReplies.create({ shortcut, category: '我的', title: 'Ann', text: '您好，我是小安', ownerId: ann });
      await expect(cannedReplies.create({ shortcut, category: '', title: 'Again', text: '再来', ownerId: ann })).rejects.toMatchObject({ code: 'conflict' });
      const mine = (owner?: string) => cannedReplies.list(owner).then((all) => all.filter((r) => r.shortcut === shortcut).map((r) => r.title));
      expect(await mine(ann)).toEqual(['Team', 'Ann']);
      expect(await mine(bob)).toEqual(['Team']);
      expect(await mine()).toEqual(['Team']);
      expect(anns.ownerId).toBe(ann);
      await cannedReplies.delete(team.id);
      expect(await mine(ann)).toEqual(['Ann']);
    });

    it('a new database starts with the default team replies, /退货 among them', async () => {
      const defaults = await get().storage.repos.cannedReplies.list();
      expect(defaults.find((r) => r.shortcut === '退货')).toMatchObject({ ownerId: null, category: '售后', text: expect.stringContaining('{订单号}') });
      expect(new Set(defaults.filter((r) => r.id.startsWith('default-')).map((r) => r.category))).toEqual(new Set(['问候', '售后', '物流', '订单', '结束语']));
      expect(defaults.every((r) => r.updatedAt instanceof Date && !Number.isNaN(r.updatedAt.getTime()))).toBe(true);
    });
  });
}
