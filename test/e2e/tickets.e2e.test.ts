import { type Browser, type Page } from 'playwright-core';
import { launchChromium, LAUNCH_TIMEOUT_MS } from './chromium.js';
import { startAgentHarness, type AgentHarness } from '../agents/agent-harness.js';
import { WebchatClient } from '../webchat/webchat-harness.js';

const SCREENSHOT_DIR = process.env.KEFU_SCREENSHOT_DIR;
const HOSTILE = '<img src=x onerror="window.__pwned=1">我要投诉';

let h: AgentHarness;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  h = await startAgentHarness();
  await h.addUser('ann');
  await h.addUser('sue', 'supervisor');
  browser = await launchChromium();
}, LAUNCH_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

async function signedIn(name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (err) => problems.push(`${name}: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/401/.test(msg.text())) problems.push(`${name} console: ${msg.text()}`);
  });
  await page.goto(`${h.url}/console/login.html?next=${encodeURIComponent('/console/tickets.html')}`);
  await page.fill('#email', `${name}@shop.test`);
  await page.fill('#password', `${name}-password`);
  await page.click('#submit');
  await page.waitForURL(/\/console\/tickets\.html/);
  await page.locator('#me-name', { hasText: name }).waitFor();
  return page;
}

const step = async (page: Page, fields: Record<string, string>) => {
  for (const [id, value] of Object.entries(fields)) await page.fill(`#${id}`, value);
  await page.click('#step-submit');
};

it('an agent works a complaint on the ticket page; the supervisor approves it and reads the report (Chromium)', async () => {
  const web = new WebchatClient(h.url);
  const chat = await web.start();
  await web.send(chat, { text: HOSTILE });

  const ann = await signedIn('ann');
  const row = ann.locator('#ticket-list li').first();
  await row.waitFor();
  const number = await row.getAttribute('data-number');
  expect(number).toMatch(/^T-\d{8}-\d{4}$/);
  await row.locator('button').click();
  await ann.locator('#tk-title', { hasText: number! }).waitFor();
  // What the customer typed is shown as text, never run.
  await ann.locator('#tk-description', { hasText: '<img src=x' }).waitFor();
  expect(await ann.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await ann.locator('#tk-conversations li[data-author="customer"]').first().textContent()).toContain('<img src=x');

  await ann.click('#tk-take');
  await ann.locator('#tk-meta', { hasText: '处理人 ann' }).waitFor();
  await ann.fill('#reply-text', '您好，已收到您的投诉，我们马上核实。');
  await ann.click('#reply-send');
  await ann.locator('#tk-status[data-status="open"]').waitFor();
  await ann.locator('#tk-sla .badge[data-sla="met"]').first().waitFor();

  await step(ann, { 'step-text': '核实：发错尺码' });
  await ann.locator('#complaint-steps li[data-step="analyse"][data-state="current"]').waitFor();
  await step(ann, { 'step-text': '原因：标签贴错' });
  await step(ann, { 'step-text': '提出换货', 'step-solution': '免费换货并补偿运费' });
  await ann.locator('#complaint-steps li[data-step="agree"][data-state="current"]').waitFor();
  await step(ann, { 'step-text': '客户同意' });
  await step(ann, { 'step-text': '换货已签收' });
  await ann.locator('#step-root-box:not([hidden])').waitFor();
  await step(ann, { 'step-text': '复盘', 'step-root-cause': '贴标流程无复核', 'step-improvement': '贴标后扫码复核' });
  await ann.locator('#complaint-steps li[data-step="review"][data-state="current"]').waitFor();
  // Agents see no resolve button on a complaint; the review is the supervisor's.
  expect(await ann.locator('#tk-status-actions [data-status-to="resolved"]').count()).toBe(0);
  expect(await ann.locator('#review-form').isHidden()).toBe(true);
  await ann.fill('#note-text', '已请仓库主管跟进');
  await ann.click('#note-send');
  await ann.locator('#tk-history li[data-action="note"]', { hasText: '已请仓库主管跟进' }).waitFor();
  if (SCREENSHOT_DIR) await ann.screenshot({ path: `${SCREENSHOT_DIR}/ticket-page.png`, fullPage: true });

  const sue = await signedIn('sue');
  await sue.locator('#review-list li', { hasText: number! }).waitFor();
  await sue.locator('#review-list a').first().click();
  await sue.locator('#review-form:not([hidden])').waitFor();
  await sue.fill('#review-comment', '同意结案');
  await sue.click('#review-approve');
  await sue.locator('#tk-status[data-status="resolved"]').waitFor();
  await sue.locator('#tk-surveys li[data-status="pending"]').waitFor();
  expect((await web.transcript(chat)).at(-1)?.text).toContain(number!);

  await web.send(chat, { text: '5' });
  await sue.reload();
  await sue.locator('#tk-status[data-status="closed"]').waitFor();
  await sue.locator('#tk-surveys li[data-status="scored"]', { hasText: '5/5' }).waitFor();

  await sue.click('#reports-link');
  await sue.waitForURL(/reports\.html/);
  await sue.selectOption('#rp-group', 'agent');
  await sue.locator('#rp-body tr[data-key]', { hasText: 'ann' }).waitFor();
  expect(await sue.locator('#rp-charts svg rect.bar').count()).toBeGreaterThan(0);
  if (SCREENSHOT_DIR) await sue.screenshot({ path: `${SCREENSHOT_DIR}/reports.png`, fullPage: true });
  expect(await sue.locator('#rp-csv').getAttribute('href')).toContain('/api/reports/export.csv?groupBy=agent');
  expect(problems).toEqual([]);
}, 90_000);

it('turns a conversation into a ticket from the chat console’s link (Chromium)', async () => {
  const web = new WebchatClient(h.url);
  const chat = await web.start();
  await web.send(chat, { text: '快递显示签收但我没收到' });
  const ann = await signedIn('ann');
  await ann.goto(`${h.url}/console/tickets.html#new:${chat.conversationId}`);
  await ann.locator('#new-from', { hasText: chat.conversationId }).waitFor();
  await ann.selectOption('#new-type', 'logistics');
  await ann.fill('#new-description', '签收未收到，需要联系快递核实');
  await ann.fill('#new-order', 'SO-42');
  await ann.selectOption('#new-assignee', { label: 'ann' });
  await ann.click('#new-submit');
  await ann.locator('#tk-title', { hasText: '签收未收到' }).waitFor();
  await ann.locator('#tk-conversations li[data-author="customer"]', { hasText: '快递显示签收但我没收到' }).waitFor();
  await ann.locator('#tk-fields dd', { hasText: 'SO-42' }).waitFor();
  expect(await ann.locator('#tk-meta').textContent()).toContain('处理人 ann');
  expect(problems).toEqual([]);
}, 60_000);
