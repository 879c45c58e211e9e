import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { FLOW_TIMEOUT_MS, launchChromium, LAUNCH_TIMEOUT_MS } from './chromium.js';
import { startAgentHarness, type AgentHarness } from '../agents/agent-harness.js';

const SCREENSHOT_DIR = process.env.KEFU_SCREENSHOT_DIR;

let h: AgentHarness;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  // Service hours cover the whole week, so the test never depends on when it runs.
  h = await startAgentHarness({ env: { KEFU_BUSINESS_HOURS: 'Mon-Sun 00:00-24:00', KEFU_ROUTING: 'manual' } });
  await h.addUser('ann');
  await h.addUser('sue', 'supervisor');
  browser = await launchChromium();
}, LAUNCH_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

async function newPage(context: BrowserContext, name: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`${name}: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${name} console: ${msg.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`${name}: dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return page;
}

async function signIn(page: Page, name: string): Promise<void> {
  await page.goto(`${h.url}/console/`);
  await page.waitForURL(/\/console\/login\.html/);
  await page.fill('#email', `${name}@shop.test`);
  await page.fill('#password', `${name}-password`);
  await page.click('#submit');
  await page.waitForURL(/\/console\/(index\.html)?$/);
  await page.locator('#live[data-state="live"]').waitFor();
  // Being sent to the sign-in page logs the expected 401s; only what happens once signed in counts.
  problems.length = 0;
}

const widget = (page: Page, author: string) => page.locator(`.kefu-msg[data-author="${author}"][data-seq] .bubble`);
const timeline = (page: Page, author: string) => page.locator(`#timeline .msg[data-author="${author}"] .text`);

async function customerSays(page: Page, text: string): Promise<void> {
  await page.fill('#kefu-input', text);
  await page.press('#kefu-input', 'Enter');
}

