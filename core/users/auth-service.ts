import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { Clock, Logger, SessionRepository, UserRepository } from '../ports.js';
import { ROLES, type Role, type Session, type User } from '../types.js';
import { LoginThrottle, type LoginThrottleOptions } from './login-throttle.js';
import { dummyHash, hashPassword, verifyPassword } from './password.js';
import { cutAt } from '../text-rules.js';

export interface AuthSettings {
  sessionTtlMs: number;
  throttle: LoginThrottleOptions;
  /** log2 of scrypt's N for passwords set from now on (default 15: 32 MiB per hash). */
  passwordCost?: number;
}

export interface NewUserInput {
  email: string;
  password: string;
  role: Role;
  displayName?: string;
}

export interface SignedIn {
  user: User;
  /** The cookie value; only its SHA-256 is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface Authenticated {
  user: User;
  session: Session;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD_LENGTH = 8;

const invalid = (message: string) => new DomainError('invalid_input', message);
/** Topic on which a session's sockets learn that it ended (sign-out, or the account was disabled). */
export const sessionTopic = (sessionId: string): string => `session:${sessionId}`;
const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

/** Accounts, passwords and server-side sessions for the agent console. */
export class AuthService {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly settings: AuthSettings,
  ) {
    this.throttle = new LoginThrottle(clock, settings.throttle);
  }

  async createUser(input: NewUserInput): Promise<User> {
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) throw invalid('email must be an e-mail address');
    if (!(ROLES as readonly string[]).includes(input.role)) throw invalid(`role must be one of ${ROLES.join(', ')}`);
    const displayName = cutAt((input.displayName ?? email.split('@')[0] ?? email).trim(), 80);
    const user = await this.users.create({ email, displayName, role: input.role, passwordHash: await this.passwordHash(input.password) });
    this.logger.info({ userId: user.id, role: user.role }, 'user created');
    return user;
  }

  /** Checks the password rules and hashes it. */
  async passwordHash(password: string): Promise<string> {
    if (password.length < MIN_PASSWORD_LENGTH || password.length > 200) {
      throw invalid(`password must be ${MIN_PASSWORD_LENGTH} to 200 characters long`);
    }
    return hashPassword(password, this.settings.passwordCost);
  }

  listUsers(): Promise<User[]> {
    return this.users.list();
  }

  /** `client` identifies where the attempt came from (the IP address), for rate limiting. */
  async login(emailInput: string, password: string, client: string): Promise<SignedIn> {
    const email = emailInput.trim().toLowerCase();
    const attempt = this.throttle.reserve(email, client);
    const found = await this.users.findByEmail(email);
    const ok = await verifyPassword(password, found?.passwordHash ?? (await dummyHash(this.settings.passwordCost)));
    // A disabled or removed account answers like a wrong password: no hint that the address exists.
    if (!found || !ok || found.user.status !== 'active') {
      this.logger.info({ client }, 'sign-in failed');
      throw new DomainError('unauthorized', 'wrong e-mail or password', { userMessage: 'Wrong e-mail address or password' });
    }
    attempt.succeeded();
    const now = this.clock.now();
    await this.sessions.deleteExpired(now);
    const token = randomBytes(32).toString('base64url');
    const session: Session = {
      id: sessionId(token), userId: found.user.id, csrfToken: randomBytes(24).toString('base64url'),
      createdAt: now, expiresAt: new Date(now.getTime() + this.settings.sessionTtlMs),
    };
    await this.sessions.create(session);
    this.logger.info({ userId: found.user.id }, 'signed in');
    return { user: found.user, token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }

  /** The user behind a session cookie, or null. Sessions slide: one used in its second half is extended. */
  async authenticate(token: string | undefined): Promise<Authenticated | null> {
    if (!token || token.length > 200) return null;
    const session = await this.sessions.get(sessionId(token));
    if (!session) return null;
    const now = this.clock.now().getTime();
    if (session.expiresAt.getTime() <= now) {
      await this.sessions.delete(session.id);
      return null;
    }
    const user = await this.users.get(session.userId);
    if (!user || user.status !== 'active') return null;
    if (session.expiresAt.getTime() - now < this.settings.sessionTtlMs / 2) {
      session.expiresAt = new Date(now + this.settings.sessionTtlMs);
      await this.sessions.extend(session.id, session.expiresAt);
    }
    return { user, session };
  }

  async logout(token: string | undefined): Promise<Session | null> {
    const session = token ? await this.sessions.get(sessionId(token)) : null;
    if (session) await this.sessions.delete(session.id);
    return session;
  }

  /** Double-submit check: the header must repeat the session's CSRF token. */
  verifyCsrf(session: Session, header: string | undefined): void {
    const given = Buffer.from(header ?? '', 'utf8');
    const expected = Buffer.from(session.csrfToken, 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new DomainError('forbidden', 'missing or wrong CSRF token', { userMessage: 'Missing or invalid X-CSRF-Token header; reload the page' });
    }
  }
}
