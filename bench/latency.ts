export interface Latency {
  p50: number;
  p99: number;
  samples: number;
}

export type Runner = (text: string) => unknown;

// Content-free openers customers really type. Each variant of a question is a different text, in words and not only
// in punctuation, so no per-text cache (NLP.js keeps one in its tokenizer) ever serves a timed call.
const OPENERS = {
  zh: ['在吗，', '', '请问', '你好，', '麻烦问一下，', '亲，', '您好，', '哈喽，', '打扰一下，', '问下', '客服，'],
  en: ['hey, ', '', 'hi, ', 'hello, ', 'excuse me, ', 'quick question: ', 'good morning, ', 'hi there, ', 'sorry, ',
    'question: ', 'hello again, '],
};

/**
 * Variant `v` of every distinct question. Variant 0 is the warm-up round; rounds 1.. are timed. No text appears in
 * two rounds.
 */
export function latencyRound(questions: readonly string[], v: number): string[] {
  return [...new Set(questions)].map((q) => {
    const openers = /\p{Script=Han}/u.test(q) ? OPENERS.zh : OPENERS.en;
    return `${openers[v % openers.length] ?? ''}${q}`;
  });
}

export const LATENCY_ROUNDS = OPENERS.zh.length - 1;

/** One timed call per message, in milliseconds. Promises are awaited inside the timed span; plain values are not. */
async function timeRound(messages: readonly string[], run: Runner, into: number[]): Promise<void> {
  for (const text of messages) {
    const start = process.hrtime.bigint();
    const result = run(text);
    if (result instanceof Promise) await result;
    into.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}

const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * Times several systems the same way: each warms up on the same round (JIT), then the timed rounds alternate
 * between systems with a forced GC before each, so a busy spell on the shared machine or garbage left by the other
 * system falls on both alike. Needs `node --expose-gc` for the GCs (skipped otherwise).
 */
export async function timeSystems<K extends string>(questions: readonly string[], systems: Record<K, Runner>): Promise<Record<K, Latency>> {
  const names = Object.keys(systems) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (const name of names) await timeRound(latencyRound(questions, 0), systems[name], []);
  for (let v = 1; v <= LATENCY_ROUNDS; v++) {
    const messages = latencyRound(questions, v);
    for (const name of names) {
      collect();
      await timeRound(messages, systems[name], samples[name]);
    }
  }
  return Object.fromEntries(names.map((n) => [n, percentiles(samples[n])])) as Record<K, Latency>;
}

function percentiles(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), samples: sorted.length };
}
