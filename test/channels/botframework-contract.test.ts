import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { BotFrameworkAdapter } from '../../bots/botframework/botframework-adapter.js';
import { describeChannelContract, type SeenMessage } from './channel-contract.js';
import { silentLogger, startCore } from './core-harness.js';
import { BotClient, ConnectorFake, type ReceivedActivity } from './fakes/connector-fake.js';

describeChannelContract('botframework', async () => {
  const connector = await ConnectorFake.start();
  const adapter = new BotFrameworkAdapter({ logger: silentLogger });
  const server = createServer(express().use(express.json()).use(adapter.routes));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const core = await startCore(adapter);
  const client = new BotClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`, connector.url);
  const seen = (a: ReceivedActivity): SeenMessage => ({
    text: a.body.text ?? '', buttons: (a.body.suggestedActions?.actions ?? []).map((x) => x.title), raw: a,
  });
  const ok = (status: number) => {
    if (status !== 200) throw new Error(`POST /api/messages answered ${status}`);
  };
  return {
    adapter,
    withoutButtons: () => new BotFrameworkAdapter({ logger: silentLogger, capabilities: { buttons: false } }),
    core,
    customer: {
      externalId: `${client.channelId}:${client.user.id}`,
      say: async (text) => ok(await client.say(text)),
      // A card button carrying the command, as a Teams or Web Chat card would.
      command: async (command) => ok(await client.post(client.activity({ text: command, value: { kefu: 'command', command } }))),
      sendImage: async () => ok(await client.post(client.activity({ attachments: [{ contentType: 'image/png', contentUrl: `${connector.url}/files/cat.png`, name: 'cat.png' }] }))),
      redeliverLast: async () => ok(await client.repeatLast()),
      inbox: () => connector.messages(client.conversationId).map(seen),
      async pick(message, index) {
        const action = (message.raw as ReceivedActivity).body.suggestedActions?.actions[index];
        if (!action) throw new Error('no such suggested action');
        ok(await client.post(client.activity({ text: action.text, value: action.value })));
      },
    },
    async close() {
      await core.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.stop();
    },
  };
});
