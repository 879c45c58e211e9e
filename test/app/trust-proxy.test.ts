import { call, startHarness, type Harness } from '../webchat/webchat-harness.js';

// One new conversation per client address per minute, so the second start from "the same" client is refused.
const LIMIT = { KEFU_WEBCHAT_CONVERSATIONS_PER_MINUTE: '1' };

async function startFrom(h: Harness, forwardedFor: string): Promise<number> {
  const res = await call(`${h.url}/api/webchat/conversations`, { method: 'POST', json: {}, headers: { 'x-forwarded-for': forwardedFor } });
  return res.status;
}

describe('KEFU_TRUST_PROXY', () => {
  it('off (the default): X-Forwarded-For is ignored, so a client cannot dodge the limit by inventing one', async () => {
    const h = await startHarness(LIMIT);
    try {
      expect(await startFrom(h, '203.0.113.1')).toBe(201);
      expect(await startFrom(h, '203.0.113.2')).toBe(429);
    } finally {
      await h.close();
    }
  });

  it('loopback (nginx on this machine): each customer behind the proxy is counted by their own address', async () => {
    const h = await startHarness({ ...LIMIT, KEFU_TRUST_PROXY: 'loopback' });
    try {
      expect(await startFrom(h, '203.0.113.1')).toBe(201);
      expect(await startFrom(h, '203.0.113.2')).toBe(201);
      expect(await startFrom(h, '203.0.113.1')).toBe(429);
    } finally {
      await h.close();
    }
  });

  it('refuses a value that is not a trust setting', async () => {
    await expect(startHarness({ KEFU_TRUST_PROXY: 'everyone please' })).rejects.toThrow(/KEFU_TRUST_PROXY/);
  });
});
