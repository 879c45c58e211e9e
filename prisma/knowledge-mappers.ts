// Rows of the knowledge-admin tables → core types.
import {
  CHANNELS, FAQ_ACTIONS, UNANSWERED_REASONS, UNANSWERED_STATUSES, type AuditEntry, type FaqContent, type FaqVersion, type Lang,
  type UnansweredQuestion,
} from '../core/types.js';
import type { AuditLog as AuditRow, FaqVersion as VersionRow, UnansweredQuestion as UnansweredRow } from './generated/sqlite/client.js';
import { oneOf } from './mappers.js';

const LANGS: readonly Lang[] = ['zh', 'en'];

/** FaqContent in column form (lists as JSON text). */
export function contentColumns(content: FaqContent) {
  return {
    question: content.question,
    alternates: JSON.stringify(content.alternates),
    answer: content.answer,
    category: content.category,
    tags: JSON.stringify(content.tags),
    enabled: content.enabled,
  };
}

export function toFaqVersion(row: VersionRow): FaqVersion {
  return {
    faqId: row.faqKey,
    version: row.version,
    action: oneOf(FAQ_ACTIONS, row.action, 'FaqVersion.action'),
    content: {
      question: row.question,
      alternates: JSON.parse(row.alternates) as string[],
      answer: row.answer,
      category: row.category,
      tags: JSON.parse(row.tags) as string[],
      enabled: row.enabled,
    },
    actor: { id: row.actorId, name: row.actorName },
    note: row.note,
    createdAt: row.createdAt,
  };
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    actor: { id: row.actorId, name: row.actorName },
    action: row.action,
    target: row.target,
    summary: row.summary,
    details: row.details === null ? null : (JSON.parse(row.details) as unknown),
    createdAt: row.createdAt,
  };
}

export function toUnanswered(row: UnansweredRow): UnansweredQuestion {
  return {
    id: row.id,
    conversationId: row.conversationId,
    messageId: row.messageId,
    channel: oneOf(CHANNELS, row.channel, 'UnansweredQuestion.channel'),
    text: row.text,
    reason: oneOf(UNANSWERED_REASONS, row.reason, 'UnansweredQuestion.reason'),
    bestScore: row.bestScore,
    bestFaqId: row.bestFaqId,
    lang: oneOf(LANGS, row.lang, 'UnansweredQuestion.lang'),
    status: oneOf(UNANSWERED_STATUSES, row.status, 'UnansweredQuestion.status'),
    resolvedFaqId: row.resolvedFaqId,
    resolvedAt: row.resolvedAt,
    createdAt: row.createdAt,
  };
}

export function auditColumns(input: { actor: { id: string | null; name: string }; action: string; target: string; summary: string; details?: unknown }) {
  return {
    actorId: input.actor.id,
    actorName: input.actor.name,
    action: input.action,
    target: input.target,
    summary: input.summary,
    details: input.details === undefined || input.details === null ? null : JSON.stringify(input.details),
  };
}
