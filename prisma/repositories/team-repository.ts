import type { TeamRepository } from '../../core/ports.js';
import { TX_OPTIONS, type Db } from '../client.js';

export class PrismaTeamRepository implements TeamRepository {
  constructor(private readonly db: Db) {}

  async list(): Promise<Array<{ team: string; userIds: string[] }>> {
    const rows = await this.db.teamMember.findMany({ orderBy: [{ team: 'asc' }, { userId: 'asc' }] });
    const teams = new Map<string, string[]>();
    for (const r of rows) teams.set(r.team, [...(teams.get(r.team) ?? []), r.userId]);
    return [...teams].map(([team, userIds]) => ({ team, userIds }));
  }

  async teamsOf(userId: string): Promise<string[]> {
    const rows = await this.db.teamMember.findMany({ where: { userId }, orderBy: { team: 'asc' } });
    return rows.map((r) => r.team);
  }

  async setMembers(team: string, userIds: string[], at: Date): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await tx.teamMember.deleteMany({ where: { team } });
      if (userIds.length > 0) await tx.teamMember.createMany({ data: [...new Set(userIds)].map((userId) => ({ team, userId, createdAt: at })) });
    }, TX_OPTIONS);
  }
}
