import { DomainError } from '../errors.js';
import type { Actor, FaqContent, FaqEntry, FaqInput } from '../types.js';
import type { FaqChange } from '../ports.js';
import { diffContent } from './faq-diff.js';
import { sameContent, toContent } from './faq-content.js';
import type { FaqAdminService } from './faq-admin-service.js';

/** A row the parser refused, as `knowledge/` reports it. */
export interface ImportRejection {
  row: number;
  id?: string;
  reason: string;
}

export interface ImportPlan {
  added: { id: string; question: string }[];
  changed: { id: string; fromVersion: number; fields: (keyof FaqContent)[] }[];
  unchanged: string[];
  /** Only with `replace`: entries the file does not name. */
  removed: string[];
  rejected: ImportRejection[];
}

export interface ImportReport extends ImportPlan {
  dryRun: boolean;
  /** False for a dry run, and when nothing needed changing. */
  applied: boolean;
}

export interface ImportOptions {
  replace?: boolean;
  dryRun?: boolean;
  /** File name or "console", for the audit log. */
  source?: string;
}

/** What importing `entries` would do to the knowledge base as it is now. */
export function planImport(current: FaqEntry[], entries: FaqInput[], rejected: ImportRejection[], replace: boolean): ImportPlan {
  const byId = new Map(current.map((e) => [e.id, e]));
  const plan: ImportPlan = { added: [], changed: [], unchanged: [], removed: [], rejected: [...rejected] };
  for (const input of entries) {
    const existing = byId.get(input.id);
    const content = toContent(input);
    if (!existing) plan.added.push({ id: input.id, question: input.question });
    else if (sameContent(existing, content)) plan.unchanged.push(input.id);
    else plan.changed.push({ id: input.id, fromVersion: existing.version, fields: diffContent(toContent(existing), content).map((d) => d.field) });
  }
  if (replace) {
    const named = new Set(entries.map((e) => e.id));
    plan.removed = current.map((e) => e.id).filter((id) => !named.has(id)).sort();
  }
  return plan;
}

/** Previews or applies an import through the versioned write path: every change gets a version and one audit line. */
export async function importFaqs(
  admin: FaqAdminService,
  parsed: { entries: FaqInput[]; rejected: ImportRejection[] },
  actor: Actor,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const replace = options.replace ?? false;
  const plan = planImport(await admin.list(), parsed.entries, parsed.rejected, replace);
  const dryRun = options.dryRun ?? false;
  if (replace && parsed.rejected.length > 0 && !dryRun) {
    throw new DomainError('invalid_input', 'replace refused: rows were rejected', {
      userMessage: `Replace refused: ${parsed.rejected.length} row(s) were rejected, and replacing would delete their entries. Nothing was changed.`,
      details: plan,
    });
  }
  if (dryRun || plan.added.length + plan.changed.length + plan.removed.length === 0) return { ...plan, dryRun, applied: false };
  const versions = new Map(plan.changed.map((c) => [c.id, c.fromVersion]));
  const changes: FaqChange[] = [
    ...parsed.entries
      .filter((e) => !plan.unchanged.includes(e.id))
      // The expected versions pin the plan: if someone edits an entry meanwhile, the import fails rather than overwrite it.
      .map((e): FaqChange => ({ id: e.id, content: toContent(e), action: 'import', expectedVersion: versions.get(e.id) ?? null, ...(options.source ? { note: options.source } : {}) })),
    ...plan.removed.map((id): FaqChange => ({ id, content: null, action: 'delete', note: 'not in the replacing import' })),
  ];
  const summary = `import${options.source ? ` of ${options.source}` : ''}: ${plan.added.length} added, ${plan.changed.length} changed, ` +
    `${plan.removed.length} removed, ${plan.rejected.length} rejected`;
  await admin.apply(changes, actor, {
    action: 'faq.import', target: 'faqs', summary,
    details: { source: options.source ?? null, added: plan.added.map((a) => a.id), changed: plan.changed.map((c) => c.id), removed: plan.removed, rejected: plan.rejected.length },
  });
  return { ...plan, dryRun, applied: true };
}
