import { pino } from 'pino';
import type { Logger } from '../core/ports.js';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['text', '*.text', 'token', '*.token', 'password', '*.password', 'authorization'], censor: '[redacted]' },
  });
}
