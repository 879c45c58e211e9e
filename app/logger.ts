import { pino } from 'pino';
import type { Logger } from '../core/ports.js';
import { prettyStream, usePretty, type LogFormat } from './log-format.js';

export function createLogger(level: string, format: LogFormat = 'auto'): Logger {
  const options = {
    level,
    base: undefined,
    redact: { paths: ['text', '*.text', 'token', '*.token', 'password', '*.password', 'authorization'], censor: '[redacted]' },
  };
  return usePretty(format, process.stdout) ? pino(options, prettyStream(process.stdout)) : pino(options);
}
