import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startKefu } from './start.js';

async function main(): Promise<void> {
  try {
    process.loadEnvFile();
  } catch {
    // no .env file: the environment alone configures Kefu
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const kefu = await startKefu(config, logger);
  console.log(`Kefu is running at http://localhost:${kefu.port}/  (database: ${config.databaseUrl.startsWith('file:') ? config.databaseUrl : 'postgresql'})`);
  if ((await kefu.services.repos.users.count()) === 0) {
    // No account is created silently: whoever runs Kefu chooses the first admin and the password.
    console.log(
      'No agent accounts yet. Create the first admin, then sign in at ' +
        `http://localhost:${kefu.port}/console/:\n  npx kefu user add --email you@example.com --password '<a long password>' --role admin`,
    );
  }
  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await kefu.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('Kefu failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
