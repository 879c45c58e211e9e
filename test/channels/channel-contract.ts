// The one contract every channel adapter passes, each through its real SDK against a local fake of its platform:
// decode (platform → InboundEvent → core) and encode (core's reply → what the customer's app shows), and sending by
// a stored conversation reference after the turn. A case that cannot apply to a channel is opted out by name, with
// the reason, in the channel's driver (`ContractOptOuts`); it shows as skipped with that reason, never silently.
import { ConversationFeed } from '../../core/conversation-feed.js';
import type { CustomerCommand, OutboundMessage } from '../../core/messages.js';
import { systemClock } from '../../core/ports.js';
import { DEFAULT_BOT_TEXTS } from '../../core/replies.js';
import { DEFAULT_ORDER_TEXTS } from '../../core/orders/order-texts.js';
import type { ChannelId } from '../../core/types.js';
import type { ChannelAdapter } from '../../bots/channel-adapter.js';
import { AMBIGUOUS_QUESTION, CONTRACT_FAQS, eventually, silentLogger, type CoreHarness } from './core-harness.js';

/** A message as the customer's app shows it. */
export interface SeenMessage {
  text: string;
  /** Labels of tappable choices (buttons, suggested actions); empty when the channel shows a numbered list. */
  buttons: string[];
  raw: unknown;
}

/** The customer's side of the platform fake. */
export interface CustomerSide {
  /** The customer's id on the platform, which Kefu stores as the channel identity. */
  externalId: string;
  say(text: string): Promise<void>;
  /** Asks for a command the channel's way: a slash command, a card button, the widget's button. */
  command(command: CustomerCommand): Promise<void>;
  /** Absent on a channel that opts out of `pictures`. */
  sendImage?(): Promise<void>;
  /** The platform delivers the customer's last message again, same id. */
  redeliverLast(): Promise<void>;
  /** Everything the customer has received, oldest first. */
  inbox(): SeenMessage[] | Promise<SeenMessage[]>;
  /** Picks the choice at `index` (0-based) the channel's way: a button, a suggested action, or typing its number. */
  pick(message: SeenMessage, index: number): Promise<void>;
}

export interface ChannelSetup {
  adapter: ChannelAdapter;
  /** The same channel set up without buttons; absent when the adapter already declares none. */
  withoutButtons?(): ChannelAdapter;
  core: CoreHarness;
  customer: CustomerSide;
  close(): Promise<void>;
}

/** Parts of the contract a channel does not take part in, each with the reason (shown in the test name). */
export interface ContractOptOuts {
  /** The case "records a picture…": the customer cannot send a picture on this channel. */
  pictures?: string;
  /** The case "splits a text…": the channel has no length limit to split for. */
  splitting?: string;
  /** Replies reach the customer without the outbox: checks instead that they carry no delivery status. */
  outbox?: string;
  /** The conversation id alone addresses the customer: checks instead that no channelRef is stored. */
  channelRef?: string;
}

