import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { withStoreFile } from './setup/store-file.js';
import { startKefu } from './start.js';
import { printFirstRun } from './setup/first-run.js';
import { resolveSecret } from './secret.js';
import { stopOnSignals } from './shutdown-signals.js';

async function main(): Promise<void> {
  try {
    process.loadEnvFile();
  } catch {
    // no .env file: the environment alone configures Kefu
  }
  let config;
  try {
    config = loadConfig(withStoreFile(process.env));
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel, config.logFormat);
  const kefu = await startKefu(config, logger);
  console.log(listeningLine(config.host, kefu.port, config.databaseUrl.startsWith('file:') ? config.databaseUrl : 'postgresql'));
  await printFirstRun(kefu.port, kefu.services.repos.users, resolveSecret(config.secret, config.dataDir, logger));
  stopOnSignals(() => kefu.close(config.shutdownGraceMs), { graceMs: config.shutdownGraceMs, logger });
}

/** Said once the server listens: the address it is bound to, and the one to open on this machine. */
function listeningLine(host: string, port: number, database: string): string {
  const everywhere = host === '0.0.0.0' || host === '::';
  const local = everywhere ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const where = everywhere ? `all network interfaces (${host === '::' ? `[::]` : host}:${port})` : `${local}:${port}`;
  return `Kefu is listening on ${where}; open http://${local}:${port}/  (database: ${database})`;
}

main().catch((err: unknown) => {
  console.error('Kefu failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
