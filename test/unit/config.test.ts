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
});
