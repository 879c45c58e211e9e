import { ConfigError, loadConfig } from '../../app/config.js';
import { DEFAULT_SLA_POLICY, ruleFor } from '../../core/tickets/sla-policy.js';

const load = (env: Record<string, string>) => loadConfig({ LOG_LEVEL: 'silent', ...env });
const problems = (env: Record<string, string>): string[] => {
  try {
    load(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
};

describe('KEFU_SLA_POLICY and survey settings', () => {
  it('defaults to the store policy: complaints in 2 business hours, left messages in 24, surveys expire after 3 days', () => {
    const { tickets } = load({});
    expect(tickets.slaPolicy).toEqual(DEFAULT_SLA_POLICY);
    expect(ruleFor(tickets.slaPolicy, { type: 'complaint', priority: 'high', source: 'complaint' }).firstResponseMs).toBe(2 * 3_600_000);
    expect(ruleFor(tickets.slaPolicy, { type: 'inquiry', priority: 'normal', source: 'left_message' }).firstResponseMs).toBe(24 * 3_600_000);
    expect(tickets.survey).toEqual({ expireMs: 3 * 86_400_000, commentMs: 30 * 60_000 });
    expect(tickets.slaPollMs).toBe(30_000);
  });

  it('reads rules by type, priority and source, with hours or units, first match first', () => {
    const { tickets } = load({
      KEFU_SLA_POLICY: JSON.stringify({
        warnAt: 0.5,
        rules: [
          { type: 'complaint', priority: 'urgent', firstResponse: '15m', resolution: 4 },
          { source: 'left_message', firstResponse: '1d', resolution: '3d', clock: 'calendar' },
          { firstResponse: 8, resolution: '90s' },
        ],
      }),
      KEFU_SURVEY_EXPIRE_DAYS: '7', KEFU_SURVEY_COMMENT_MINUTES: '10', KEFU_SLA_POLL_MS: '5000',
    });
    const policy = tickets.slaPolicy;
    expect(policy.warnAt).toBe(0.5);
    expect(ruleFor(policy, { type: 'complaint', priority: 'urgent', source: 'manual' })).toMatchObject({ firstResponseMs: 900_000, resolutionMs: 4 * 3_600_000, clock: 'business' });
    expect(ruleFor(policy, { type: 'complaint', priority: 'high', source: 'left_message' })).toMatchObject({ firstResponseMs: 86_400_000, clock: 'calendar' });
    expect(ruleFor(policy, { type: 'other', priority: 'low', source: 'manual' })).toMatchObject({ firstResponseMs: 8 * 3_600_000, resolutionMs: 90_000 });
    expect(tickets.survey).toEqual({ expireMs: 7 * 86_400_000, commentMs: 600_000 });
    expect(tickets.slaPollMs).toBe(5000);
  });

  it('names every problem', () => {
    expect(problems({ KEFU_SLA_POLICY: '{rules:' })).toEqual(['KEFU_SLA_POLICY: is not valid JSON']);
    expect(problems({ KEFU_SLA_POLICY: JSON.stringify({ rules: [{ type: 'complaint', firstResponse: 1, resolution: 2 }] }) }))
      .toEqual(['KEFU_SLA_POLICY: the last rule must have no type, priority or source (the default)']);
    expect(problems({ KEFU_SLA_POLICY: JSON.stringify({ rules: [{ type: 'refund', firstResponse: '2 weeks', resolution: 2 }] }) })).toEqual([
      expect.stringMatching(/^KEFU_SLA_POLICY\.rules\.0\.type: /), expect.stringMatching(/^KEFU_SLA_POLICY\.rules\.0\.firstResponse: /),
    ]);
    expect(problems({ KEFU_SURVEY_EXPIRE_DAYS: '0' })).toEqual([expect.stringMatching(/^KEFU_SURVEY_EXPIRE_DAYS: /)]);
  });
});
