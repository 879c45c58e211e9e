import { createHmac } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { Alert, AlertSender, AlertTarget } from '../../core/alerts/alert-types.js';
import { toAlertView } from '../../core/alerts/alert-service.js';

const TIMEOUT_MS = 10_000;

/** `X-Kefu-Signature: sha256=<hex>` over `<timestamp>.<body>`; receivers recompute it with the shared secret. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** DingTalk's robot signing: base64 HMAC-SHA256 of "<timestamp ms>\n<secret>", added to the URL. */
function dingtalkUrl(url: string, secret: string | undefined, now: number): string {
  if (!secret) return url;
  const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(now));
  signed.searchParams.set('sign', sign);
  return signed.toString();
}

const markdown = (alert: Alert) => `### ${alert.title}\n\n${alert.text}\n\n> ${alert.kind} · ${alert.at.toISOString()}`;

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status} from the alert target`);
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** WeCom and DingTalk robots answer 200 with an error code in the body. */
function assertRobotOk(answer: unknown, which: string): void {
  const code = (answer as { errcode?: unknown } | null)?.errcode;
  if (code !== undefined && code !== 0) throw new Error(`${which} robot refused the message: errcode ${String(code)}`);
}

/** Sends alerts to outside targets: a signed generic webhook, WeCom and DingTalk group robots, and e-mail (SMTP). */
export class OutsideAlertSender implements AlertSender {
  private readonly mailers = new Map<string, Transporter>();

  constructor(private readonly now: () => number = Date.now) {}

  async send(target: AlertTarget, alert: Alert): Promise<void> {
    switch (target.type) {
      case 'webhook': {
        const body = JSON.stringify({ alert: toAlertView(alert) });
        const timestamp = String(Math.floor(this.now() / 1000));
        await post(target.url, body, { 'x-kefu-timestamp': timestamp, 'x-kefu-signature': webhookSignature(target.secret, timestamp, body) });
        return;
      }
      case 'wecom':
        assertRobotOk(await post(target.url, JSON.stringify({ msgtype: 'markdown', markdown: { content: markdown(alert) } })), 'WeCom');
        return;
      case 'dingtalk':
        assertRobotOk(await post(dingtalkUrl(target.url, target.secret, this.now()), JSON.stringify({ msgtype: 'markdown', markdown: { title: alert.title, text: markdown(alert) } })), 'DingTalk');
        return;
      case 'email':
        await (await this.mailer(target)).sendMail({ from: target.from, to: target.to, subject: `[Kefu] ${alert.title}`, text: `${alert.text}\n\n${alert.kind} · ${alert.at.toISOString()}` });
        return;
    }
  }

  close(): void {
    for (const mailer of this.mailers.values()) mailer.close();
  }

  /** nodemailer is loaded on the first e-mail alert only (about 15 MB a server without SMTP targets never needs). */
  private async mailer(target: Extract<AlertTarget, { type: 'email' }>): Promise<Transporter> {
    let mailer = this.mailers.get(target.name);
    if (!mailer) {
      const { default: nodemailer } = await import('nodemailer');
      // Another alert may have made it while the module loaded.
      mailer = this.mailers.get(target.name) ?? nodemailer.createTransport(target.smtp);
      this.mailers.set(target.name, mailer);
    }
    return mailer;
  }
}
