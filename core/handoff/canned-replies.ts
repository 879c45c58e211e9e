import type { CannedReplyInput, CannedReplyRepository } from '../ports.js';
import type { CannedReply, User } from '../types.js';
import { assertRole } from '../users/access.js';

const EDITORS = ['supervisor', 'admin'] as const;

/** The team's canned replies: every signed-in user reads them, supervisors and admins write them. */
export class CannedReplies {
  constructor(private readonly repo: CannedReplyRepository) {}

  list(): Promise<CannedReply[]> {
    return this.repo.list();
  }

  create(user: User, input: CannedReplyInput): Promise<CannedReply> {
    assertRole(user, EDITORS);
    return this.repo.create(input);
  }

  update(user: User, id: string, patch: Partial<CannedReplyInput>): Promise<CannedReply> {
    assertRole(user, EDITORS);
    return this.repo.update(id, patch);
  }

  delete(user: User, id: string): Promise<void> {
    assertRole(user, EDITORS);
    return this.repo.delete(id);
  }
}
