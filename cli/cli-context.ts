import type { KefuConfig } from '../app/config.js';

export interface CliContext {
  config: KefuConfig;
  out(line: string): void;
  err(line: string): void;
}

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}
