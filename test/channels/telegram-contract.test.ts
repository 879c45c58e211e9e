import { TelegramAdapter } from '../../bots/telegram/telegram-adapter.js';
import { describeChannelContract, type SeenMessage } from './channel-contract.js';
import { silentLogger, startCore } from './core-harness.js';
import { TelegramFake, type StoredBotMessage } from './fakes/telegram-fake.js';

describeChannelContract('telegram', async () => {
  const fake = await TelegramFake.start();
  const adapter = new TelegramAdapter({
    token: fake.token, apiRoot: fake.apiRoot, logger: silentLogger, pollTimeoutSeconds: 1,
    queue: { perChatIntervalMs: 0 },
  });
  const core = await startCore(adapter);
  const chatId = 7001;
  const client = fake.client({ userId: chatId, firstName: '小明' });
  const seen = (m: StoredBotMessage): SeenMessage => ({
    text: m.message.text,
    buttons: (m.message.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text),
    raw: m,
  });
  return {
    adapter,
    withoutButtons: () => new TelegramAdapter({ token: fake.token, apiRoot: fake.apiRoot, logger: silentLogger, queue: { perChatIntervalMs: 0 }, capabilities: { buttons: false } }),
    core,
    customer: {
      externalId: String(chatId),
      say: async (text) => void (await client.sendMessage(client.makeMessage(text))),
      command: async (command) => void (await client.sendMessage(client.makeMessage(`/${command}`))),
      async sendImage() {
        const { text: _text, ...message } = client.makeMessage('');
        const photo = [{ file_id: 'AgADsmall', file_unique_id: 's', width: 90, height: 90 }, { file_id: 'AgADlarge', file_unique_id: 'l', width: 800, height: 800 }];
        await client.sendMessage({ ...message, photo } as never);
      },
      async redeliverLast() {
        const updates = fake.server.storage.userMessages;
        updates.push({ ...updates.at(-1)!, isRead: false });
      },
      inbox: () => fake.botMessages(chatId).map(seen),
      async pick(message, index) {
        const raw = message.raw as StoredBotMessage;
        const button = raw.message.reply_markup?.inline_keyboard?.[index]?.[0];
        if (!button) throw new Error('no such button');
        await client.sendCallback(client.makeCallbackQuery(button.callback_data, { message: { message_id: raw.messageId } }));
      },
    },
    async close() {
      await core.close();
      await fake.stop();
    },
  };
});
