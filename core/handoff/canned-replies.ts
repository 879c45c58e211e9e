import { DomainError } from '../errors.js';
import type { CannedReplyPatch, CannedReplyRepository } from '../ports.js';
import type { CannedReply, User } from '../types.js';
import { assertRole } from '../users/access.js';

const TEAM_EDITORS = ['supervisor', 'admin'] as const;

export type NewCannedReply = Omit<CannedReply, 'id' | 'ownerId' | 'updatedAt'> & {
  /** An agent's own reply; team replies are written by supervisors and admins. */
  personal: boolean;
};

/**
 * Canned replies: the team's, which everyone reads and supervisors and admins write, and each user's own, which only
 * that user sees and writes.
 */
export class CannedReplies {
  constructor(private readonly repo: CannedReplyRepository) {}

  list(user: User): Promise<CannedReply[]> {
    return this.repo.list(user.id);
  }

  create(user: User, input: NewCannedReply): Promise<CannedReply> {
    const { personal, ...reply } = input;
    if (!personal) assertRole(user, TEAM_EDITORS);
    return this.repo.create({ ...reply, ownerId: personal ? user.id : null });
  }

  async update(user: User, id: string, patch: CannedReplyPatch): Promise<CannedReply> {
    await this.writable(user, id);
    return this.repo.update(id, patch);
  }

  async delete(user: User, id: string): Promise<void> {
    await this.writable(user, id);
    return this.repo.delete(id);
  }

  private async writable(user: User, id: string): Promise<void> {
    const reply = await this.repo.get(id);
    // Someone else's own reply is as good as missing.
    if (!reply || (reply.ownerId !== null && reply.ownerId !== user.id)) {
      throw new DomainError('not_found', `canned reply ${id} not found`, { userMessage: 'Canned reply not found' });
    }
    if (reply.ownerId === null) assertRole(user, TEAM_EDITORS);
  }
}

