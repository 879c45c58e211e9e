import autocannon from 'autocannon';

/** One request to send: built afresh for every request, so bodies and ids never repeat. */
export interface BenchRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface RoundResult {
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  /** Status codes other than 2xx, with counts. */
  statuses: Record<string, number>;
}

/** Runs autocannon for `seconds` with `connections` keep-alive connections, each request made by `next`. */
export async function loadRound(url: string, next: () => BenchRequest, options: { connections: number; seconds: number }): Promise<RoundResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 20,
    requests: [{
      method: 'POST',
      setupRequest: (request) => {
        const r = next();
        return { ...request, path: r.path, headers: { 'content-type': 'application/json', ...r.headers }, body: r.body };
      },
    }],
  });
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
    if (!code.startsWith('2')) statuses[code] = stat.count ?? 0;
  }
  return {
    ok: result['2xx'], non2xx: result.non2xx, errors: result.errors, seconds: result.duration,
    p50: result.latency.p50, p99: result.latency.p99, statuses,
  };
}

export interface Summary {
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
}

/** 2xx answers per second over all rounds; latency percentiles are the median of the rounds' own. */
export function summarize(rounds: RoundResult[]): Summary {
  const seconds = rounds.reduce((s, r) => s + r.seconds, 0);
  const statuses: Record<string, number> = {};
  for (const r of rounds) for (const [code, n] of Object.entries(r.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  return {
    perSecond: seconds > 0 ? rounds.reduce((s, r) => s + r.ok, 0) / seconds : 0,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    non2xx: rounds.reduce((s, r) => s + r.non2xx, 0),
    errors: rounds.reduce((s, r) => s + r.errors, 0),
    statuses,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
