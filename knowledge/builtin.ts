import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { FaqInput } from '../core/types.js';
import { parseFaqJson } from './faq-json.js';

/** The folder holding package.json, found by walking up from this file (works from source and from dist/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above knowledge/');
    dir = parent;
  }
  return dir;
}

export function knowledgePath(...parts: string[]): string {
  return join(packageRoot(), 'knowledge', ...parts);
}

/** The FAQ set shipped with Kefu. Throws if any entry is invalid: it is our own content. */
export function loadBuiltinFaqs(): FaqInput[] {
  const { entries, rejected } = parseFaqJson(readFileSync(knowledgePath('builtin', 'faqs.json'), 'utf8'));
  if (rejected.length > 0) throw new Error(`invalid built-in FAQ: ${JSON.stringify(rejected)}`);
  return entries;
}

const synonymsSchema = z.array(z.array(z.string().trim().min(1)).min(2));

export function loadBuiltinSynonyms(): string[][] {
  return synonymsSchema.parse(JSON.parse(readFileSync(knowledgePath('builtin', 'synonyms.json'), 'utf8')));
}

const evalSetSchema = z.array(z.object({ q: z.string().min(1), expect: z.string().nullable() }));

const EVAL_FILES = { dev: 'dev-set.json', test: 'test-set.json', 'holdout-2': 'holdout-2.json' } as const;
export type EvalSetName = keyof typeof EVAL_FILES;

/** Labelled questions for measuring the matcher: `dev` (tuning), `test` and `holdout-2` (held out, never tuned on). */
export function loadEvalSet(name: EvalSetName): { q: string; expect: string | null }[] {
  return evalSetSchema.parse(JSON.parse(readFileSync(knowledgePath('eval', EVAL_FILES[name]), 'utf8')));
}

export const INDEPENDENT_STORES = ['cosmetics-appliances', 'furniture-home'] as const;
export type IndependentStore = (typeof INDEPENDENT_STORES)[number];

/**
 * An independent store's KB (import format) and its labelled customer messages: for reporting only, never tuning
 * (eval/independent/README.md).
 */
export function loadIndependentStore(name: IndependentStore): { kb: FaqInput[]; questions: { q: string; expect: string | null }[] } {
  const { entries, rejected } = parseFaqJson(readFileSync(knowledgePath('eval', 'independent', name, 'kb.json'), 'utf8'));
  if (rejected.length > 0) throw new Error(`invalid ${name} KB: ${JSON.stringify(rejected)}`);
  const questions = evalSetSchema.parse(JSON.parse(readFileSync(knowledgePath('eval', 'independent', name, 'questions.json'), 'utf8')));
  return { kb: entries, questions };
}
