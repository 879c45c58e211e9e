import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { LexiconEntry, LibraryIntent } from '../core/types.js';
import { knowledgePath } from './builtin.js';

const text = z.string().trim().min(1);

export const lexiconFileSchema = z.object({
  kind: z.string().regex(/^[a-z][a-z-]*$/),
  entries: z.array(z.object({ term: text, synonyms: z.array(text), isa: z.array(text) })
    .refine((e) => e.synonyms.length > 0 || e.isa.length > 0, 'an entry needs synonyms or an is-a link')),
});

export const libraryFileSchema = z.object({
  domain: z.string().regex(/^[a-z][a-z-]*$/),
  intents: z.array(z.object({
    id: z.string().regex(/^[a-z][a-z-]*\.[a-z0-9][a-z0-9-]*$/),
    title: z.object({ zh: text, en: text }),
    phrasings: z.object({ zh: z.array(text).min(1), en: z.array(text).default([]) }),
  })),
});

function jsonFiles(folder: string): { name: string; data: unknown }[] {
  return readdirSync(folder).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ name: f, data: JSON.parse(readFileSync(`${folder}/${f}`, 'utf8')) as unknown }));
}

function parseAll<T>(folder: string, schema: z.ZodType<T>): T[] {
  return jsonFiles(folder).map(({ name, data }) => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new Error(`invalid ${folder}/${name}: ${parsed.error.issues[0]?.message ?? 'bad shape'} at ${parsed.error.issues[0]?.path.join('.')}`);
    return parsed.data;
  });
}

let lexicon: LexiconEntry[] | undefined;
let library: LibraryIntent[] | undefined;

/** The shipped domain lexicon (knowledge/lexicon/), validated; read once per process. Throws on invalid content. */
export function loadLexicon(): LexiconEntry[] {
  lexicon ??= parseAll(knowledgePath('lexicon'), lexiconFileSchema).flatMap((f) => f.entries.map((e) => ({ kind: f.kind, ...e })));
  return lexicon;
}

/** The shipped e-commerce intent library (knowledge/library/intents/), validated; read once per process. */
export function loadLibrary(): LibraryIntent[] {
  library ??= parseAll(knowledgePath('library', 'intents'), libraryFileSchema).flatMap((f) => f.intents.map((i) => ({ domain: f.domain, ...i })));
  return library;
}

const probesSchema = z.array(text).min(1);

/**
 * Chit-chat and off-topic messages no store FAQ should answer (knowledge/probes/out-of-scope.json): self-calibration
 * asks them to fit the fallback band. Written for this purpose; none is an item of an evaluation set.
 */
export function loadOutOfScopeProbes(): string[] {
  return probesSchema.parse(JSON.parse(readFileSync(knowledgePath('probes', 'out-of-scope.json'), 'utf8')));
}
