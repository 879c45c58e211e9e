import { DomainError } from '../errors.js';
import type { Actor } from '../types.js';
import { COMPLAINT_STEPS, type ComplaintRecord, type ComplaintStep } from './ticket-types.js';

/** verify the facts → analyse the cause → propose a solution → agree it with the customer → track it → root cause. */
export const newComplaint = (): ComplaintRecord => ({ step: 'verify', steps: {}, solution: null, rootCause: null, improvement: null, review: null });

export interface StepInput {
  /** What was found or done in this step. */
  text: string;
  /** propose: the solution offered. */
  solution?: string;
  /** root_cause: why it happened, and what changes so it does not happen again. */
  rootCause?: string;
  improvement?: string;
}

const invalid = (message: string) => new DomainError('invalid_input', message);
const filled = (s: string | undefined): s is string => typeof s === 'string' && s.trim().length > 0;

/** Records the current step and moves on; after the root cause the complaint waits for a supervisor's review. */
export function completeStep(record: ComplaintRecord, step: ComplaintStep, input: StepInput, by: Actor, at: Date): ComplaintRecord {
  if (record.step !== step) {
    const current = record.step === 'review' ? 'waiting for a supervisor review' : record.step === 'done' ? 'approved' : `at step "${record.step}"`;
    throw new DomainError('conflict', `complaint step ${step} out of order (${current})`, { userMessage: `This complaint is ${current}; steps go in order: ${COMPLAINT_STEPS.join(' → ')}` });
  }
  if (!filled(input.text)) throw invalid('Describe what was done in this step');
  const next: ComplaintRecord = { ...record, steps: { ...record.steps, [step]: { text: input.text.trim(), by, at: at.toISOString() } } };
  if (step === 'propose') {
    if (!filled(input.solution)) throw invalid('A proposed solution is required');
    next.solution = input.solution.trim();
  }
  if (step === 'root_cause') {
    if (!filled(input.rootCause) || !filled(input.improvement)) throw invalid('A complaint needs its root cause and the improvement that prevents it');
    next.rootCause = input.rootCause.trim();
    next.improvement = input.improvement.trim();
  }
  const i = COMPLAINT_STEPS.indexOf(step);
  next.step = COMPLAINT_STEPS[i + 1] ?? 'review';
  return next;
}

/** A supervisor's decision: approval completes the process; rejection sends it back to a step to redo. */
export function reviewComplaint(
  record: ComplaintRecord, decision: 'approved' | 'rejected', by: Actor, at: Date, comment: string | null, returnTo: ComplaintStep = 'root_cause',
): ComplaintRecord {
  if (record.step !== 'review') throw new DomainError('conflict', `complaint at ${record.step}, not review`, { userMessage: 'This complaint is not waiting for a review' });
  if (decision === 'rejected' && !filled(comment ?? undefined)) throw invalid('Say why the complaint handling is rejected');
  return { ...record, step: decision === 'approved' ? 'done' : returnTo, review: { decision, by, at: at.toISOString(), comment } };
}

/** A reopened complaint is tracked again and needs a fresh root cause and review. */
export const reopenComplaint = (record: ComplaintRecord): ComplaintRecord => ({ ...record, step: 'track', review: null });