describe('a customer in the widget and an agent in the console (Chromium)', () => {
  it('hands the chat to a person and back to the bot, live both ways', async () => {
    const customerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const customer = await newPage(customerContext, 'customer');
    const agent = await newPage(agentContext, 'agent');

    // A wrong password is refused on the sign-in page.
    await agent.goto(`${h.url}/console/login.html`);
    await agent.fill('#email', 'ann@shop.test');
    await agent.fill('#password', 'wrong-password');
    await agent.click('#submit');
    await agent.locator('#error').filter({ hasText: 'Wrong e-mail address or password' }).waitFor();
    await signIn(agent, 'ann');

    // The customer asks for a person with the widget's button.
    await customer.goto(`${h.url}/`);
    await customer.click('#kefu-launcher');
    await customerSays(customer, '你好');
    await widget(customer, 'bot').first().waitFor();
    await customer.click('#kefu-human');
    await widget(customer, 'system').filter({ hasText: '第 1 位' }).waitFor();

    // It appears in the agent's queue without a reload; the agent opens and claims it.
    const queued = agent.locator('#queue li[data-status="queued"] button').first();
    await queued.waitFor();
    await queued.click();
    await timeline(agent, 'customer').filter({ hasText: '转人工' }).waitFor();
    expect(await agent.locator('#timeline .msg.bot .who').first().textContent()).toContain('机器人 Bot');
    expect(await agent.locator('#profile-fields').textContent()).toContain('webchat:');
    await agent.click('#claim');
    await widget(customer, 'system').filter({ hasText: '人工客服「ann」为您服务' }).waitFor();
    await agent.locator('#chat[data-status="agent"]').waitFor();
    await agent.locator('#mine li[data-status="agent"]').waitFor();
    expect(await agent.locator('#mine li').count()).toBe(1);

    // A default canned reply on a fresh install: "/退货" expands with Tab; {订单号} waits until the customer gives it.
    await agent.fill('#input', '/退');
    await agent.locator('#suggestions li[data-shortcut="退款"]').waitFor();
    await agent.fill('#input', '/退货');
    await agent.locator('#suggestions li[data-shortcut="退货"]').waitFor();
    await agent.press('#input', 'Tab');
    expect(await agent.inputValue('#input')).toContain('7 天内可以无理由退货');
    expect(await agent.evaluate(() => { const box = document.querySelector<HTMLTextAreaElement>('#input')!; return box.value.slice(box.selectionStart, box.selectionEnd); })).toBe('{订单号}');
    await agent.press('#input', 'Enter');
    await agent.locator('#flash').filter({ hasText: '请先填写 {订单号}' }).waitFor();
    await customerSays(customer, '好的，我的订单号是 12345');
    await timeline(agent, 'customer').filter({ hasText: '12345' }).waitFor();
    await agent.fill('#input', '/退货');
    await agent.press('#input', 'Tab');
    expect(await agent.inputValue('#input')).toContain('找到订单 12345');
    await agent.press('#input', 'Enter');
    await widget(customer, 'agent').filter({ hasText: '7 天内可以无理由退货' }).filter({ hasText: '12345' }).waitFor();
    expect(await agent.inputValue('#input')).toBe('');

    // The customer answers; the agent sees it live, as text even when it looks like HTML.
    const attack = '<img src=x onerror=alert(1)>';
    await customerSays(customer, attack);
    await timeline(agent, 'customer').filter({ hasText: attack }).waitFor();
    expect(await timeline(agent, 'customer').allTextContents()).toEqual(['你好', '转人工', '好的，我的订单号是 12345', attack]);
    expect(await agent.locator('#timeline img, #queue img, #mine img').count()).toBe(0);

    // An internal note stays with the agents.
    await agent.check('#mode-note');
    await agent.fill('#input', '内部备注：客户要加急');
    await agent.press('#input', 'Enter');
    await agent.locator('#timeline .note .text').filter({ hasText: '内部备注：客户要加急' }).waitFor();
    await agent.check('#mode-reply');
    await agent.fill('#input', '已为您加急处理');
    await agent.click('#send');
    await widget(customer, 'agent').filter({ hasText: '已为您加急处理' }).waitFor();
    expect(await customer.locator('#kefu-widget').textContent()).not.toContain('客户要加急');
    if (SCREENSHOT_DIR) await customer.screenshot({ path: `${SCREENSHOT_DIR}/widget-desktop.png` });
    if (SCREENSHOT_DIR) await agent.screenshot({ path: `${SCREENSHOT_DIR}/console-1440.png` });

    // The agent closes; the bot answers the customer's next question.
    await agent.click('#close');
    await widget(customer, 'system').filter({ hasText: '结束' }).waitFor();
    await agent.locator('#chat[data-status="closed"]').waitFor();
    await customerSays(customer, '怎么退货');
    await widget(customer, 'bot').filter({ hasText: '退' }).nth(0).waitFor();
    await customer.waitForFunction(() => {
      const msgs = Array.from(document.querySelector('#kefu-widget')?.shadowRoot?.querySelectorAll('.kefu-msg[data-seq]') ?? []);
      return msgs.at(-1)?.getAttribute('data-author') === 'bot';
    });
    // The agent watching the closed conversation sees the bot take over too.
    await timeline(agent, 'customer').filter({ hasText: '怎么退货' }).waitFor();
    await agent.locator('#timeline .msg.bot').last().waitFor();

    // Download links carry the transcript.
    const href = await agent.getAttribute('#download-text', 'href');
    const text = await agent.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(text).toContain('Channel: webchat');
    expect(text).toContain('Agent ann: 已为您加急处理');

    expect(problems).toEqual([]);

    // Sign out: the console sends the browser back to the sign-in page.
    await agent.click('#logout');
    await agent.locator('#status[data-done="true"]').waitFor();
    await agent.goto(`${h.url}/console/`);
    await agent.waitForURL(/\/console\/login\.html/);
    await customerContext.close();
    await agentContext.close();
  }, FLOW_TIMEOUT_MS);

  it('lets a supervisor watch the queue and agents’ load and assign a waiting customer', async () => {
    const customerContext = await browser.newContext();
    const supervisorContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const customer = await newPage(customerContext, 'customer');
    const supervisor = await newPage(supervisorContext, 'supervisor');
    await signIn(supervisor, 'sue');
    await supervisor.locator('#supervisor').waitFor();
    await supervisor.selectOption('#presence', 'online');
    await supervisor.locator('#agents-body tr[data-presence="online"]', { hasText: 'sue' }).waitFor();

    await customer.goto(`${h.url}/`);
    await customer.click('#kefu-launcher');
    await customerSays(customer, '我要投诉');
    await widget(customer, 'system').filter({ hasText: '非常抱歉' }).waitFor();

    const row = supervisor.locator('#sup-queue li').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('排队中');
    await row.locator('button', { hasText: '分配' }).click();
    await widget(customer, 'system').filter({ hasText: '「sue」' }).waitFor();
    await supervisor.locator('#sup-active li').first().waitFor();
    await supervisor.locator('#agents-body tr[data-presence="online"] td', { hasText: '1 / 5' }).waitFor();
    if (SCREENSHOT_DIR) await supervisor.screenshot({ path: `${SCREENSHOT_DIR}/console-supervisor-1440.png` });
    expect(problems).toEqual([]);
    await customerContext.close();
    await supervisorContext.close();
  }, FLOW_TIMEOUT_MS);
});
