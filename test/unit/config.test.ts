import { ConfigError, loadConfig } from '../../app/config.js';

describe('loadConfig', () => {
  it('runs on the embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: 'file:./data/kefu.db', maxMessageLength: 4000, kbAutoload: true });
  });

  it('derives the SQLite file from KEFU_DATA_DIR and honours DATABASE_URL', () => {
    expect(loadConfig({ KEFU_DATA_DIR: '/var/kefu/' }).databaseUrl).toBe('file:/var/kefu/kefu.db');
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h:5432/db' }).databaseUrl).toBe('postgresql://u@h:5432/db');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ KEFU_MATCH_ANSWER_THRESHOLD: '', PORT: '' }).matcher).toEqual({});
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', KEFU_KB_AUTOLOAD: 'maybe', KEFU_MATCH_MIN_MARGIN: '2', KEFU_PASSWORD_COST: '30' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as ConfigError).message;
      for (const name of ['PORT', 'DATABASE_URL', 'KEFU_KB_AUTOLOAD', 'KEFU_MATCH_MIN_MARGIN', 'KEFU_PASSWORD_COST']) expect(message).toContain(name);
    }
  });

  it('prints every problem at once: bad fields, settings that only work together, and business hours', () => {
    const problems = (() => {
      try {
        loadConfig({ PORT: 'eighty', WECOM_CORP_ID: 'wwkefu', MICROSOFT_APP_PASSWORD: 'x', KEFU_SLA_POLICY: '{not json', KEFU_BUSINESS_HOURS: 'whenever' });
      } catch (err) {
        if (err instanceof ConfigError) return err.problems;
      }
      throw new Error('expected a ConfigError');
    })();
    for (const name of ['PORT', 'WECOM_CORP_ID', 'MICROSOFT_APP_PASSWORD', 'KEFU_SLA_POLICY']) expect(problems.join('\n')).toContain(name);
    expect(problems.length).toBeGreaterThanOrEqual(4);
  });

  it('reports business hours together with the other groups once the fields parse', () => {
    const problems = (() => {
      try {
        loadConfig({ WECOM_CORP_ID: 'wwkefu', KEFU_BUSINESS_HOURS: 'whenever' });
      } catch (err) {
        if (err instanceof ConfigError) return err.problems;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(problems).toEqual([expect.stringContaining('WECOM_CORP_ID'), expect.stringContaining('KEFU_BUSINESS_HOURS')]);
  });
});
