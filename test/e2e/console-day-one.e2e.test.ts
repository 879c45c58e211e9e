import { type Browser, type Page } from 'playwright-core';
import { FLOW_TIMEOUT_MS, launchChromium, LAUNCH_TIMEOUT_MS } from './chromium.js';
import { AgentClient, startAgentHarness, type AgentHarness } from '../agents/agent-harness.js';
import { WebchatClient, type Chat } from '../webchat/webchat-harness.js';

// What a team moving from another chat console hits on its first day (issue 13): canned replies, where a
// conversation opens, a deep link through sign-in, the toast over Send, an empty transfer list, the ticket form.
const SCREENSHOT_DIR = process.env.KEFU_SCREENSHOT_DIR;
let h: AgentHarness;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  h = await startAgentHarness({ env: { KEFU_BUSINESS_HOURS: 'Mon-Sun 00:00-24:00', KEFU_ROUTING: 'manual' } });
  await h.addUser('ann');
  await h.addUser('sue', 'supervisor');
  browser = await launchChromium();
}, LAUNCH_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

async function page(name: string, path: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const p = await context.newPage();
  p.setDefaultTimeout(15_000);
  p.on('pageerror', (err) => problems.push(`${name}: ${err.message}`));
  p.on('dialog', (dialog) => {
    problems.push(`${name}: dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await p.goto(`${h.url}${path}`);
  return p;
}

async function signInOn(p: Page, name: string): Promise<void> {
  await p.waitForURL(/\/console\/login\.html/);
  await p.fill('#email', `${name}@shop.test`);
  await p.fill('#password', `${name}-password`);
  await p.click('#submit');
}

/** A web chat customer who asked for a person, with some history. */
async function queuedCustomer(lines: string[]): Promise<Chat> {
  const web = new WebchatClient(h.url);
  const chat = await web.start();
  for (const text of [...lines, '转人工']) expect((await web.send(chat, { text })).status).toBe(200);
  return chat;
}

describe('the agent console on day one (Chromium)', () => {
  it('keeps team and personal canned replies with categories on their own screen, and fills in variables when used', async () => {
    const sue = await page('sue', '/console/canned.html');
    await signInOn(sue, 'sue');
    await sue.waitForURL(/\/console\/canned\.html/);
    // A fresh install already has the default set.
    await sue.locator('#cr-body tr[data-shortcut="退货"][data-scope="team"]').waitFor();
    expect(await sue.locator('#cr-body tr').count()).toBeGreaterThanOrEqual(10);
    await sue.selectOption('#cr-category', '物流');
    expect(await sue.locator('#cr-body tr').evaluateAll((rows) => rows.map((r) => r.children[1]?.textContent))).toEqual(expect.arrayContaining(['物流']));
    expect(new Set(await sue.locator('#cr-body tr').evaluateAll((rows) => rows.map((r) => r.children[1]?.textContent)))).toEqual(new Set(['物流']));
    await sue.selectOption('#cr-category', '');

    // The supervisor adds a team reply with variables.
    await sue.click('#cr-new');
    await sue.fill('#cr-shortcut', '/会员');
    await sue.fill('#cr-form-category', '会员');
    await sue.fill('#cr-title', '会员权益');
    await sue.fill('#cr-text', '您好');
    await sue.click('.cr-var[data-var="{客户名}"]');
    await sue.locator('#cr-text').press('End');
    await sue.locator('#cr-text').pressSequentially('，我是');
    await sue.click('.cr-var[data-var="{客服名}"]');
    await sue.click('#cr-team');
    await sue.click('#cr-save');
    await sue.locator('#cr-body tr[data-shortcut="会员"][data-scope="team"]').waitFor();
    if (SCREENSHOT_DIR) await sue.screenshot({ path: `${SCREENSHOT_DIR}/canned-replies-1440.png` });
    expect(await sue.locator('#cr-body tr[data-shortcut="会员"] .cr-text').textContent()).toBe('您好{客户名}，我是{客服名}');

    // An agent sees the team's, cannot change them, and keeps one of their own.
    const ann = await page('ann', '/console/canned.html');
    await signInOn(ann, 'ann');
    await ann.waitForURL(/\/console\/canned\.html/);
    await ann.locator('#cr-body tr[data-shortcut="会员"]').waitFor();
    expect(await ann.locator('#cr-body tr[data-shortcut="会员"] button').count()).toBe(0);
    await ann.click('#cr-new');
    expect(await ann.isDisabled('#cr-team')).toBe(true);
    await ann.fill('#cr-shortcut', '早');
    await ann.fill('#cr-title', '早安');
    await ann.fill('#cr-text', '早上好{客户名}！');
    await ann.click('#cr-save');
    await ann.locator('#cr-body tr[data-shortcut="早"][data-scope="mine"]').waitFor();
    await sue.reload();
    await sue.locator('#cr-body tr[data-shortcut="会员"]').waitFor();
    expect(await sue.locator('#cr-body tr[data-shortcut="早"]').count()).toBe(0);

    // In a chat, the agent's own and the team's expand with the customer's and agent's names.
    const chat = await queuedCustomer(['你好']);
    await ann.goto(`${h.url}/console/#${chat.conversationId}`);
    await ann.locator('#chat[data-status="queued"]').waitFor();
    await ann.click('#claim');
    await ann.locator('#chat[data-status="agent"]').waitFor();
    const customerName = await ann.locator('#chat-title').textContent();
    await ann.fill('#input', '/会');
    await ann.locator('#suggestions li[data-shortcut="会员"]').waitFor();
    await ann.press('#input', 'Tab');
    expect(await ann.inputValue('#input')).toBe(`您好${customerName}，我是ann`);
    await ann.fill('#input', '/早');
    await ann.locator('#suggestions li[data-shortcut="早"]').waitFor();
    await ann.press('#input', 'Tab');
    expect(await ann.inputValue('#input')).toBe(`早上好${customerName}！`);
    expect(problems).toEqual([]);
    await sue.context().close();
    await ann.context().close();
  }, FLOW_TIMEOUT_MS);

  it('keeps a deep link through sign-in and opens the conversation at its latest message', async () => {
    const lines = Array.from({ length: 6 }, (_, i) => `第 ${i + 1} 件：\n颜色？\n尺码？\n面料？\n产地？\n洗涤方式？`);
    const chat = await queuedCustomer(lines);
    const ann = await page('ann', `/console/#${chat.conversationId}`, { width: 1280, height: 700 });
    await signInOn(ann, 'ann');
    await ann.waitForURL(new RegExp(`/console/(index\\.html)?#${chat.conversationId}$`));
    await ann.locator('#chat[data-status="queued"]').waitFor();
    await ann.locator('#timeline .msg[data-author="customer"]', { hasText: '转人工' }).waitFor();
    const position = await ann.locator('#timeline').evaluate((t) => ({ top: t.scrollTop, max: t.scrollHeight - t.clientHeight }));
    expect(position.max).toBeGreaterThan(0);
    expect(position.max - position.top).toBeLessThan(2);
    expect(problems).toEqual([]);
    await ann.context().close();
  }, FLOW_TIMEOUT_MS);

  it('explains an empty transfer list, keeps the toast off the Send button, and shows a chat’s existing ticket', async () => {
    const chat = await queuedCustomer(['我的订单还没到']);
    const ann = await page('ann', `/console/#${chat.conversationId}`);
    await signInOn(ann, 'ann');
    await ann.locator('#chat[data-status="queued"]').waitFor();
    await ann.click('#claim');
    await ann.locator('#chat[data-status="agent"]').waitFor();
    // Nobody else is online (sue never opened the console).
    expect(await ann.isDisabled('#transfer')).toBe(true);
    expect(await ann.locator('#transfer-to').textContent()).toContain('没有其他在线客服');
    expect(await ann.getAttribute('#transfer', 'title')).toContain('在线');

    await ann.locator('#flash').waitFor();
    const [toast, send] = await Promise.all([ann.locator('#flash').boundingBox(), ann.locator('#send').boundingBox()]);
    const overlaps = toast && send && toast.x < send.x + send.width && send.x < toast.x + toast.width && toast.y < send.y + send.height && send.y < toast.y + toast.height;
    expect(overlaps).toBe(false);

    // A new ticket defaults to normal priority.
    await ann.click('#to-ticket');
    await ann.waitForURL(/tickets\.html#new:/);
    await ann.locator('#new-form').waitFor();
    expect(await ann.inputValue('#new-priority')).toBe('normal');
    await ann.fill('#new-subject', '订单未到');
    await ann.fill('#new-description', '客户的订单还没到');
    await ann.click('#new-submit');
    await ann.waitForURL(/tickets\.html#T-/);
    const number = decodeURIComponent(new URL(ann.url()).hash.slice(1));
    const client = await AgentClient.signIn(h.url, 'ann');
    const ticket = await client.get<{ ticket: { priority: string } }>(`/api/tickets/${encodeURIComponent(number)}`);
    expect(ticket.body.ticket.priority).toBe('normal');

    // Back in the chat, "to ticket" now shows that ticket instead of a blank form.
    await ann.goto(`${h.url}/console/#${chat.conversationId}`);
    await ann.locator(`#to-ticket[data-ticket="${number}"]`).waitFor();
    await ann.click('#to-ticket');
    await ann.waitForURL(new RegExp(`tickets\\.html#${number}$`));
    expect(problems).toEqual([]);
    await ann.context().close();
  }, FLOW_TIMEOUT_MS);

  it('works on a phone (390 px): the lists, then the chat in one column; claim, reply, close and back', async () => {
    const chat = await queuedCustomer(['我的快递三天没动了']);
    const ann = await page('ann', '/console/', { width: 390, height: 844 });
    await signInOn(ann, 'ann');
    await ann.waitForURL(/\/console\/(index\.html)?$/);
    const item = ann.locator(`#queue li[data-id="${chat.conversationId}"] button`);
    await item.waitFor();
    expect(await ann.isVisible('#chat')).toBe(false);
    await item.click();
    await ann.locator('#chat[data-status="queued"]').waitFor();
    expect(await ann.isVisible('#queue')).toBe(false);
    // Nothing sticks out sideways, and the controls are big enough to tap.
    expect(await ann.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const id of ['#claim', '#back']) expect((await ann.locator(id).boundingBox())?.height).toBeGreaterThanOrEqual(40);
    await ann.click('#claim');
    await ann.locator('#chat[data-status="agent"]').waitFor();
    await ann.fill('#input', '您好，我来帮您查一下快递');
    await ann.click('#send');
    await ann.locator('#timeline .msg[data-author="agent"]', { hasText: '我来帮您查一下快递' }).waitFor();
    if (SCREENSHOT_DIR) await ann.screenshot({ path: `${SCREENSHOT_DIR}/console-phone-390.png` });
    const web = new WebchatClient(h.url);
    expect((await web.transcript(chat)).map((m) => m.text)).toContain('您好，我来帮您查一下快递');
    for (const id of ['#input', '#send', '#close']) {
      const box = await ann.locator(id).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    }
    await ann.click('#close');
    await ann.locator('#chat[data-status="closed"]').waitFor();
    await ann.click('#back');
    await ann.locator('#mine-count').waitFor();
    expect(await ann.isVisible('#chat')).toBe(false);
    expect(problems).toEqual([]);
    await ann.context().close();
  }, FLOW_TIMEOUT_MS);

  it('counts unread customer messages per conversation and in the tab title, and clears them when opened', async () => {
    const [first, second] = [await queuedCustomer(['第一位顾客']), await queuedCustomer(['第二位顾客'])];
    const web = new WebchatClient(h.url);
    const ann = await page('ann', `/console/#${first.conversationId}`);
    await signInOn(ann, 'ann');
    await ann.locator('#chat[data-status="queued"]').waitFor();
    await ann.click('#claim');
    await ann.locator('#chat[data-status="agent"]').waitFor();
    const title = await ann.title();
    // Looking at the first; the second customer writes twice.
    await ann.locator(`#queue li[data-id="${second.conversationId}"]`).waitFor();
    for (const text of ['还在吗', '急急急']) expect((await web.send(second, { text })).status).toBe(200);
    await ann.locator(`#queue li[data-id="${second.conversationId}"][data-unread="2"] .unread`, { hasText: '2' }).waitFor();
    expect(await ann.title()).toBe(`(2) ${title}`);
    // What the agent is looking at is read.
    expect((await web.send(first, { text: '好的' })).status).toBe(200);
    await ann.locator('#timeline .msg[data-author="customer"]', { hasText: '好的' }).waitFor();
    expect(await ann.locator(`#mine li[data-id="${first.conversationId}"]`).getAttribute('data-unread')).toBe('0');
    await ann.click(`#queue li[data-id="${second.conversationId}"] button`);
    await ann.locator(`#queue li[data-id="${second.conversationId}"][data-unread="0"]`).waitFor();
    expect(await ann.title()).toBe(title);
    expect(problems).toEqual([]);
    await ann.context().close();
  }, FLOW_TIMEOUT_MS);

  it('moves between conversations, claims and closes from the keyboard', async () => {
    const chat = await queuedCustomer(['键盘测试']);
    const ann = await page('ann', '/console/');
    await signInOn(ann, 'ann');
    const item = ann.locator(`#queue li[data-id="${chat.conversationId}"]`);
    await item.waitFor();
    const ids = await ann.locator('#queue li, #mine li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id')));
    // One step at a time: each press opens a conversation, and the next press moves on from the one opened.
    for (const id of ids.slice(0, ids.indexOf(chat.conversationId) + 1)) {
      await ann.keyboard.press('Alt+ArrowDown');
      await ann.locator(`li.current[data-id="${id}"]`).waitFor();
    }
    await ann.locator(`#queue li.current[data-id="${chat.conversationId}"]`).waitFor();
    await ann.locator('#chat[data-status="queued"]').waitFor();
    await ann.keyboard.press('Alt+KeyC');
    await ann.locator('#chat[data-status="agent"]').waitFor();
    await ann.keyboard.press('Alt+KeyE');
    await ann.locator('#chat[data-status="closed"]').waitFor();
    expect(problems).toEqual([]);
    await ann.context().close();
  }, FLOW_TIMEOUT_MS);

  it('chimes and shows desktop notifications for new queue items and messages, each switchable and remembered', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(['notifications'], { origin: h.url });
    // Record chimes and notifications, and let the test put the tab in the background.
    await context.addInitScript(() => {
      const w = window as unknown as { chimes: number; shown: string[]; background: boolean };
      w.chimes = 0;
      w.shown = [];
      w.background = false;
      const create = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function (this: AudioContext) { w.chimes += 1; return create.call(this); };
      class Recorded { static permission = 'granted'; static requestPermission = async () => 'granted'; constructor(title: string) { w.shown.push(title); } }
      Object.defineProperty(window, 'Notification', { value: Recorded });
      Object.defineProperty(document, 'hidden', { get: () => w.background });
    });
    const ann = await context.newPage();
    ann.on('pageerror', (err) => problems.push(`ann: ${err.message}`));
    await ann.goto(`${h.url}/console/`);
    await signInOn(ann, 'ann');
    await ann.locator('#live[data-state="live"]').waitFor();
    const counts = () => ann.evaluate(() => { const w = window as unknown as { chimes: number; shown: string[] }; return { chimes: w.chimes, shown: w.shown.length }; });
    expect(await ann.isChecked('#notify-sound')).toBe(true);
    await ann.uncheck('#notify-sound');
    // The list is redrawn after the event that would have chimed: once it shows the customer, the chance has passed.
    const quiet = await queuedCustomer(['静音时来的顾客']);
    await ann.locator(`#queue li[data-id="${quiet.conversationId}"]`).waitFor();
    expect(await counts()).toEqual({ chimes: 0, shown: 0 });
    await ann.check('#notify-sound');
    await ann.check('#notify-desktop');
    await ann.evaluate(() => { (window as unknown as { background: boolean }).background = true; });
    const loud = await queuedCustomer(['响铃时来的顾客']);
    await ann.locator(`#queue li[data-id="${loud.conversationId}"]`).waitFor();
    await ann.waitForFunction(() => (window as unknown as { shown: string[] }).shown.length > 0);
    expect((await counts()).chimes).toBeGreaterThan(0);
    await ann.reload();
    await ann.locator('#live[data-state="live"]').waitFor();
    expect([await ann.isChecked('#notify-sound'), await ann.isChecked('#notify-desktop')]).toEqual([true, true]);
    expect(problems).toEqual([]);
    await context.close();
  }, FLOW_TIMEOUT_MS);

  it('draws report charts with readable axes: "no data" instead of 1e-9, and no label cut off at the edge', async () => {
    const sue = await page('sue', '/console/reports.html');
    await signInOn(sue, 'sue');
    await sue.waitForURL(/reports\.html/);
    const inside = () => sue.locator('#rp-charts svg text').evaluateAll((texts) =>
      texts.filter((t) => (t as SVGTextElement).getBBox().x < 0).map((t) => t.textContent));
    // Today has tickets from the tests above.
    await sue.locator('#rp-charts svg').first().waitFor();
    expect(await inside()).toEqual([]);
    await sue.fill('#rp-from', '2020-01-01');
    await sue.fill('#rp-to', '2020-01-07');
    await sue.click('#rp-run');
    await sue.locator('#rp-charts svg text.no-data').first().waitFor();
    expect(await sue.locator('#rp-charts').textContent()).not.toMatch(/\de-\d/);
    expect(await inside()).toEqual([]);
    expect(problems).toEqual([]);
    await sue.context().close();
  }, FLOW_TIMEOUT_MS);
});
