import type { Clock, Logger, Repositories } from '../core/ports.js';
import { AuthService } from '../core/users/auth-service.js';
import type { KefuConfig } from './config.js';

/** Sign-in and accounts, on their own: the CLI creates users without loading the rest of the composition. */
export function composeAuth(config: KefuConfig, repos: Pick<Repositories, 'users' | 'sessions'>, clock: Clock, logger: Logger): AuthService {
  return new AuthService(repos.users, repos.sessions, clock, logger, {
    sessionTtlMs: config.auth.sessionTtlMs,
    throttle: { maxFailures: config.auth.loginMaxFailures, windowMs: 15 * 60_000 },
    passwordCost: config.auth.passwordCost,
  });
}
