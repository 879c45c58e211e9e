import { z } from 'zod';
import { DEFAULT_ORDER_NUMBER_PATTERN } from '../../core/orders/order-number.js';

/** Order connector settings of the environment; merged into app/config.ts's schema. */
export const orderEnvShape = {
  KEFU_ORDERS: z.enum(['demo', 'rest', 'off']).default('demo'),
  KEFU_ORDERS_URL: z.string().regex(/^https?:\/\/\S+$/, 'must be an http:// or https:// URL').optional(),
  KEFU_ORDERS_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  KEFU_ORDERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  KEFU_ORDER_NUMBER_PATTERN: z.string().min(1).default(DEFAULT_ORDER_NUMBER_PATTERN).refine((p) => {
    try {
      new RegExp(p, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'must be a valid regular expression'),
  KEFU_ORDER_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  /** The store's admin page of an order, `{number}` replaced: linked from the agent console. */
  KEFU_ORDERS_ADMIN_URL: z.string().regex(/^https?:\/\/\S*\{number\}\S*$/, 'must be an http(s) URL containing {number}').optional(),
};

type OrderEnv = z.infer<z.ZodObject<typeof orderEnvShape>>;

export type OrdersConfig =
  | { connector: 'off' }
  | { connector: 'demo'; numberPattern: string; maxAttempts: number; adminUrl: string | null }
  | { connector: 'rest'; numberPattern: string; maxAttempts: number; adminUrl: string | null; url: string; secret: string; timeoutMs: number };

export function ordersConfig(e: OrderEnv): { config: OrdersConfig; problems: string[] } {
  const common = { numberPattern: e.KEFU_ORDER_NUMBER_PATTERN, maxAttempts: e.KEFU_ORDER_ATTEMPTS, adminUrl: e.KEFU_ORDERS_ADMIN_URL ?? null };
  if (e.KEFU_ORDERS === 'off') return { config: { connector: 'off' }, problems: [] };
  if (e.KEFU_ORDERS === 'demo') return { config: { connector: 'demo', ...common }, problems: [] };
  const problems = [
    ...(e.KEFU_ORDERS_URL ? [] : ['KEFU_ORDERS_URL: required when KEFU_ORDERS=rest']),
    ...(e.KEFU_ORDERS_SECRET ? [] : ['KEFU_ORDERS_SECRET: required when KEFU_ORDERS=rest']),
  ];
  if (!e.KEFU_ORDERS_URL || !e.KEFU_ORDERS_SECRET) return { config: { connector: 'off' }, problems };
  return { config: { connector: 'rest', ...common, url: e.KEFU_ORDERS_URL.replace(/\/$/, ''), secret: e.KEFU_ORDERS_SECRET, timeoutMs: e.KEFU_ORDERS_TIMEOUT_MS }, problems };
}
