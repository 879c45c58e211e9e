import { startAgentHarness, type AgentHarness } from '../agents/agent-harness.js';
import { AlertReceiver } from './alert-receiver.js';

let h: AgentHarness | undefined;
let receiver: AlertReceiver;
beforeAll(async () => {
  receiver = await new AlertReceiver().start();
});
afterAll(async () => {
  await h?.close();
  await receiver.close();
});

describe('channel down alert', () => {
  it('a channel that cannot reach its platform is reported once to the routed target, not on every retry', async () => {
    h = await startAgentHarness({
      env: {
        TELEGRAM_BOT_TOKEN: '123456:TEST',
        // Nothing listens here: Telegram cannot start.
        TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
        KEFU_CHANNEL_RETRY_BASE_MS: '20',
        KEFU_CHANNEL_RETRY_MAX_MS: '40',
        KEFU_ALERT_TARGETS: JSON.stringify([{ name: 'ops', type: 'webhook', url: `${receiver.url}/ops`, secret: 'webhook-secret-0123456789' }]),
        KEFU_ALERT_ROUTES: JSON.stringify({ channel_down: ['ops'] }),
      },
    });
    const deadline = Date.now() + 20_000;
    while (receiver.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // Let a few more retries happen: none of them may alert again.
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received.map((r) => JSON.parse(r.body).alert)).toEqual([
      expect.objectContaining({ kind: 'channel_down', severity: 'critical', title: '渠道中断：telegram' }),
    ]);
  }, 60_000);
});
