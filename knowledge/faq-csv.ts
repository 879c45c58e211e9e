import type { FaqInput } from '../core/types.js';
import { csvField, fromSpreadsheetCell, parseCsv, spreadsheetCell } from './csv.js';
import { type FaqParseResult, validateRecords } from './faq-schema.js';

const COLUMNS = ['id', 'question', 'answer', 'category', 'alternates', 'tags', 'enabled'] as const;
type Column = (typeof COLUMNS)[number];

/**
 * Parses CSV with header `id,question,answer,category,alternates` (any order; optional `tags`, `enabled`).
 * Alternates and tags are separated by `|`.
 */
export function parseFaqCsv(text: string): FaqParseResult {
  const { records, error } = parseCsv(text);
  const [header, ...rows] = records;
  if (!header) return { entries: [], rejected: [{ row: 0, reason: 'empty file' }] };
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = ['question', 'answer'].filter((c) => !names.includes(c));
  if (missing.length > 0) return { entries: [], rejected: [{ row: 1, reason: `header lacks column(s): ${missing.join(', ')}` }] };
  const at = (row: string[], column: Column): string | undefined => {
    const index = names.indexOf(column);
    const value = index < 0 ? undefined : row[index];
    return value === undefined ? undefined : fromSpreadsheetCell(value);
  };
  const list = (value: string | undefined): string[] | undefined =>
    value === undefined ? undefined : value.split('|').map((s) => s.trim()).filter((s) => s !== '');
  const parsed = rows.map((row, i) => {
    const id = at(row, 'id')?.trim();
    const enabled = at(row, 'enabled')?.trim().toLowerCase();
    const record = {
      ...(id ? { id } : {}),
      question: at(row, 'question') ?? '',
      answer: at(row, 'answer') ?? '',
      category: at(row, 'category')?.trim() || null,
      alternates: list(at(row, 'alternates')),
      tags: list(at(row, 'tags')),
      ...(enabled ? { enabled: !['false', '0', 'no', 'off'].includes(enabled) } : {}),
    };
    return { row: i + 2, record };
  });
  return validateRecords(parsed, error ? [{ row: records.length + 1, reason: error }] : []);
}

/**
 * CSV with every column `parseFaqCsv` reads. `|` inside an alternate or tag becomes `/` (it separates items). Cells
 * that a spreadsheet would run as a formula are exported as text (see `spreadsheetCell`).
 */
export function faqsToCsv(entries: readonly FaqInput[]): string {
  const join = (items: readonly string[] | undefined): string => (items ?? []).map((s) => s.replace(/\|/g, '/')).join('|');
  const lines = entries.map((e) =>
    [e.id, e.question, e.answer, e.category ?? '', join(e.alternates), join(e.tags), e.enabled === false ? 'false' : 'true']
      .map((value) => csvField(spreadsheetCell(value)))
      .join(','),
  );
  return `${[COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
