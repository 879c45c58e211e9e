import { createHmac } from 'node:crypto';
import { loadConfig } from '../../app/config.js';
import { OutsideAlertSender } from '../../app/alerts/alert-sender.js';
import type { Alert } from '../../core/alerts/alert-types.js';
import { AlertReceiver } from './alert-receiver.js';
import { FakeSmtp } from './fake-smtp.js';

const alert: Alert = {
  id: 'a-1', kind: 'sla_breach', severity: 'critical', title: 'SLA 超时：工单 T-20261130-0001 已升级主管', text: '未在时限内完成（首次响应）。',
  ticketId: 't-1', ticketNumber: 'T-20261130-0001', conversationId: null, at: new Date('2026-11-30T02:00:00Z'),
};
const NOW = 1_796_000_000_000;
const sender = new OutsideAlertSender(() => NOW);
afterAll(() => sender.close());

describe('outside alert targets', () => {
  it('WeCom group robot: a markdown message; a refusal in the body (errcode) is an error', async () => {
    const robot = await new AlertReceiver((r) => ({ status: 200, body: r.path.includes('bad') ? { errcode: 93000, errmsg: 'invalid webhook url' } : { errcode: 0 } })).start();
    try {
      await sender.send({ name: 'wecom', type: 'wecom', url: `${robot.url}/cgi-bin/webhook/send?key=k1` }, alert);
      const body = JSON.parse(robot.received[0]!.body);
      expect(body).toEqual({ msgtype: 'markdown', markdown: { content: expect.stringContaining('### SLA 超时：工单 T-20261130-0001 已升级主管') } });
      await expect(sender.send({ name: 'wecom', type: 'wecom', url: `${robot.url}/bad?key=k2` }, alert)).rejects.toThrow(/errcode 93000/);
    } finally {
      await robot.close();
    }
  });

  it('DingTalk robot: signed in the URL with the secret (timestamp, base64 HMAC-SHA256 of "timestamp\\nsecret")', async () => {
    const robot = await new AlertReceiver().start();
    try {
      await sender.send({ name: 'ding', type: 'dingtalk', url: `${robot.url}/robot/send?access_token=tok`, secret: 'SECabc' }, alert);
      const url = new URL(robot.received[0]!.path, robot.url);
      expect(url.searchParams.get('access_token')).toBe('tok');
      expect(url.searchParams.get('timestamp')).toBe(String(NOW));
      expect(url.searchParams.get('sign')).toBe(createHmac('sha256', 'SECabc').update(`${NOW}\nSECabc`).digest('base64'));
      expect(JSON.parse(robot.received[0]!.body)).toMatchObject({ msgtype: 'markdown', markdown: { title: alert.title } });
    } finally {
      await robot.close();
    }
  });

  it('e-mail through SMTP (nodemailer) to every recipient', async () => {
    const smtp = await new FakeSmtp().start();
    try {
      await sender.send({ name: 'mail', type: 'email', smtp: `smtp://127.0.0.1:${smtp.port}`, from: 'kefu@shop.test', to: ['boss@shop.test', 'sue@shop.test'] }, alert);
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]).toMatchObject({ from: 'kefu@shop.test', to: ['boss@shop.test', 'sue@shop.test'] });
      expect(smtp.mails[0]!.data).toMatch(/^Subject: /m);
    } finally {
      await smtp.close();
    }
  });

  it('a webhook target that answers 500 is an error (the alert service logs it and goes on with the others)', async () => {
    const down = await new AlertReceiver(() => ({ status: 500, body: {} })).start();
    try {
      await expect(sender.send({ name: 'ops', type: 'webhook', url: down.url, secret: 'x'.repeat(16) }, alert)).rejects.toThrow(/HTTP 500/);
    } finally {
      await down.close();
    }
  });

  it('names every problem in the alert settings', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ LOG_LEVEL: 'silent', ...env });
        return [];
      } catch (err) {
        return (err as { problems: string[] }).problems;
      }
    };
    expect(problems({ KEFU_ALERT_TARGETS: '[{"name":"ops","type":"webhook","url":"ftp://x","secret":"short"}]' })).toEqual([
      expect.stringMatching(/^KEFU_ALERT_TARGETS\.0\.url: /), expect.stringMatching(/^KEFU_ALERT_TARGETS\.0\.secret: /),
    ]);
    expect(problems({ KEFU_ALERT_ROUTES: '{"sla_breach":["nobody"]}' })).toEqual(['KEFU_ALERT_ROUTES.sla_breach: no target named "nobody"']);
    expect(problems({ KEFU_ALERT_ROUTES: '{"coffee":false}' })).toEqual([expect.stringMatching(/^KEFU_ALERT_ROUTES/)]);
    expect(problems({ KEFU_ALERT_TARGETS: 'nope' })).toEqual(['KEFU_ALERT_TARGETS: is not valid JSON']);
  });
});
