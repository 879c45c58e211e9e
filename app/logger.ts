import { pino } from 'pino';
import type { Logger } from '../core/ports.js';
import { prettyStream, usePretty, type LogFormat } from './log-format.js';

/** Logs to stdout, or to the file `options.destination` (the bench writes to /dev/null to print its own results). */
export function createLogger(level: string, format: LogFormat = 'auto', options: { destination?: string } = {}): Logger {
  const settings = {
    level,
    base: undefined,
    redact: { paths: ['text', '*.text', 'token', '*.token', 'password', '*.password', 'authorization'], censor: '[redacted]' },
  };
  if (options.destination) return pino(settings, pino.destination({ dest: options.destination, sync: true }));
  return usePretty(format, process.stdout) ? pino(settings, prettyStream(process.stdout)) : pino(settings);
}