export function describeChannelContract(channel: ChannelId, setup: () => Promise<ChannelSetup>, optOuts: ContractOptOuts = {}): void {
  /** A whole case a channel opted out of is registered as skipped, with the reason in its name. */
  const unless = (optOut: 'pictures' | 'splitting', title: string, fn: () => Promise<void>): void => {
    const reason = optOuts[optOut];
    if (reason) it.skip(`${title} [opted out for ${channel}: ${reason}]`, fn);
    else it(title, fn);
  };
  /** Outbox channels mark a reply `sent` once the platform took it; self-delivering ones never give it a status. */
  const expectDelivered = async (core: CoreHarness, externalId: string, messageId: string): Promise<void> => {
    const status = async () => (await core.transcript(channel, externalId)).find((m) => m.id === messageId)?.deliveryStatus;
    if (optOuts.outbox) expect(await status()).toBeUndefined();
    else await eventually(async () => ((await status()) === 'sent' ? true : undefined), 8000, 'delivery status sent');
  };

  /** Web chat stores no reference: there is none to corrupt. */
  const unlessRef = (title: string, fn: () => Promise<void>): void => {
    if (optOuts.channelRef) it.skip(`${title} [opted out for ${channel}: ${optOuts.channelRef}]`, fn);
    else it(title, fn);
  };

  describe(`channel contract: ${channel}`, () => {
    let s: ChannelSetup | undefined;
    let read = 0;
    const get = (): ChannelSetup => {
      if (!s) throw new Error('channel setup failed');
      return s;
    };
    /** The next `count` messages the customer receives. */
    const next = async (count = 1): Promise<SeenMessage[]> => {
      const messages = await eventually(async () => {
        const inbox = await get().customer.inbox();
        return inbox.length >= read + count ? inbox.slice(read, read + count) : undefined;
      }, 8000, `${count} more message(s) for the customer`);
      read += count;
      return messages;
    };
    const answerOf = (faqId: string | undefined) => CONTRACT_FAQS.find((f) => f.id === faqId)?.answer;

    beforeAll(async () => {
      s = await setup();
    });
    afterAll(async () => {
      await s?.close();
    });

    it('turns a customer message into a text event and shows the bot’s answer', async () => {
      const { customer, core } = get();
      await customer.say('怎么开发票');
      const [reply] = await next();
      expect(reply?.text).toBe(answerOf('invoice'));
      const event = core.received.at(-1);
      expect(event).toMatchObject({ type: 'text', channel, text: '怎么开发票', sender: { externalId: customer.externalId } });
      expect(event?.channelMessageId).toEqual(expect.any(String));
      const conversation = await core.conversationOf(channel, customer.externalId);
      expect(conversation.channel).toBe(channel);
      if (optOuts.channelRef) expect(conversation.channelRef).toBeNull();
      else expect(conversation.channelRef).toEqual(expect.any(String));
      const botReply = (await core.transcript(channel, customer.externalId)).at(-1);
      expect(botReply).toMatchObject({ author: 'bot', kind: 'answer', faqId: 'invoice' });
      await expectDelivered(core, customer.externalId, botReply!.id);
    });

    it('offers choices in the channel’s idiom, and picking one answers that entry', async () => {
      const { customer, core } = get();
      await customer.say(AMBIGUOUS_QUESTION);
      const [menu] = await next();
      const stored = (await core.transcript(channel, customer.externalId)).at(-1);
      expect(stored?.kind).toBe('choices');
      const choices = stored?.choices ?? [];
      expect(choices.length).toBeGreaterThanOrEqual(2);
      const shown = [...(menu?.buttons ?? []), menu?.text ?? ''].join('\n');
      for (const choice of choices) expect(shown).toContain(choice.question);
      await customer.pick(menu!, 1);
      const [answer] = await next();
      expect(answer?.text).toBe(answerOf(choices[1]?.faqId));
    });

    unless('pictures', 'records a picture as an attachment and answers politely that it cannot read it', async () => {
      const { customer, core } = get();
      if (!customer.sendImage) throw new Error(`${channel} has no sendImage and did not opt out of pictures`);
      await customer.sendImage();
      const [reply] = await next();
      expect(reply?.text).toBe(DEFAULT_BOT_TEXTS.zh.unreadable);
      expect(core.received.at(-1)).toMatchObject({ type: 'attachment', attachment: { kind: 'image', channelFileId: expect.any(String) } });
      const inbound = (await core.transcript(channel, customer.externalId)).filter((m) => m.author === 'customer').at(-1);
      expect(inbound?.attachments).toEqual([expect.objectContaining({ kind: 'image', channelFileId: expect.stringMatching(/.+/) })]);
    });

    it('handles a re-delivered message once', async () => {
      const { customer, core } = get();
      await customer.say('发票抬头可以改吗');
      await next();
      await customer.redeliverLast();
      await customer.say('怎么开发票');
      const [reply] = await next();
      expect(reply?.text).toBe(answerOf('invoice'));
      const transcript = await core.transcript(channel, customer.externalId);
      expect(transcript.filter((m) => m.text === '发票抬头可以改吗')).toHaveLength(1);
    });

    it('sends by the stored conversation reference after the turn is over', async () => {
      const { customer, core, adapter } = get();
      const conversation = await core.conversationOf(channel, customer.externalId);
      const text = '您好，我是客服小李。您的发票已经开好，请查收邮箱。';
      await adapter.send(
        { conversationId: conversation.id, externalUserId: customer.externalId, channelRef: conversation.channelRef ?? undefined },
        { type: 'text', kind: 'agent', text },
      );
      const [seen] = await next();
      expect(seen?.text).toContain(text);
    });

    it('shows an agent’s reply that core stores after the turn is over', async () => {
      const { customer, core } = get();
      const conversation = await core.conversationOf(channel, customer.externalId);
      const text = '您好，我是客服小王。退款已经原路退回，请留意银行通知。';
      // The last step of every agent reply (AgentDesk, ticket replies): store, show to live viewers, hand to the channel.
      const feed = new ConversationFeed(core.repos.messages, core.pubsub, core.delivery, systemClock, silentLogger);
      const stored = await feed.post(conversation, { author: 'agent', kind: 'text', text });
      const [seen] = await next();
      expect(seen?.text).toContain(text);
      await expectDelivered(core, customer.externalId, stored.id);
    });

    it('hands a command to core as data and shows its answer in the conversation’s language', async () => {
      const { customer, core } = get();
      await customer.command('help');
      const [reply] = await next();
      expect(reply?.text).toBe(DEFAULT_BOT_TEXTS.zh.help);
      expect(core.received.at(-1)).toMatchObject({ type: 'command', command: 'help', channel });
      expect((await core.conversationOf(channel, customer.externalId)).lang).toBe('zh');
    });

    it('tells the customer why a message was refused, in the chat', async () => {
      const { customer, core } = get();
      const before = (await core.transcript(channel, customer.externalId)).length;
      await customer.say('好'.repeat(4001));
      const [refusal] = await next();
      expect(refusal?.text).toMatch(/at most 4000 characters/);
      expect(await core.transcript(channel, customer.externalId)).toHaveLength(before);
    });

    it('shows choices as a numbered list where the channel is set up without buttons', async () => {
      const { customer, core, adapter, withoutButtons } = get();
      const plain = adapter.capabilities.buttons ? withoutButtons?.() : adapter;
      if (!plain) throw new Error(`${channel} declares buttons and has no setup without them`);
      expect(plain.capabilities.buttons).toBe(false);
      const conversation = await core.conversationOf(channel, customer.externalId);
      const menu: OutboundMessage = { type: 'choices', text: '您想问的是？', choices: [{ faqId: 'invoice', question: '怎么开发票' }, { faqId: 'umbrella-app', question: '雨伞怎么预约' }] };
      await plain.send({ conversationId: conversation.id, externalUserId: customer.externalId, channelRef: conversation.channelRef ?? undefined }, menu);
      const [seen] = await next();
      expect(seen?.buttons).toEqual([]);
      expect(seen?.text).toBe('您想问的是？\n1. 怎么开发票\n2. 雨伞怎么预约');
    });

    unlessRef('fails a delivery once, without retries, when the stored reference is corrupt', async () => {
      const { customer, core } = get();
      const conversation = await core.conversationOf(channel, customer.externalId);
      const good = conversation.channelRef;
      await core.repos.conversations.update(conversation.id, { channelRef: '{"chatId":' });
      try {
        const feed = new ConversationFeed(core.repos.messages, core.pubsub, core.delivery, systemClock, silentLogger);
        const stored = await feed.post({ ...conversation, channelRef: '{"chatId":' }, { author: 'agent', kind: 'text', text: '这条消息送不到' });
        const row = await eventually(async () => {
          const r = await core.repos.deliveries.getByMessage(stored.id);
          return r?.status === 'failed' ? r : undefined;
        }, 8000, 'the delivery to fail');
        expect(row).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/stored reference .* is not JSON/) });
        const note = await eventually(async () => (await core.transcript(channel, customer.externalId)).find((m) => m.author === 'system' && m.replyToId === stored.id));
        expect(note.text).toContain('已尝试 1 次');
      } finally {
        await core.repos.conversations.update(conversation.id, { channelRef: good });
      }
    });

    unless('splitting', 'splits a text longer than the channel allows into parts it accepts', async () => {
      const { customer, core, adapter } = get();
      const conversation = await core.conversationOf(channel, customer.externalId);
      const max = adapter.capabilities.maxTextLength;
      const words = Array.from({ length: Math.ceil((max + 200) / 8) }, (_, i) => `word${String(i).padStart(3, '0')}`);
      const text = words.join(' ');
      await adapter.send(
        { conversationId: conversation.id, externalUserId: customer.externalId, channelRef: conversation.channelRef ?? undefined },
        { type: 'text', kind: 'agent', text },
      );
      const parts = await next(2);
      for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(max);
      expect(parts.map((p) => p.text).join(' ').split(/\s+/)).toEqual(words);
    });

    // Last: three wrong answers hand the conversation to people, after which the bot stays quiet.
    it('answers an order question once the phone’s last four digits prove the owner; three wrong answers bring a person', async () => {
      const { customer, core } = get();
      await customer.say('我的订单 20261128-0002 到哪了');
      const [ask] = await next();
      expect(ask?.text).toBe(DEFAULT_ORDER_TEXTS.zh.askDigits('20261128-0002'));
      await customer.say('2222');
      const [answer] = await next();
      expect(answer?.text).toContain('顺丰速运 运单号 SF1402658837201');
      expect(answer?.text).toContain('浦东新区张江营业点，正在派送途中');

      await customer.say('订单20261125-0005发货了吗');
      expect((await next())[0]?.text).toBe(DEFAULT_ORDER_TEXTS.zh.askDigits('20261125-0005'));
      for (const [digits, left] of [['2222', 2], ['1234', 1]] as const) {
        await customer.say(digits);
        const [refused] = await next();
        // The same words as for a number that does not exist: a stranger learns nothing.
        expect(refused?.text).toBe(DEFAULT_ORDER_TEXTS.zh.notMatched(left));
        expect(refused?.text).not.toContain('德邦');
      }
      await customer.say('5554');
      const [queued] = await next();
      expect(queued?.text).toContain('正在为您转接人工客服');
      const conversation = await core.conversationOf(channel, customer.externalId);
      expect(conversation).toMatchObject({ status: 'queued', handoffReason: 'order_check' });
      const transcript = (await core.transcript(channel, customer.externalId)).map((m) => m.text).join('\n');
      expect(transcript).not.toContain('DPK301122334455');
    });
  });
}
