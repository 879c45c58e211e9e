// WeChat without WeChat: wechaty-puppet-mock's Mocker plays the accounts; messages the bot sends land on them.
import { FileBox } from 'file-box';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { WechatAdapterOptions } from '../../../bots/wechat/wechat-adapter.js';
import { WechatAdapter } from '../../../bots/wechat/wechat-adapter.js';
import { eventually, silentLogger } from '../core-harness.js';

export type ContactMock = ReturnType<mock.Mocker['createContact']>;
export type RoomMock = ReturnType<mock.Mocker['createRoom']>;

export class WechatFake {
  readonly mocker = new mock.Mocker();
  readonly puppet = new PuppetMock({ mocker: this.mocker });
  readonly qrCodes: string[] = [];
  bot: ContactMock | undefined;

  adapter(options: Partial<WechatAdapterOptions> = {}): WechatAdapter {
    return new WechatAdapter({
      puppet: this.puppet, groupMode: 'mention', logger: silentLogger, printQr: (art) => this.qrCodes.push(art),
      queue: { perChatIntervalMs: 0, perSecond: 1000 }, ...options,
    });
  }

  /** Logs the bot's account in (after the adapter started) and waits until wechaty says so. */
  async login(adapter: WechatAdapter, name = 'Kefu客服'): Promise<ContactMock> {
    this.bot ??= this.mocker.createContact({ name });
    this.mocker.login(this.bot);
    await eventually(() => (adapter.loginState().status === 'logged-in' ? true : undefined), 5000, 'wechat login');
    return this.bot;
  }

  async logout(adapter: WechatAdapter): Promise<void> {
    await this.puppet.logout('kicked out by the phone');
    await eventually(() => (adapter.loginState().status === 'logged-out' ? true : undefined), 5000, 'wechat logout');
  }

  /** Texts the bot sent to this contact (privately) or, with a room, in that room. */
  inbox(contact: ContactMock, room?: RoomMock): string[] {
    return [...this.mocker.cacheMessagePayload.values()]
      .filter((m) => m.talkerId === this.bot?.id && (room ? m.roomId === room.id : m.listenerId === contact.id))
      .map((m) => m.text ?? '');
  }

  /** The customer's last message to the bot, as the puppet holds it. */
  lastFrom(contact: ContactMock): string | undefined {
    return [...this.mocker.cacheMessagePayload.values()].filter((m) => m.talkerId === contact.id).at(-1)?.id;
  }

  sendImage(from: ContactMock): void {
    from.say(FileBox.fromBase64(Buffer.from('not really a png').toString('base64'), 'cat.png')).to(this.bot);
  }
}
