import type { BusinessHours } from '../handoff/business-hours.js';
import { businessClock, calendarClock, type SlaClock } from '../tickets/sla-clock.js';
import type { SlaPolicy } from '../tickets/sla-policy.js';
import type { Lang } from '../types.js';

/** How soon a message left outside service hours is answered: around the clock, or counted in business hours. */
export interface LeftMessageTarget {
  ms: number;
  clock: 'calendar' | 'business';
}

/** The store's default: a left message is answered within 24 hours, counted around the clock. */
export const DEFAULT_LEFT_MESSAGE_TARGET: LeftMessageTarget = { ms: 24 * 3_600_000, clock: 'calendar' };

/** Written in answers where the promise belongs; replaced by its words when the bot sends the answer. */
export const LEFT_MESSAGE_TOKEN = '{{left_message_reply_within}}';

const amount = (ms: number): { n: string; unit: 'h' | 'min' } => {
  const hours = ms / 3_600_000;
  return Number.isInteger(hours) || hours >= 1 ? { n: String(Math.round(hours * 10) / 10), unit: 'h' } : { n: String(Math.round(ms / 60_000)), unit: 'min' };
};

/**
 * The one source of what customers are promised about left messages: the after-hours notice, the ticket's first
 * response target (and so 「我的工单」), and FAQ answers that carry the token all read it from here.
 */
export class ServicePromise {
  private readonly counter: SlaClock;

  constructor(readonly leftMessage: LeftMessageTarget, hours: BusinessHours) {
    this.counter = leftMessage.clock === 'business' ? businessClock(hours) : calendarClock;
  }

  /** When a message left at `at` will have been answered. */
  leftMessageDue(at: Date): Date {
    return this.counter.add(at, this.leftMessage.ms);
  }

  /** "24 小时" / "24 hours"; in business time "24 个工作小时" / "24 business hours". */
  leftMessageWithin(lang: Lang): string {
    const { n, unit } = amount(this.leftMessage.ms);
    const business = this.leftMessage.clock === 'business';
    if (lang === 'zh') return unit === 'h' ? `${n} ${business ? '个工作小时' : '小时'}` : `${n} 分钟${business ? '（工作时间）' : ''}`;
    const plural = n === '1' ? '' : 's';
    return `${n} ${business ? 'business ' : ''}${unit === 'h' ? 'hour' : 'minute'}${plural}`;
  }

  /** An answer with the promise in place of the token, in the answer's language (Chinese when it has Han characters). */
  fill(text: string): string {
    return text.includes(LEFT_MESSAGE_TOKEN) ? text.replaceAll(LEFT_MESSAGE_TOKEN, this.leftMessageWithin(/\p{Script=Han}/u.test(text) ? 'zh' : 'en')) : text;
  }
}

/** The SLA policy with its left-message rule keeping the promise (first response target and clock); added if missing. */
export function keepLeftMessagePromise(policy: SlaPolicy, target: LeftMessageTarget): SlaPolicy {
  const isLeftMessageRule = (r: SlaPolicy['rules'][number]) => r.source === 'left_message' && r.type === undefined && r.priority === undefined;
  const rules = policy.rules.map((r) => (isLeftMessageRule(r) ? { ...r, firstResponseMs: target.ms, clock: target.clock } : r));
  if (!rules.some(isLeftMessageRule)) {
    const resolutionMs = Math.max(rules.at(-1)?.resolutionMs ?? 0, target.ms);
    rules.splice(Math.max(0, rules.length - 1), 0, { source: 'left_message', firstResponseMs: target.ms, resolutionMs, clock: target.clock });
  }
  return { ...policy, rules };
}
