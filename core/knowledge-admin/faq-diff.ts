import type { FaqContent } from '../types.js';

export interface TextOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export type FieldDiff =
  | { field: 'question' | 'answer'; before: string; after: string; ops: TextOp[] }
  | { field: 'category'; before: string | null; after: string | null }
  | { field: 'enabled'; before: boolean; after: boolean }
  | { field: 'alternates' | 'tags'; before: string[]; after: string[]; added: string[]; removed: string[] };

// Above this many token pairs the diff shows the text as replaced whole rather than spend the CPU.
const MAX_CELLS = 2_000_000;

/** The fields that differ between two versions, each with what changed in it. */
export function diffContent(before: FaqContent, after: FaqContent): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  for (const field of ['question', 'answer'] as const) {
    if (before[field] !== after[field]) diffs.push({ field, before: before[field], after: after[field], ops: diffText(before[field], after[field]) });
  }
  for (const field of ['alternates', 'tags'] as const) {
    const [b, a] = [before[field], after[field]];
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    diffs.push({ field, before: b, after: a, added: a.filter((x) => !b.includes(x)), removed: b.filter((x) => !a.includes(x)) });
  }
  if (before.category !== after.category) diffs.push({ field: 'category', before: before.category, after: after.category });
  if (before.enabled !== after.enabled) diffs.push({ field: 'enabled', before: before.enabled, after: after.enabled });
  return diffs;
}

/** A word-level diff (one Chinese character counts as a word). */
export function diffText(before: string, after: string): TextOp[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: TextOp[] = [];
  push(ops, 'equal', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push(ops, 'delete', midA.join(''));
    push(ops, 'insert', midB.join(''));
  } else {
    for (const op of lcsOps(midA, midB)) push(ops, op.op, op.text);
  }
  push(ops, 'equal', a.slice(endA).join(''));
  return ops;
}

function tokens(text: string): string[] {
  return text.match(/\p{Script=Han}|[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gsu) ?? [];
}

function lcsOps(a: string[], b: string[]): TextOp[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: LCS of a[i..] and b[j..], flattened.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => lengths[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const ops: TextOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      push(ops, 'equal', a[i++] ?? '');
      j++;
    } else if (j < m && (i >= n || at(i, j + 1) >= at(i + 1, j))) push(ops, 'insert', b[j++] ?? '');
    else push(ops, 'delete', a[i++] ?? '');
  }
  return ops;
}

function push(ops: TextOp[], op: TextOp['op'], text: string): void {
  if (!text) return;
  const last = ops[ops.length - 1];
  if (last?.op === op) last.text += text;
  else ops.push({ op, text });
}
