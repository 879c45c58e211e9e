import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { WECHAT_GROUP_MODES, type WechatGroupMode } from '../bots/wechat/schema.js';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const httpUrl = z.string().regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL');

/** The channel and delivery settings of the environment; merged into app/config.ts's schema. */
export const channelEnvShape = {
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]+$/, 'must look like 123456789:ABC-def… (from @BotFather)').optional(),
  TELEGRAM_WEBHOOK_URL: httpUrl.optional(),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[\w-]{1,256}$/, 'must be 1-256 characters of A-Z, a-z, 0-9, _ and -').optional(),
  TELEGRAM_API_ROOT: httpUrl.optional(),
  WECHATY_PUPPET: z.string().min(1).optional(),
  WECHATY_PUPPET_TOKEN: z.string().min(1).optional(),
  WECHAT_GROUP_MODE: z.enum(WECHAT_GROUP_MODES).default('mention'),
  BOTFRAMEWORK_ENABLED: bool.optional(),
  MICROSOFT_APP_ID: z.string().min(1).optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
  WECOM_CORP_ID: z.string().regex(/^[\w-]{1,64}$/, 'must be the corp id (企业ID) from the WeCom admin console').optional(),
  WECOM_KF_SECRET: z.string().min(1).optional(),
  WECOM_TOKEN: z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'must be 1-32 letters and digits, as set for the callback URL').optional(),
  WECOM_ENCODING_AES_KEY: z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey of the callback URL').optional(),
  WECOM_API_ROOT: httpUrl.default('https://qyapi.weixin.qq.com'),
  KEFU_CHANNEL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(2000),
  KEFU_CHANNEL_RETRY_MAX_MS: z.coerce.number().int().min(10).max(3_600_000).default(300_000),
  KEFU_DELIVERY_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  KEFU_DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  KEFU_DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(2000),
};

type ChannelEnv = z.infer<z.ZodObject<typeof channelEnvShape>>;

export interface ChannelsConfig {
  /** Off (absent) without TELEGRAM_BOT_TOKEN. */
  telegram?: { token: string; apiRoot?: string; webhook?: { url: string; secret: string } };
  /** Off without WECHATY_PUPPET. */
  wechat?: { puppet: string; puppetToken?: string; groupMode: WechatGroupMode; sessionName: string };
  /** Off unless BOTFRAMEWORK_ENABLED or MICROSOFT_APP_ID is set; no credentials is the Emulator's local mode. */
  botframework?: { appId?: string; appPassword?: string; appType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI'; tenantId?: string };
  /** 微信客服 (WeCom kf API); off without WECOM_CORP_ID. */
  wecom?: { corpId: string; secret: string; token: string; encodingAesKey: string; apiRoot: string };
  /** Back-off for restarting a channel that failed. */
  retry: { baseMs: number; maxMs: number };
}

export interface DeliveryConfig {
  pollMs: number;
  maxAttempts: number;
  retryBaseMs: number;
}

/** Settings that only make sense together; each problem names its variable. */
export function channelConfigProblems(e: ChannelEnv): string[] {
  const problems: string[] = [];
  if (!e.TELEGRAM_BOT_TOKEN && (e.TELEGRAM_WEBHOOK_URL || e.TELEGRAM_WEBHOOK_SECRET)) {
    problems.push('TELEGRAM_WEBHOOK_URL: set TELEGRAM_BOT_TOKEN too, or leave the webhook settings empty');
  }
  if (e.MICROSOFT_APP_PASSWORD && !e.MICROSOFT_APP_ID) problems.push('MICROSOFT_APP_PASSWORD: set MICROSOFT_APP_ID too');
  if (e.BOTFRAMEWORK_ENABLED === false && e.MICROSOFT_APP_ID) problems.push('BOTFRAMEWORK_ENABLED: false while MICROSOFT_APP_ID is set');
  const wecom = [e.WECOM_CORP_ID, e.WECOM_KF_SECRET, e.WECOM_TOKEN, e.WECOM_ENCODING_AES_KEY];
  if (wecom.some(Boolean) && !wecom.every(Boolean)) {
    problems.push('WECOM_CORP_ID: 微信客服 needs WECOM_CORP_ID, WECOM_KF_SECRET, WECOM_TOKEN and WECOM_ENCODING_AES_KEY together');
  }
  if (e.KEFU_CHANNEL_RETRY_MAX_MS < e.KEFU_CHANNEL_RETRY_BASE_MS) problems.push('KEFU_CHANNEL_RETRY_MAX_MS: must not be below KEFU_CHANNEL_RETRY_BASE_MS');
  return problems;
}

export function channelsConfig(e: ChannelEnv, dataDir: string): ChannelsConfig {
  const token = e.TELEGRAM_BOT_TOKEN;
  return {
    ...(token ? {
      telegram: {
        token,
        ...(e.TELEGRAM_API_ROOT ? { apiRoot: e.TELEGRAM_API_ROOT.replace(/\/$/, '') } : {}),
        // Without a configured secret, one derived from the token: the same on every instance, unknown to others.
        ...(e.TELEGRAM_WEBHOOK_URL ? { webhook: { url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET ?? derivedSecret(token) } } : {}),
      },
    } : {}),
    ...(e.WECHATY_PUPPET ? {
      wechat: {
        puppet: e.WECHATY_PUPPET, groupMode: e.WECHAT_GROUP_MODE, sessionName: join(dataDir, 'wechat'),
        ...(e.WECHATY_PUPPET_TOKEN ? { puppetToken: e.WECHATY_PUPPET_TOKEN } : {}),
      },
    } : {}),
    ...(e.BOTFRAMEWORK_ENABLED ?? Boolean(e.MICROSOFT_APP_ID) ? {
      botframework: {
        ...(e.MICROSOFT_APP_ID ? { appId: e.MICROSOFT_APP_ID } : {}),
        ...(e.MICROSOFT_APP_PASSWORD ? { appPassword: e.MICROSOFT_APP_PASSWORD } : {}),
        ...(e.MICROSOFT_APP_TYPE ? { appType: e.MICROSOFT_APP_TYPE } : {}),
        ...(e.MICROSOFT_APP_TENANT_ID ? { tenantId: e.MICROSOFT_APP_TENANT_ID } : {}),
      },
    } : {}),
    ...(e.WECOM_CORP_ID && e.WECOM_KF_SECRET && e.WECOM_TOKEN && e.WECOM_ENCODING_AES_KEY ? {
      wecom: { corpId: e.WECOM_CORP_ID, secret: e.WECOM_KF_SECRET, token: e.WECOM_TOKEN, encodingAesKey: e.WECOM_ENCODING_AES_KEY, apiRoot: e.WECOM_API_ROOT.replace(/\/$/, '') },
    } : {}),
    retry: { baseMs: e.KEFU_CHANNEL_RETRY_BASE_MS, maxMs: e.KEFU_CHANNEL_RETRY_MAX_MS },
  };
}

export function deliveryConfig(e: ChannelEnv): DeliveryConfig {
  return { pollMs: e.KEFU_DELIVERY_POLL_MS, maxAttempts: e.KEFU_DELIVERY_MAX_ATTEMPTS, retryBaseMs: e.KEFU_DELIVERY_RETRY_BASE_MS };
}

const derivedSecret = (token: string): string => createHash('sha256').update(`kefu-telegram-webhook:${token}`).digest('hex');
