import type { Clock, Logger, Repositories } from '../core/ports.js';
import { SensitiveWordService } from '../core/supervision/sensitive-word-service.js';

/** Supervision (issue #16): the sensitive-word list and the messages it flags. */
export interface SupervisionModule {
  words: SensitiveWordService;
}

export function composeSupervision({ repos, clock, logger }: { repos: Repositories; clock: Clock; logger: Logger }): SupervisionModule {
  const words = new SensitiveWordService({ words: repos.sensitiveWords, flags: repos.messageFlags, clock, logger });
  return { words };
}
