import { type Browser, type Page } from 'playwright-core';
import { launchChromium, LAUNCH_TIMEOUT_MS } from './chromium.js';
import { addAmbiguousFaqs, startHarness, WebchatClient, type Harness } from '../webchat/webchat-harness.js';

const SCREENSHOT = process.env.KEFU_SCREENSHOT_DIR ? `${process.env.KEFU_SCREENSHOT_DIR}/widget-375.png` : undefined;

let h: Harness;
let browser: Browser;
let pageErrors: string[];

beforeAll(async () => {
  h = await startHarness();
  browser = await launchChromium();
}, LAUNCH_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

async function openStore(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('dialog', (dialog) => {
    pageErrors.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${h.url}/`);
  return page;
}

async function openWidget(page: Page): Promise<void> {
  await page.click('#kefu-launcher');
  await page.locator('#kefu-input').waitFor({ state: 'visible' });
}

const bubbles = (page: Page, author: string) => page.locator(`.kefu-msg[data-author="${author}"] .bubble`);

async function say(page: Page, text: string, how: 'enter' | 'click' = 'enter'): Promise<void> {
  await page.fill('#kefu-input', text);
  if (how === 'enter') await page.press('#kefu-input', 'Enter');
  else await page.click('#kefu-send');
}

describe('web chat widget in Chromium', () => {
  it('answers 「怎么退货」 on the demo store page', async () => {
    const page = await openStore();
    expect(await page.title()).toContain('Kefu Demo Store');
    await openWidget(page);
    await say(page, '怎么退货');
    await bubbles(page, 'bot').first().waitFor();
    expect(await bubbles(page, 'bot').first().textContent()).toMatch(/退/);
    expect(await page.inputValue('#kefu-input')).toBe('');

    // Delivered by both the HTTP reply and the socket, shown once, settled with its seq.
    await page.waitForTimeout(300);
    expect(await bubbles(page, 'customer').allTextContents()).toEqual(['怎么退货']);
    expect(await page.locator('.kefu-msg[data-author="customer"]').getAttribute('data-seq')).toBe('1');
    const saved = JSON.parse((await page.evaluate(() => localStorage.getItem('kefu.webchat.v1'))) ?? '{}');
    expect(saved).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), lastSeq: 2 });

    // The server holds the same conversation.
    const transcript = await new WebchatClient(h.url).transcript({ ...saved, visitorId: '' });
    expect(transcript.map((m) => m.author)).toEqual(['customer', 'bot']);

    // After a reload the history comes back from the server.
    await page.reload();
    await openWidget(page);
    await bubbles(page, 'bot').first().waitFor();
    expect(await bubbles(page, 'customer').allTextContents()).toEqual(['怎么退货']);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('shows message text literally, never as HTML', async () => {
    const page = await openStore();
    await openWidget(page);
    const attack = '<img src=x onerror=alert(1)>';
    await say(page, attack, 'click');
    await page.locator('.kefu-msg[data-author="customer"][data-seq]').waitFor();
    expect(await bubbles(page, 'customer').first().textContent()).toBe(attack);
    expect(await page.locator('#kefu-widget img').count()).toBe(0);
    await bubbles(page, 'bot').first().waitFor();
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('sends the number when a choice is clicked, and 转人工 from the quick button', async () => {
    const page = await openStore();
    await openWidget(page);
    const question = await addAmbiguousFaqs(h);
    await say(page, question);
    const firstChoice = page.locator('.kefu-msg[data-kind="choices"] .choices button').first();
    await firstChoice.waitFor();
    await firstChoice.click();
    await page.locator('.kefu-msg[data-author="bot"][data-kind="answer"]').waitFor();
    expect(await bubbles(page, 'customer').allTextContents()).toEqual([question, '1']);

    await page.click('#kefu-human');
    await page.locator('.kefu-msg[data-author="customer"][data-seq="5"]').waitFor();
    expect(await bubbles(page, 'customer').last().textContent()).toBe('转人工');
    await page.close();
  });

  it('shows messages from elsewhere live, counts unread ones, and resumes after a server restart', async () => {
    const page = await openStore();
    await openWidget(page);
    await say(page, '你好');
    await bubbles(page, 'bot').first().waitFor();
    const saved = JSON.parse((await page.evaluate(() => localStorage.getItem('kefu.webchat.v1'))) ?? '{}');
    const chat = { ...saved, visitorId: '' };
    const api = new WebchatClient(h.url);

    // Another tab of the same visitor writes: the open widget shows it through the socket.
    await api.send(chat, { text: '怎么退货' });
    await page.locator('.kefu-msg[data-seq="4"]').waitFor();
    expect(await bubbles(page, 'customer').allTextContents()).toEqual(['你好', '怎么退货']);

    // Closed panel: the bot's reply shows as one unread message on the launcher.
    await page.click('#kefu-close');
    await api.send(chat, { text: '运费多少' });
    await page.locator('#kefu-badge:not([hidden])').waitFor();
    expect(await page.textContent('#kefu-badge')).toBe('1');
    await openWidget(page);

    // The server restarts (same secret, same database): the widget reconnects with its token and misses nothing.
    await h.restart();
    await api.send(chat, { text: '多久发货', clientMessageId: 'after-restart' });
    await page.locator('.kefu-msg[data-seq="8"]').waitFor({ timeout: 10_000 });
    const seqs = await page.locator('.kefu-msg[data-seq]').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.seq)));
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await say(page, '谢谢');
    await page.locator('.kefu-msg[data-seq="10"]').waitFor();
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('is usable on a 375px-wide phone screen', async () => {
    const page = await openStore({ width: 375, height: 667 });
    const launcher = await page.locator('#kefu-launcher').boundingBox();
    expect(launcher && launcher.x + launcher.width).toBeLessThanOrEqual(375);
    await openWidget(page);
    await say(page, '运费多少');
    await bubbles(page, 'bot').first().waitFor();
    const panel = await page.locator('#kefu-panel').boundingBox();
    expect(panel).toMatchObject({ x: 0, y: 0, width: 375, height: 667 });
    const send = await page.locator('#kefu-send').boundingBox();
    expect(send && send.x + send.width).toBeLessThanOrEqual(375);
    expect(send && send.y + send.height).toBeLessThanOrEqual(667);
    expect(await page.getAttribute('#kefu-launcher', 'aria-expanded')).toBe('true');
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT });
    await page.keyboard.press('Escape');
    await page.locator('#kefu-launcher').waitFor({ state: 'visible' });
    await page.close();
  });
});
