import { pickAgent, type AgentLoad } from '../../core/handoff/routing.js';

const agent = (id: string, load: number, lastAssignedAt: string | null, presence: AgentLoad['presence'] = 'online', capacity = 3): AgentLoad => ({
  id, load, capacity, presence, lastAssignedAt: lastAssignedAt ? new Date(lastAssignedAt) : null,
});

describe('routing', () => {
  const team = [agent('a', 2, '2026-03-02T10:05:00Z'), agent('b', 0, '2026-03-02T10:09:00Z'), agent('c', 1, '2026-03-02T10:01:00Z')];

  it('manual routing assigns nobody', () => {
    expect(pickAgent('manual', team)).toBeNull();
  });

  it('round-robin takes the agent assigned longest ago, never-assigned first', () => {
    expect(pickAgent('round-robin', team)?.id).toBe('c');
    expect(pickAgent('round-robin', [...team, agent('d', 0, null)])?.id).toBe('d');
  });

  it('least-busy takes the lowest load, then the longest idle', () => {
    expect(pickAgent('least-busy', team)?.id).toBe('b');
    expect(pickAgent('least-busy', [...team, agent('e', 0, '2026-03-02T09:00:00Z')])?.id).toBe('e');
  });

  it('skips agents who are away, offline or full', () => {
    const busy = [agent('a', 3, null), agent('b', 0, null, 'away'), agent('c', 0, null, 'offline'), agent('d', 1, null, 'online', 1)];
    expect(pickAgent('least-busy', busy)).toBeNull();
    expect(pickAgent('round-robin', busy)).toBeNull();
  });
});
