import type { Presence } from '../types.js';

export const ROUTING_MODES = ['manual', 'round-robin', 'least-busy'] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

export interface AgentLoad {
  id: string;
  presence: Presence;
  /** Conversations the agent has open now. */
  load: number;
  capacity: number;
  lastAssignedAt: Date | null;
}

const time = (d: Date | null) => d?.getTime() ?? -Infinity;
const longestIdle = (a: AgentLoad, b: AgentLoad) => time(a.lastAssignedAt) - time(b.lastAssignedAt) || a.id.localeCompare(b.id);

/**
 * Who gets the next queued conversation: an online agent below capacity, chosen in turn (round-robin: the one
 * assigned longest ago) or by load (least-busy: fewest open conversations, then longest ago). Manual: nobody.
 */
export function pickAgent(mode: RoutingMode, agents: readonly AgentLoad[]): AgentLoad | null {
  if (mode === 'manual') return null;
  const free = agents.filter((a) => a.presence === 'online' && a.load < a.capacity);
  const order = mode === 'least-busy' ? (a: AgentLoad, b: AgentLoad) => a.load - b.load || longestIdle(a, b) : longestIdle;
  return [...free].sort(order)[0] ?? null;
}
