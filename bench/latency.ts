export interface Latency {
  p50: number;
  p99: number;
  samples: number;
}

/**
 * Distinct messages for timing: each dev question as written, with a trailing question mark and with a polite
 * prefix. Distinct texts defeat result caches (NLP.js caches per text), so every sample is real work.
 */
export function latencyMessages(questions: readonly string[]): string[] {
  return [...new Set(questions.flatMap((q) => [q, `${q}?`, `请问${q}`]))];
}

/** Times one call per message (after `warmup` untimed calls on other texts), in milliseconds. */
export async function timeEach(messages: readonly string[], warmup: readonly string[], run: (text: string) => unknown): Promise<Latency> {
  for (const text of warmup) await run(text);
  const times: number[] = [];
  for (const text of messages) {
    const start = process.hrtime.bigint();
    await run(text);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), samples: times.length };
}
