import { ConfigError, loadConfig } from '../../app/config.js';

const problems = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('expected a ConfigError');
};

describe('handoff and console settings', () => {
  it('defaults to weekday hours in Shanghai, manual routing and two fallbacks', () => {
    const { handoff, auth } = loadConfig({});
    expect(handoff).toMatchObject({ fallbackLimit: 2, routing: 'manual', agentCapacity: 5 });
    expect(handoff.hours.timeZone).toBe('Asia/Shanghai');
    expect(handoff.hours.describe('en')).toBe('Mon-Fri 09:00-18:00');
    expect(handoff.hours.isOpen(new Date('2026-03-02T02:00:00Z'))).toBe(true); // Monday 10:00 in Shanghai
    expect(auth).toEqual({ sessionTtlMs: 12 * 3_600_000, cookieSecure: 'auto', loginMaxFailures: 5, passwordCost: 15 });
  });

  it('reads hours, zone, holidays, routing and cookie settings', () => {
    const { handoff, auth } = loadConfig({
      KEFU_BUSINESS_HOURS: 'Mon-Sat 10:00-22:00', KEFU_TIMEZONE: 'Europe/Berlin', KEFU_HOLIDAYS: '2026-12-25, 2026-12-26',
      KEFU_ROUTING: 'least-busy', KEFU_AGENT_CAPACITY: '3', KEFU_HANDOFF_FALLBACKS: '0', KEFU_COOKIE_SECURE: 'true', KEFU_SESSION_TTL_HOURS: '1.5',
    });
    expect(handoff).toMatchObject({ routing: 'least-busy', agentCapacity: 3, fallbackLimit: 0 });
    expect(handoff.hours.isOpen(new Date('2026-12-25T12:00:00Z'))).toBe(false);
    expect(handoff.hours.isOpen(new Date('2026-12-24T12:00:00Z'))).toBe(true);
    expect(auth).toMatchObject({ cookieSecure: true, sessionTtlMs: 5_400_000 });
  });

  it('names the variable that is wrong', () => {
    expect(problems({ KEFU_BUSINESS_HOURS: 'weekdays nine to six' })).toContain('KEFU_BUSINESS_HOURS: cannot read business hours');
    expect(problems({ KEFU_TIMEZONE: 'Asia/Atlantis' })).toContain('KEFU_TIMEZONE: unknown time zone "Asia/Atlantis"');
    expect(problems({ KEFU_HOLIDAYS: '25.12.2026' })).toContain('KEFU_HOLIDAYS');
    expect(problems({ KEFU_ROUTING: 'random' })).toContain('KEFU_ROUTING');
    expect(problems({ KEFU_COOKIE_SECURE: 'maybe' })).toContain('KEFU_COOKIE_SECURE');
  });
});
