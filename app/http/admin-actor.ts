import type { Response } from 'express';
import type { Actor } from '../../core/types.js';
import { signedIn } from '../agents/session-auth.js';

/** Who the signed-in admin is, as history and the audit log record it. */
export function actorOf(res: Response): Actor {
  const { user } = signedIn(res);
  return { id: user.id, name: user.email };
}
