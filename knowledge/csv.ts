/** RFC 4180 records: quoted fields may hold commas, CR/LF and doubled quotes. A leading BOM is ignored. */
export function parseCsv(text: string): { records: string[][]; error?: string } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = (): void => {
    record.push(field);
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else field += ch;
  }
  if (quoted) return { records, error: `unterminated quoted field in record ${records.length + 1}` };
  if (field !== '' || record.length > 0) endRecord();
  return { records };
}

export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// Spreadsheets run a cell that starts with = + - @ (or tab/CR) as a formula. Such a cell gets a leading apostrophe,
// which spreadsheets show as "text" and `fromSpreadsheetCell` removes again; values that already start with
// apostrophes before one of those characters get one more, so the round trip is exact.
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function spreadsheetCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function fromSpreadsheetCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value) ? value.slice(1) : value;
}
