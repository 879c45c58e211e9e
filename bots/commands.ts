import { CUSTOMER_COMMANDS, type CustomerCommand } from '../core/messages.js';
import type { Lang } from '../core/types.js';

/** "/human", "/ticket@ShopBot", "/start payload" → the command; any other text (an unknown command too) → null. */
export function slashCommand(text: string): CustomerCommand | null {
  const name = /^\/([a-z]+)(?:@\w+)?(?:\s|$)/i.exec(text.trim())?.[1]?.toLowerCase();
  return CUSTOMER_COMMANDS.find((c) => c === name) ?? null;
}

/** A platform's locale ("en-US", "zh-hans") as one of Kefu's languages, when it is one. */
export function langOfLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  if (/^en\b/i.test(locale)) return 'en';
  if (/^zh\b/i.test(locale)) return 'zh';
  return undefined;
}
