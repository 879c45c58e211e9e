import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { composeServices, seedKnowledgeBase } from '../app/compose.js';
import { createLogger } from '../app/logger.js';
import { evaluate } from '../core/matching/index.js';
import { FaqAdminService } from '../core/knowledge-admin/faq-admin-service.js';
import { CLI_ACTOR } from '../core/knowledge-admin/faq-content.js';
import { importFaqs } from '../core/knowledge-admin/faq-import.js';
import { faqsToCsv, faqsToJson, parseFaqCsv, parseFaqJson } from '../knowledge/index.js';
import type { Storage } from '../prisma/storage.js';
import { CliError, type CliContext } from './cli-context.js';
import { withStorage } from './with-storage.js';

async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

export async function kbImport(ctx: CliContext, file: string, options: { replace: boolean; dryRun?: boolean }): Promise<number> {
  const text = await readInput(file);
  const parsed = extname(file).toLowerCase() === '.csv' ? parseFaqCsv(text) : parseFaqJson(text);
  for (const r of parsed.rejected) ctx.err(`rejected row ${r.row}${r.id ? ` (${r.id})` : ''}: ${r.reason}`);
  if (options.replace && parsed.rejected.length > 0 && !options.dryRun) {
    throw new CliError(`--replace refused: ${parsed.rejected.length} row(s) were rejected, and replacing would delete their entries. Nothing was changed.`);
  }
  if (parsed.entries.length === 0) throw new CliError(`no valid entries in ${file}. Nothing was changed.`);
  const report = await withStorage(ctx, (s) => {
    const admin = new FaqAdminService({ faqs: s.repos.faqs, audit: s.repos.audit, knowledge: { invalidate: () => undefined }, logger: createLogger('silent') });
    return importFaqs(admin, parsed, CLI_ACTOR, { replace: options.replace, dryRun: options.dryRun ?? false, source: basename(file) });
  });
  const verb = (done: string, planned: string) => (report.dryRun ? planned.padEnd(13) : done.padEnd(10));
  for (const { id } of report.added) ctx.out(`${verb('added', 'would add')}${id}`);
  for (const { id, fields } of report.changed) ctx.out(`${verb('updated', 'would change')}${id}${report.dryRun ? `  (${fields.join(', ')})` : ''}`);
  for (const id of report.removed) ctx.out(`${verb('removed', 'would remove')}${id}`);
  ctx.out(
    `${report.dryRun ? 'dry run, nothing changed: ' : ''}${report.added.length} added, ${report.changed.length} updated, ` +
      `${report.unchanged.length} unchanged, ${report.removed.length} removed, ${report.rejected.length} rejected`,
  );
  return report.rejected.length > 0 ? 1 : 0;
}

export async function kbExport(ctx: CliContext, options: { format: string }): Promise<number> {
  if (options.format !== 'json' && options.format !== 'csv') throw new CliError(`--format must be json or csv, not "${options.format}"`, 2);
  const entries = await withStorage(ctx, (s) => s.repos.faqs.list());
  entries.sort((a, b) => a.id.localeCompare(b.id));
  process.stdout.write(options.format === 'csv' ? faqsToCsv(entries) : faqsToJson(entries));
  return 0;
}

/** The knowledge base exactly as the server would use it, including the built-in set on an empty database. */
async function liveKnowledge(ctx: CliContext, storage: Storage) {
  const logger = createLogger('silent');
  if (ctx.config.kbAutoload) await seedKnowledgeBase(storage.repos, logger);
  return composeServices(ctx.config, storage.repos, logger).knowledge;
}

export async function kbAsk(ctx: CliContext, text: string, options: { json: boolean }): Promise<number> {
  const result = await withStorage(ctx, async (s) => (await liveKnowledge(ctx, s)).match(text));
  const best = result.decision === 'answer' ? (result.matches[0]?.faqId ?? null) : null;
  if (options.json) {
    ctx.out(JSON.stringify({ decision: result.decision, faqId: best, matches: result.matches.map((m) => ({ faqId: m.faqId, score: round(m.score) })) }));
    return 0;
  }
  ctx.out(`decision: ${result.decision}${result.smalltalk ? ` (${result.smalltalk})` : ''}${best ? ` → ${best}` : ''}`);
  for (const m of result.matches) ctx.out(`  ${round(m.score).toFixed(3)}  ${m.faqId}  ${m.question}  [${m.matchedTerms.join(' ')}]`);
  return 0;
}

const evalSetSchema = z.array(z.object({ q: z.string().min(1), expect: z.string().nullable() }));

export async function kbEval(ctx: CliContext, file: string, options: { json: boolean }): Promise<number> {
  let items;
  try {
    items = evalSetSchema.parse(JSON.parse(await readInput(file)));
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file} must be a JSON array of {q, expect} (expect: an FAQ id or null): ${err instanceof Error ? err.message.slice(0, 300) : err}`);
  }
  const report = await withStorage(ctx, async (s) => {
    const knowledge = await liveKnowledge(ctx, s);
    return evaluate((await knowledge.current()).matcher, items);
  });
  if (options.json) {
    ctx.out(JSON.stringify(report, null, 2));
    return 0;
  }
  ctx.out(`questions:            ${report.total}`);
  ctx.out(`top-1 accuracy:       ${pct(report.top1Accuracy)}  (in-scope questions answered with the expected entry)`);
  ctx.out(`correct declines:     ${pct(report.correctDeclineRate)}  (out-of-scope questions the bot declined)`);
  ctx.out(`confidently wrong:    ${pct(report.confidentWrongRate)}  (direct answers that were wrong, over all questions)`);
  return 0;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
