import { DomainError } from '../errors.js';
import type { Actor, FaqContent, FaqEntry, FaqInput } from '../types.js';

/** Tools that change the knowledge base without a signed-in user. */
export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };
export const CLI_ACTOR: Actor = { id: null, name: 'cli' };

/** The versioned part of an entry, with defaults filled in and lists copied. */
export function toContent(entry: FaqInput | FaqEntry | FaqContent): FaqContent {
  return {
    question: entry.question,
    alternates: [...(entry.alternates ?? [])],
    answer: entry.answer,
    category: entry.category ?? null,
    tags: [...(entry.tags ?? [])],
    enabled: entry.enabled ?? true,
  };
}

export function sameContent(a: FaqContent, b: FaqContent): boolean {
  return JSON.stringify(toContent(a)) === JSON.stringify(toContent(b));
}

export function staleVersion(id: string, current: number | null): DomainError {
  const now = current === null ? 'it no longer exists' : `it is at version ${current} now`;
  return new DomainError('conflict', `FAQ ${id}: expected version does not hold (${now})`, {
    userMessage: current === null ? `FAQ "${id}" was deleted meanwhile` : `FAQ "${id}" was changed meanwhile (now version ${current}); reload and try again`,
    details: { id, currentVersion: current },
  });
}

export function idTaken(id: string): DomainError {
  return new DomainError('conflict', `FAQ id ${id} exists`, { userMessage: `An FAQ with id "${id}" already exists`, details: { id } });
}

export function assertDistinctIds(ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new DomainError('invalid_input', `FAQ id "${id}" appears more than once`);
    seen.add(id);
  }
}

/** The same caps `knowledge/` checks files against (FAQ_LIMITS); core enforces them where it builds entries itself. */
export const FAQ_MAX_ALTERNATES = 30;
export const FAQ_MAX_ALTERNATE_LENGTH = 300;
export const FAQ_MAX_QUESTION_LENGTH = 300;
