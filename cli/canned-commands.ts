import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { cannedBody, parse } from '../app/agents/agent-schemas.js';
import { isDomainError } from '../core/errors.js';
import type { CannedReply } from '../core/types.js';
import type { Storage } from '../prisma/storage.js';
import { CliError, type CliContext } from './cli-context.js';
import { withStorage } from './with-storage.js';

// The team's canned replies from the command line (agents' own replies stay theirs, in the console).

const team = async (storage: Storage): Promise<CannedReply[]> => (await storage.repos.cannedReplies.list()).filter((r) => r.ownerId === null);

export async function cannedList(ctx: CliContext, options: { json: boolean }): Promise<number> {
  const replies = await withStorage(ctx, team);
  if (options.json) {
    ctx.out(JSON.stringify(replies.map(({ shortcut, category, title, text }) => ({ shortcut, category, title, text })), null, 2));
    return 0;
  }
  if (replies.length === 0) ctx.out('no team canned replies; add one with: kefu canned add --shortcut 退货 --title 退货流程 --text "…"');
  for (const r of replies) ctx.out(`/${r.shortcut.padEnd(10)} ${(r.category || '—').padEnd(6)} ${r.title}`);
  return 0;
}

export async function cannedAdd(ctx: CliContext, options: { shortcut?: string; category?: string; title?: string; text?: string }): Promise<number> {
  const input = valid(options);
  const created = await withStorage(ctx, (s) => s.repos.cannedReplies.create({ ...input, ownerId: null }));
  ctx.out(`added /${created.shortcut} (${created.title})`);
  return 0;
}

export async function cannedRemove(ctx: CliContext, shortcut: string): Promise<number> {
  const name = shortcut.replace(/^\//, '');
  await withStorage(ctx, async (s) => {
    const found = (await team(s)).find((r) => r.shortcut === name);
    if (!found) throw new CliError(`no team canned reply /${name}`);
    await s.repos.cannedReplies.delete(found.id);
  });
  ctx.out(`removed /${name}`);
  return 0;
}

const importFile = z.array(z.unknown()).max(5000);

/** Adds every reply of a JSON array [{shortcut, title, text, category?}]; a shortcut already used is updated. */
export async function cannedImport(ctx: CliContext, file: string): Promise<number> {
  let rows: unknown[];
  try {
    rows = importFile.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch (err) {
    throw new CliError(`${file} is not a JSON array of canned replies: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const checked = rows.map((row, i) => {
    try {
      return { row: i + 1, reply: valid(row as Record<string, string>) };
    } catch (err) {
      return { row: i + 1, problem: isDomainError(err) ? err.userMessage : String(err) };
    }
  });
  const rejected = checked.filter((c) => 'problem' in c);
  for (const r of rejected) ctx.err(`rejected row ${r.row}: ${r.problem}`);
  // All or nothing: a half-imported set is harder to fix than a file.
  if (rejected.length > 0) throw new CliError(`${rejected.length} row(s) rejected; nothing was changed`);
  const counts = await withStorage(ctx, async (s) => {
    const existing = new Map((await team(s)).map((r) => [r.shortcut, r]));
    let added = 0;
    let updated = 0;
    for (const { reply } of checked) {
      if (!reply) continue;
      const old = existing.get(reply.shortcut);
      if (old) {
        await s.repos.cannedReplies.update(old.id, reply);
        updated += 1;
      } else {
        existing.set(reply.shortcut, await s.repos.cannedReplies.create({ ...reply, ownerId: null }));
        added += 1;
      }
    }
    return { added, updated };
  });
  ctx.out(`${counts.added} added, ${counts.updated} updated`);
  return 0;
}

function valid(options: Record<string, unknown>): { shortcut: string; category: string; title: string; text: string } {
  const { personal: _personal, ...reply } = parse(cannedBody, options);
  return reply;
}
