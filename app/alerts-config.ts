import { z } from 'zod';
import { ALERT_KINDS, type AlertRouting } from '../core/alerts/alert-types.js';

/** Alert settings of the environment; merged into app/config.ts's schema. */
export const alertEnvShape = {
  /** JSON array of outside targets, see .env.example; empty: alerts go to the console only. */
  KEFU_ALERT_TARGETS: z.string().optional(),
  /** JSON object: per alert kind, target names or false (off). */
  KEFU_ALERT_ROUTES: z.string().optional(),
  KEFU_ALERT_QUEUE_THRESHOLD: z.coerce.number().int().min(1).max(100_000).default(10),
  KEFU_ALERT_LOW_SCORE: z.coerce.number().int().min(1).max(4).default(2),
};

type AlertEnv = z.infer<z.ZodObject<typeof alertEnvShape>>;

export interface AlertsConfig {
  routing: AlertRouting;
  /** Waiting conversations at which the queue alert fires (again once it fell below). */
  queueThreshold: number;
  /** A survey score at or below this becomes a supervisor's follow-up. */
  lowScore: number;
}

const name = z.string().trim().regex(/^[\w.-]{1,40}$/, 'must be 1-40 letters, digits, "_", "." or "-"');
const https = z.url({ protocol: /^https?$/ });
const targetSchema = z.discriminatedUnion('type', [
  z.object({ name, type: z.literal('webhook'), url: https, secret: z.string().min(16, 'must be at least 16 characters') }).strict(),
  z.object({ name, type: z.literal('wecom'), url: https }).strict(),
  z.object({ name, type: z.literal('dingtalk'), url: https, secret: z.string().min(1).optional() }).strict(),
  z.object({ name, type: z.literal('email'), smtp: z.string().regex(/^smtps?:\/\//, 'must be smtp://… or smtps://…'), from: z.string().min(3), to: z.array(z.email()).min(1) }).strict(),
]);
const routesSchema = z.partialRecord(z.enum(ALERT_KINDS), z.union([z.array(name), z.literal(false)]));

function json(text: string | undefined, key: string, problems: string[]): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    problems.push(`${key}: is not valid JSON`);
    return undefined;
  }
}

export function alertsConfig(e: AlertEnv): { config: AlertsConfig; problems: string[] } {
  const problems: string[] = [];
  const rawTargets = json(e.KEFU_ALERT_TARGETS, 'KEFU_ALERT_TARGETS', problems) ?? [];
  const rawRoutes = json(e.KEFU_ALERT_ROUTES, 'KEFU_ALERT_ROUTES', problems) ?? {};
  const targets = z.array(targetSchema).safeParse(rawTargets);
  const routes = routesSchema.safeParse(rawRoutes);
  if (!targets.success) problems.push(...targets.error.issues.map((i) => `KEFU_ALERT_TARGETS.${i.path.join('.')}: ${i.message}`));
  if (!routes.success) problems.push(...routes.error.issues.map((i) => `KEFU_ALERT_ROUTES.${i.path.join('.')}: ${i.message}`));
  const names = new Set((targets.data ?? []).map((t) => t.name));
  if (targets.data && names.size !== targets.data.length) problems.push('KEFU_ALERT_TARGETS: two targets have the same name');
  for (const [kind, route] of Object.entries(routes.data ?? {})) {
    for (const target of route || []) if (!names.has(target)) problems.push(`KEFU_ALERT_ROUTES.${kind}: no target named "${target}"`);
  }
  return {
    config: { routing: { targets: targets.data ?? [], routes: routes.data ?? {} }, queueThreshold: e.KEFU_ALERT_QUEUE_THRESHOLD, lowScore: e.KEFU_ALERT_LOW_SCORE },
    problems,
  };
}
