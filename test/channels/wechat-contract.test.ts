import { describeChannelContract } from './channel-contract.js';
import { startCore } from './core-harness.js';
import { WechatFake } from './fakes/wechat-fake.js';

describeChannelContract('wechat', async () => {
  const fake = new WechatFake();
  const adapter = fake.adapter();
  const core = await startCore(adapter);
  await fake.login(adapter);
  const alice = fake.mocker.createContact({ name: '小美' });
  return {
    adapter,
    core,
    customer: {
      externalId: alice.id,
      say: async (text) => alice.say(text).to(fake.bot),
      command: async (command) => alice.say(`/${command}`).to(fake.bot),
      sendImage: async () => fake.sendImage(alice),
      async redeliverLast() {
        fake.puppet.emit('message', { messageId: fake.lastFrom(alice)! });
      },
      inbox: () => fake.inbox(alice).map((text) => ({ text, buttons: [], raw: text })),
      pick: async (_message, index) => alice.say(String(index + 1)).to(fake.bot),
    },
    close: () => core.close(),
  };
});
