import { Router } from 'express';
import { DomainError } from '../../core/errors.js';
import type { AuthService } from '../../core/users/auth-service.js';
import { assertRole } from '../../core/users/access.js';
import type { WechatLoginState } from '../../bots/wechat/wechat-login.js';
import { requireSession, signedIn } from '../agents/session-auth.js';
import type { ChannelHealth } from '../channel-supervisor.js';

export interface ChannelAdminDeps {
  auth: AuthService;
  health(): Record<string, ChannelHealth>;
  /** The WeChat login state; undefined when WeChat is off. */
  wechatLogin?: () => WechatLoginState;
}

/** Channel status and the WeChat login QR code, for admins signed in to the console. */
export function createChannelAdminRouter(deps: ChannelAdminDeps): Router {
  const router = Router();
  router.use('/api/admin/channels', requireSession(deps.auth), (_req, res, next) => {
    assertRole(signedIn(res).user, ['admin']);
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.get('/api/admin/channels', (_req, res) => {
    res.json({ channels: deps.health() });
  });
  router.get('/api/admin/channels/wechat/qr', (_req, res) => {
    if (!deps.wechatLogin) throw new DomainError('not_found', 'wechat is off', { userMessage: 'The WeChat channel is not enabled (set WECHATY_PUPPET)' });
    res.json({ wechat: deps.wechatLogin() });
  });
  return router;
}
