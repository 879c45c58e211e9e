import type { Metrics } from '../core/matching/index.js';

export { DIRECT_ANSWER_BONUS, measure, type Metrics, type RankedItem, sweep, WRONG_ANSWER_COST } from '../core/matching/index.js';

export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function describe(m: Metrics): string {
  const o = m.options;
  return `answer≥${o.answerThreshold.toFixed(3)} suggest≥${o.suggestThreshold.toFixed(3)} margin≥${o.minMargin.toFixed(2)}  ` +
    `top1 ${pct(m.top1).padStart(6)}  direct ${pct(m.direct).padStart(6)}  decline ${pct(m.decline).padStart(6)}  ` +
    `confident-wrong ${pct(m.confidentWrong).padStart(5)}  objective ${m.objective.toFixed(3)}`;
}
