import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { AuditRepository, MessageFlagRepository, SensitiveWordRepository } from '../ports.js';
import type { MessageFlag } from '../supervision/flag-types.js';
import type { WordList } from '../supervision/word-list.js';

export interface InMemorySupervision {
  sensitiveWords: SensitiveWordRepository;
  messageFlags: MessageFlagRepository;
}

/** The sensitive-word list and flagged messages, kept in memory; changes to the list go to the shared audit log. */
export function createInMemorySupervision(audit: AuditRepository): InMemorySupervision {
  let list: WordList | null = null;
  const flags: MessageFlag[] = [];
  const copy = (f: MessageFlag): MessageFlag => ({ ...f, hits: f.hits.map((h) => ({ ...h })) });

  const sensitiveWords: SensitiveWordRepository = {
    async get() {
      return list && { words: list.words.map((w) => ({ ...w, variants: [...w.variants] })), version: list.version };
    },
    async replace(words, entry, expectedVersion) {
      const version = list?.version ?? 0;
      if (expectedVersion !== undefined && expectedVersion !== version) {
        throw new DomainError('conflict', `sensitive words at version ${version}, not ${expectedVersion}`, { userMessage: 'The word list was changed meanwhile; reload and try again' });
      }
      list = { words: words.map((w) => ({ ...w, variants: [...w.variants] })), version: version + 1 };
      await audit.record(entry);
      return { words: list.words, version: list.version };
    },
  };

  const messageFlags: MessageFlagRepository = {
    async create(input) {
      const flag: MessageFlag = { ...input, id: randomUUID(), status: 'open', reviewerId: null, reviewNote: null, reviewedAt: null };
      flags.push(flag);
      return copy(flag);
    },
    async list(filter) {
      return flags
        .filter((f) => (!filter.status || f.status === filter.status) && (!filter.kinds || filter.kinds.includes(f.kind)) && (!filter.agentId || f.agentId === filter.agentId))
        .reverse()
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .slice(0, filter.limit ?? 100)
        .map(copy);
    },
    async review(id, input) {
      const flag = flags.find((f) => f.id === id && f.status === 'open');
      if (!flag) return null;
      Object.assign(flag, { status: 'reviewed', reviewerId: input.reviewerId, reviewNote: input.note, reviewedAt: input.at });
      return copy(flag);
    },
  };

  return { sensitiveWords, messageFlags };
}
