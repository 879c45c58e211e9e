import { DomainError } from '../errors.js';
import type { Logger, SynonymRepository } from '../ports.js';
import type { Actor } from '../types.js';
import { SYSTEM_ACTOR } from './faq-content.js';

export const SYNONYM_LIMITS = { groups: 2000, terms: 50, term: 40 } as const;

export interface SynonymList {
  groups: string[][];
  /** 0 while the built-in list is in use (nothing stored yet). */
  version: number;
  source: 'database' | 'builtin';
}

/** The matcher's synonym groups: the built-in list until an admin (or the first start) stores them. */
export class SynonymService {
  constructor(
    private readonly repo: SynonymRepository,
    private readonly builtin: string[][],
    private readonly knowledge: { invalidate(): void },
    private readonly logger: Logger,
  ) {}

  async get(): Promise<SynonymList> {
    const stored = await this.repo.get();
    return stored ? { ...stored, source: 'database' } : { groups: this.builtin.map((g) => [...g]), version: 0, source: 'builtin' };
  }

  /** Stores the built-in list when nothing is stored yet, so admins edit what the matcher uses. */
  async seed(): Promise<void> {
    if (await this.repo.get()) return;
    await this.repo.replace(this.builtin, { actor: SYSTEM_ACTOR, action: 'synonyms.seed', target: 'synonyms', summary: `loaded ${this.builtin.length} built-in groups` });
    this.knowledge.invalidate();
  }

  async replace(input: string[][], actor: Actor, expectedVersion?: number): Promise<SynonymList> {
    const groups = validateGroups(input);
    const before = (await this.get()).groups;
    const key = (g: string[]) => JSON.stringify(g);
    const had = new Set(before.map(key));
    const has = new Set(groups.map(key));
    const added = groups.filter((g) => !had.has(key(g)));
    const removed = before.filter((g) => !has.has(key(g)));
    const stored = await this.repo.replace(groups, {
      actor, action: 'synonyms.replace', target: 'synonyms',
      summary: `${groups.length} groups (${added.length} added or changed, ${removed.length} removed or changed)`,
      details: { added, removed },
    }, expectedVersion);
    this.knowledge.invalidate();
    this.logger.info({ actor: actor.id ?? actor.name, groups: groups.length }, 'synonyms changed');
    return { ...stored, source: 'database' };
  }
}

/** Trimmed, de-duplicated groups of two or more terms; a term may belong to one group only. */
export function validateGroups(input: unknown): string[][] {
  const fail = (why: string) => new DomainError('invalid_input', `synonyms: ${why}`, { userMessage: why });
  if (!Array.isArray(input)) throw fail('groups must be an array of arrays of terms');
  if (input.length > SYNONYM_LIMITS.groups) throw fail(`at most ${SYNONYM_LIMITS.groups} groups`);
  const owner = new Map<string, number>();
  const groups: string[][] = [];
  for (const [i, raw] of input.entries()) {
    if (!Array.isArray(raw) || raw.some((t) => typeof t !== 'string')) throw fail(`group ${i + 1} must be an array of terms`);
    const terms = [...new Set((raw as string[]).map((t) => t.trim().replace(/\s+/g, ' ')).filter(Boolean))];
    if (terms.length === 0) continue;
    if (terms.length < 2) throw fail(`group ${i + 1} ("${terms[0]}") needs at least two terms`);
    if (terms.length > SYNONYM_LIMITS.terms) throw fail(`group ${i + 1} has more than ${SYNONYM_LIMITS.terms} terms`);
    for (const term of terms) {
      if (term.length > SYNONYM_LIMITS.term) throw fail(`"${term.slice(0, 20)}…" is longer than ${SYNONYM_LIMITS.term} characters`);
      const other = owner.get(term.toLowerCase());
      if (other !== undefined) throw fail(`"${term}" is in group ${other + 1} and group ${i + 1}`);
      owner.set(term.toLowerCase(), i);
    }
    groups.push(terms);
  }
  return groups;
}
