/** How log lines are written: JSON for machines (files, journald, log shippers), one readable line for people. */
export type LogFormat = 'auto' | 'json' | 'pretty';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const COLOURS: Record<number, string> = { 40: '\x1b[33m', 50: '\x1b[31m', 60: '\x1b[41m' };
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
const OMIT = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'err']);

export function usePretty(format: LogFormat, stream: { isTTY?: boolean }): boolean {
  return format === 'pretty' || (format === 'auto' && stream.isTTY === true);
}

/** `15:31:02 WARN  message  key=value …` from one pino JSON line; anything unparsable passes through unchanged. */
export function prettyLine(json: string, colour: boolean): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const level = typeof entry.level === 'number' ? entry.level : 30;
  const time = typeof entry.time === 'number' ? new Date(entry.time).toTimeString().slice(0, 8) : '';
  const fields = Object.entries(entry)
    .filter(([key]) => !OMIT.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const label = LEVELS[level] ?? String(level);
  const head = colour && COLOURS[level] ? `${COLOURS[level]}${label}${RESET}` : label;
  const tail = fields && colour ? `${DIM}${fields}${RESET}` : fields;
  const err = entry.err as { stack?: string; message?: string } | undefined;
  const stack = err ? `\n    ${(err.stack ?? err.message ?? JSON.stringify(err)).split('\n').join('\n    ')}` : '';
  return `${time} ${head} ${String(entry.msg ?? '')}${tail ? `  ${tail}` : ''}${stack}\n`;
}

/** A pino destination that prints readable lines to `out`. */
export function prettyStream(out: NodeJS.WriteStream): { write(line: string): void } {
  const colour = out.isTTY === true && !process.env.NO_COLOR;
  return { write: (line) => void out.write(prettyLine(line.trimEnd(), colour)) };
}
