// 微信客服 through the real adapter against the fake WeCom: callbacks signed and encrypted for real, messages fetched
// with sync_msg, replies sent with send_msg (choices as a menu message).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from '../../app/http/create-http-app.js';
import { WecomAdapter } from '../../bots/wecom/wecom-adapter.js';
import { describeChannelContract, type SeenMessage } from './channel-contract.js';
import { silentLogger, startCore } from './core-harness.js';
import { WECOM, WecomFake, type KfSent } from './fakes/wecom-fake.js';

describeChannelContract('wecom', async () => {
  const fake = await WecomFake.start();
  const options = { ...WECOM, apiRoot: fake.apiRoot, logger: silentLogger };
  const adapter = new WecomAdapter(options);
  const server = createServer(createHttpApp({ logger: silentLogger, routers: [adapter.routes], readiness: async () => ({ status: 'ok' as const }) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/wecom/callback`;
  const core = await startCore(adapter);
  const customer = 'wmCUSTOMER001';
  const seen = (m: KfSent): SeenMessage => ({
    text: m.text?.content ?? m.msgmenu?.head_content ?? '',
    buttons: (m.msgmenu?.list ?? []).map((item) => item.click.content),
    raw: m,
  });
  const ok = (status: number) => {
    if (status !== 200) throw new Error(`the callback answered ${status}`);
  };
  return {
    adapter,
    core,
    customer: {
      externalId: customer,
      say: async (text) => ok(await fake.customerSends(customer, { msgtype: 'text', text: { content: text } })),
      // A menu item of a message the shop sent (msgmenu click), as WeCom reports it: the item's text and id.
      command: async (command) => ok(await fake.customerSends(customer, { msgtype: 'text', text: { content: command === 'human' ? '转人工' : `/${command}`, menu_id: `cmd:${command}` } })),
      sendImage: async () => ok(await fake.customerSends(customer, { msgtype: 'image', image: { media_id: 'MEDIA_CUSTOMER_1' } })),
      redeliverLast: async () => ok(await fake.redeliverLast()),
      inbox: () => fake.sent.filter((m) => m.touser === customer).map(seen),
      async pick(message, index) {
        const item = (message.raw as KfSent).msgmenu?.list[index];
        if (!item) throw new Error('no such menu item');
        ok(await fake.customerSends(customer, { msgtype: 'text', text: { content: item.click.content, menu_id: item.click.id } }));
      },
    },
    withoutButtons: () => new WecomAdapter({ ...options, capabilities: { buttons: false } }),
    async close() {
      await core.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
    },
  };
});
