// Commands are data: the widget's "talk to a person" button sends `{command: 'human'}`, answered in the customer's
// language (the button's label 「转人工」 is only shown in the transcript), and /ticket lists or opens a ticket.
import { DEFAULT_HANDOFF_TEXTS } from '../../core/handoff/handoff-texts.js';
import { DEFAULT_BOT_TEXTS } from '../../core/replies.js';
import { DEFAULT_TICKET_TEXTS } from '../../core/tickets/ticket-texts.js';
import { startHarness, WebchatClient, type Harness } from '../webchat/webchat-harness.js';

const open = 'Mon-Sun 00:00-24:00';
const closed = 'Mon-Sun 00:00-00:01';

describe('web chat commands', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('answers an English customer who presses the human button with the queue message in English', async () => {
    h = await startHarness({ KEFU_BUSINESS_HOURS: open });
    const web = new WebchatClient(h.url);
    const chat = await web.start();
    await web.send(chat, { text: 'Where is my order?' });
    const res = await web.send(chat, { command: 'human', text: '转人工', clientMessageId: 'human-1' });
    expect(res.status).toBe(200);
    expect(res.body.message).toMatchObject({ author: 'customer', text: '转人工' });
    expect(res.body.replyMessages.map((m) => m.text)).toEqual([DEFAULT_HANDOFF_TEXTS.en.queued('request', 1)]);
    const conversation = await h.kefu.services.conversations.getConversation(chat.conversationId);
    expect(conversation).toMatchObject({ status: 'queued', lang: 'en' });
  });

  it('answers the same button outside service hours with the after-hours message in English', async () => {
    h = await startHarness({ KEFU_BUSINESS_HOURS: closed });
    const web = new WebchatClient(h.url);
    const chat = await web.start({ lang: 'en' });
    const res = await web.send(chat, { command: 'human', text: '转人工' });
    expect(res.body.replyMessages).toHaveLength(1);
    expect(res.body.replyMessages[0]?.text).toMatch(/^Our agents are away right now \(service hours: /);
  });

  it('still hands off on 「转人工」 typed as text, in Chinese', async () => {
    h = await startHarness({ KEFU_BUSINESS_HOURS: open });
    const web = new WebchatClient(h.url);
    const chat = await web.start({ lang: 'en' });
    const res = await web.send(chat, { text: '转人工' });
    expect(res.body.replyMessages.map((m) => m.text)).toEqual([DEFAULT_HANDOFF_TEXTS.zh.queued('request', 1)]);
  });

  it('on /ticket asks for the problem first, then opens a ticket from what the customer said, then lists it', async () => {
    h = await startHarness({ KEFU_BUSINESS_HOURS: open });
    const web = new WebchatClient(h.url);
    const chat = await web.start({ lang: 'en' });
    const first = await web.send(chat, { command: 'ticket' });
    expect(first.body.replyMessages.map((m) => m.text)).toEqual([DEFAULT_TICKET_TEXTS.en.describeFirst]);
    expect(first.body.message.text).toBe('/ticket');

    await web.send(chat, { text: 'The parcel arrived with a broken zipper' });
    const opened = await web.send(chat, { command: 'ticket' });
    const { tickets } = await h.kefu.services.repos.tickets.list({ limit: 5 });
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ type: 'inquiry', description: 'The parcel arrived with a broken zipper' });
    expect(opened.body.replyMessages.map((m) => m.text)).toEqual([DEFAULT_TICKET_TEXTS.en.created(tickets[0]!.number)]);

    const listed = await web.send(chat, { command: 'ticket' });
    expect(listed.body.replyMessages[0]?.text).toContain(tickets[0]!.number);
    expect((await h.kefu.services.repos.tickets.list({ limit: 5 })).tickets).toHaveLength(1);
  });

  it('answers /help and refuses a body with neither text nor a known command', async () => {
    h = await startHarness();
    const web = new WebchatClient(h.url);
    const chat = await web.start({ lang: 'en' });
    expect((await web.send(chat, { command: 'help' })).body.replyMessages.map((m) => m.text)).toEqual([DEFAULT_BOT_TEXTS.en.help]);
    const bad = await web.send(chat, { command: 'reboot' });
    expect([bad.status, bad.body.error?.code]).toEqual([422, 'invalid_input']);
    const empty = await web.send(chat, {});
    expect([empty.status, empty.body.error?.code]).toEqual([422, 'invalid_input']);
  });
});
