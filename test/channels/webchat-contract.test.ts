// Web chat driven as a visitor's widget drives it: messages go in through the real HTTP API, and what the visitor
// sees is what the widget's websocket shows. The router hands each message to core through WebchatAdapter's
// ChannelContext (here the contract's core), as the other channels hand over their platform events.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from '../../app/http/create-http-app.js';
import { WebchatAdapter } from '../../bots/webchat/webchat-adapter.js';
import { createWebchatRouter } from '../../bots/webchat/webchat-router.js';
import { attachWebchatSocket } from '../../bots/webchat/webchat-socket.js';
import { InProcessPubSub } from '../../core/in-memory/in-process-pubsub.js';
import type { Choice } from '../../core/types.js';
import { SECRET, SocketProbe, WebchatClient, type Frame } from '../webchat/webchat-harness.js';
import { describeChannelContract, type SeenMessage } from './channel-contract.js';
import { silentLogger, startCore } from './core-harness.js';

/** The widget labels each choice button with its number, and clicking it sends that number. */
const buttons = (choices: Choice[] | undefined): string[] => (choices ?? []).map((c, i) => `${i + 1}. ${c.question}`);

/** What the widget shows for a frame: stored messages other than the visitor's own, and transient notices. */
const shown = (frame: Frame): SeenMessage[] => {
  if (frame.type === 'message' && frame.message.author !== 'customer') {
    return [{ text: frame.message.text, buttons: buttons(frame.message.choices), raw: frame }];
  }
  if (frame.type === 'notice') return [{ text: frame.message.text, buttons: buttons(frame.message.choices), raw: frame }];
  return [];
};

describeChannelContract('webchat', async () => {
  const pubsub = new InProcessPubSub();
  const adapter = new WebchatAdapter(pubsub, { logger: silentLogger });
  const core = await startCore(adapter, { pubsub });
  const deps = {
    conversations: core.service, messages: core.repos.messages, inbound: adapter, pubsub, logger: silentLogger, secret: SECRET, maxTextLength: adapter.capabilities.maxTextLength,
  };
  const server = createServer(createHttpApp({ logger: silentLogger, routers: [createWebchatRouter(deps)], readiness: async () => ({ status: 'ok' as const }) }));
  const socket = attachWebchatSocket(server, deps);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const api = new WebchatClient(base);
  const chat = await api.start();
  const widget = SocketProbe.forChat(base, chat);
  await widget.until(() => widget.ready);

  let last: { text: string; clientMessageId: string } | undefined;
  /** What the widget shows under a message the server refused (the error's message), after what it showed by then. */
  const refusals: { after: number; seen: SeenMessage }[] = [];
  const inbox = (): SeenMessage[] => {
    const all = widget.frames.flatMap(shown);
    refusals.forEach((r, i) => all.splice(r.after + i, 0, r.seen));
    return all;
  };
  // The widget sends every message with a fresh clientMessageId and retries with the same one.
  const post = async (body: { text: string; clientMessageId: string; command?: string }) => {
    const res = await api.send(chat, body);
    if (res.status === 422 && res.body.error) refusals.push({ after: widget.frames.flatMap(shown).length, seen: { text: res.body.error.message, buttons: [], raw: res.body } });
    else if (res.status !== 200) throw new Error(`POST messages answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const say = async (text: string) => {
    last = { text, clientMessageId: randomUUID() };
    await post(last);
  };
  return {
    adapter,
    withoutButtons: () => new WebchatAdapter(pubsub, { logger: silentLogger, capabilities: { buttons: false } }),
    core,
    customer: {
      externalId: chat.visitorId,
      say,
      // The widget's buttons send the command, with their label as text.
      command: async (command) => void (await post({ command, text: command === 'human' ? '转人工' : `/${command}`, clientMessageId: randomUUID() })),
      // A retry after the response was lost on the way back, as the widget does.
      async redeliverLast() {
        if (!last) throw new Error('nothing to send again');
        if (!(await post(last)).duplicate) throw new Error('the retry was not recognised as a duplicate');
      },
      inbox,
      async pick(message, index) {
        if (!message.buttons[index]) throw new Error('no such choice button');
        await say(String(index + 1));
      },
    },
    async close() {
      widget.close();
      await socket.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}, {
  // The widget and its API take text only (docs/webchat-api.md): a visitor has no way to send a picture.
  pictures: 'the widget and its API take text only',
  // The widget shows any text in one bubble; maxTextLength is KEFU_MAX_MESSAGE_LENGTH, which core already enforces
  // on what customers and agents write, not a limit of the screen. There is no platform limit to split for.
  splitting: 'the widget shows a text of any length in one message',
  // Core publishes every stored message and the widget's socket shows it (seq order, exactly once); the outbox is
  // for platforms Kefu must call, so web chat replies never get a delivery status (OutboxDelivery.selfDelivering).
  outbox: 'the socket shows stored replies; no outbox',
  // Every ConversationReference carries the Kefu conversation id, which is all the widget is addressed by.
  channelRef: 'the widget is addressed by the Kefu conversation id',
});
