import { DomainError } from '../errors.js';
import { cutAt, isInvisible, textLength } from '../text-rules.js';

const invalid = (message: string) => new DomainError('invalid_input', message);

export const LIMITS = { subject: 200, description: 10_000, field: 200, tag: 40, tags: 20, team: 40, note: 10_000 } as const;

/** Trimmed text, required and at most `max` characters. */
export function requiredText(value: string | undefined, name: string, max: number): string {
  const text = (value ?? '').trim();
  if (isInvisible(text)) throw invalid(`${name} must not be empty`);
  if (textLength(text) > max) throw invalid(`${name} must be at most ${max} characters`);
  return text;
}

/** Trimmed text or null when empty; undefined stays undefined (not given). */
export function optionalText(value: string | null | undefined, name: string, max: number): string | null | undefined {
  if (value === undefined) return undefined;
  const text = (value ?? '').trim();
  if (textLength(text) > max) throw invalid(`${name} must be at most ${max} characters`);
  return isInvisible(text) ? null : text;
}

export function tagList(tags: string[] | undefined): string[] | undefined {
  if (tags === undefined) return undefined;
  const clean = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
  if (clean.length > LIMITS.tags) throw invalid(`at most ${LIMITS.tags} tags`);
  if (clean.some((t) => t.length > LIMITS.tag)) throw invalid(`a tag must be at most ${LIMITS.tag} characters`);
  return clean;
}

export function teamName(team: string | null | undefined): string | null | undefined {
  const name = optionalText(team, 'team', LIMITS.team);
  if (name && !/^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u.test(name)) throw invalid('a team name is letters, digits, spaces, "_", "." and "-"');
  return name;
}

/** A subject from the first line of the description when none was given. */
export function subjectFrom(description: string): string {
  const line = description.split('\n').find((l) => l.trim())?.trim() ?? description.trim();
  return line.length > 60 ? `${cutAt(line, 59)}…` : line;
}
