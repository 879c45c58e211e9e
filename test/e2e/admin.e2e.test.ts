import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { FLOW_TIMEOUT_MS, launchChromium, LAUNCH_TIMEOUT_MS } from './chromium.js';
import { startAgentHarness, type AgentHarness } from '../agents/agent-harness.js';

const SCREENSHOT_DIR = process.env.KEFU_SCREENSHOT_DIR;

let h: AgentHarness;
let browser: Browser;
let admin: BrowserContext;
let problems: string[] = [];

beforeAll(async () => {
  h = await startAgentHarness();
  await h.addUser('ada', 'admin');
  browser = await launchChromium();
  admin = await browser.newContext({ viewport: { width: 1400, height: 900 } });
}, LAUNCH_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

async function watch(page: Page, name: string): Promise<Page> {
  page.on('pageerror', (err) => problems.push(`${name}: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${name} console: ${msg.text()}`);
  });
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

/** Opens the admin console, signing in through the agent console's sign-in page the first time. */
async function openAdmin(tab: string): Promise<Page> {
  const page = await watch(await admin.newPage(), 'admin');
  await page.goto(`${h.url}/admin/#${tab}`);
  if (/login\.html/.test(await waitForEither(page))) {
    await page.fill('#email', 'ada@shop.test');
    await page.fill('#password', 'ada-password');
    await page.click('#submit');
    await page.waitForURL(/\/admin\/index\.html/);
    problems = [];
    await page.goto(`${h.url}/admin/#${tab}`);
  }
  await page.locator(`.view[data-tab="${tab}"]`).waitFor();
  return page;
}

async function waitForEither(page: Page): Promise<string> {
  await page.waitForFunction(() => /login\.html/.test(location.pathname) || document.querySelector('.view[data-tab]') !== null);
  return page.url();
}

async function customerAsks(text: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await watch(await context.newPage(), 'customer');
  await page.goto(`${h.url}/`);
  await page.click('#kefu-launcher');
  await page.fill('#kefu-input', text);
  await page.press('#kefu-input', 'Enter');
  await page.locator('.kefu-msg[data-author="bot"][data-seq]').first().waitFor();
  return page;
}

describe('admin console in Chromium', () => {
  it('an admin adds an entry in the console, and a customer in the widget gets it as the answer straight away', async () => {
    const before = await customerAsks('你们卖猫粮吗');
    expect(await before.locator('.kefu-msg[data-author="bot"]').first().getAttribute('data-kind')).toBe('fallback');
    await before.context().close();

    const page = await openAdmin('faqs');
    await page.click('#faq-new');
    await page.fill('#faq-form [name="id"]', 'cat-food');
    await page.fill('#faq-form [name="question"]', '你们卖猫粮吗');
    await page.fill('#faq-form [name="alternates"]', '有猫粮吗\n猫粮有卖吗');
    await page.fill('#faq-form [name="answer"]', '卖的！猫粮在宠物专区，满 99 元包邮。');
    await page.fill('#faq-form [name="category"]', '商品');
    await page.click('#faq-save');
    await page.locator('#faq-rows tr[data-id="cat-food"]').waitFor();
    expect(await page.textContent('#flash')).toContain('cat-food');

    const customer = await customerAsks('你们卖猫粮吗？');
    const answer = customer.locator('.kefu-msg[data-author="bot"][data-kind="answer"]');
    await answer.waitFor();
    expect(await answer.locator('.bubble').textContent()).toBe('卖的！猫粮在宠物专区，满 99 元包邮。');

    // The customer rates the answer; the rating reaches the dashboard.
    await answer.locator('button[data-rating="up"]').click();
    await answer.locator('.rate[data-rated="up"]').waitFor();
    await customer.context().close();

    // Editing it in the console versions it, and the history shows the diff.
    await page.click('#faq-rows tr[data-id="cat-food"] >> text=编辑 Edit');
    await page.fill('#faq-form [name="answer"]', '卖的！猫粮在宠物专区三楼，满 99 元包邮。');
    await page.click('#faq-save');
    await page.locator('#faq-rows tr[data-id="cat-food"] >> text=v2').waitFor();
    await page.click('#faq-rows tr[data-id="cat-food"] >> text=历史 History');
    await page.locator('#faq-diff ins').waitFor();
    expect(await page.locator('#faq-diff ins').allTextContents()).toEqual(['三楼']);
    expect(await page.locator('#history tbody tr').count()).toBe(2);
    if (SCREENSHOT_DIR) await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-faqs.png` });

    // The list comes a page at a time, filtered by category and status and sorted.
    expect(await page.locator('#faq-rows tr').count()).toBe(25);
    expect(await page.textContent('#faq-count')).toMatch(/^第 1–25 条，共 \d+ 条/);
    const firstPage = await page.locator('#faq-rows tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    await page.click('#faq-next');
    await page.locator('#faq-count', { hasText: '第 26–' }).waitFor();
    const secondPage = await page.locator('#faq-rows tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
    await page.selectOption('#faq-sort', '-updated');
    await page.locator('#faq-count', { hasText: '第 1–25' }).waitFor();
    await page.locator('#faq-rows tr:first-child[data-id="cat-food"]').waitFor();
    await page.selectOption('#faq-category', '商品');
    await page.locator('#faq-count', { hasText: '共 1 条' }).waitFor();
    await page.selectOption('#faq-category', '');
    await page.selectOption('#faq-sort', 'id');
    expect(problems).toEqual([]);
    await page.close();
  }, FLOW_TIMEOUT_MS);

  it('imports a file with bad rows: the preview lists exactly those as rejected, and the import keeps the rest', async () => {
    const page = await openAdmin('transfer');
    const csv = [
      'id,question,answer,category,alternates',
      'gift-card,可以用礼品卡付款吗,可以，在结算页选择礼品卡。,支付,礼品卡能用吗',
      'bad id!,坏的 id,答案,支付,',
      'no-answer,没有答案的问题,,支付,',
      'store-hours,客服几点上班,每天 9:00–21:00。,服务,',
    ].join('\n');
    await page.setInputFiles('#import-file', { name: 'faqs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.click('#import-preview');
    await page.locator('#report-rejected li').first().waitFor();
    const rejected = await page.locator('#report-rejected li').allTextContents();
    expect(rejected).toHaveLength(2);
    expect(rejected[0]).toMatch(/row 3 \(bad id!\): id:/);
    expect(rejected[1]).toMatch(/row 4 \(no-answer\): answer:/);
    expect(await page.locator('#report-added li').allTextContents()).toEqual(['gift-card · 可以用礼品卡付款吗', 'store-hours · 客服几点上班']);
    expect((await h.kefu.services.repos.faqs.get('gift-card'))).toBeNull();

    await page.click('#import-apply');
    await page.locator('#report-part, .summary >> text=已导入 Imported.').waitFor();
    expect(await h.kefu.services.repos.faqs.get('gift-card')).toMatchObject({ updatedBy: 'ada@shop.test', alternates: ['礼品卡能用吗'] });
    expect(await h.kefu.services.repos.faqs.get('store-hours')).not.toBeNull();
    expect(await h.kefu.services.repos.faqs.get('no-answer')).toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  }, FLOW_TIMEOUT_MS);

  it('tries a question, turns an unanswered group into alternates, and draws the dashboard', async () => {
    const page = await openAdmin('try');
    await page.fill('#try-input', '礼品卡能用吗');
    await page.click('#try-go');
    await page.locator('#try-decision[data-decision="answer"]').waitFor();
    expect(await page.locator('#try-matches tbody tr').first().textContent()).toContain('gift-card');
    expect(await page.locator('#try-matches .chip').first().textContent()).toBeTruthy();
    if (SCREENSHOT_DIR) await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-try.png` });

    const customer = await customerAsks('有实体店吗');
    await customer.context().close();
    await page.goto(`${h.url}/admin/#unanswered`);
    const group = page.locator('#unanswered-groups li.group[data-text="有实体店吗"]');
    await group.waitFor();
    await group.locator('text=加为相似问法 Add as alternates').click();
    await group.locator('input[list="faq-ids"]').fill('store-hours');
    await group.locator('button[type="submit"]').click();
    await group.waitFor({ state: 'detached' });
    expect((await h.kefu.services.repos.faqs.get('store-hours'))?.alternates).toEqual(['有实体店吗']);

    await page.goto(`${h.url}/admin/#dashboard`);
    await page.locator('#chart-hours svg rect.bar').first().waitFor();
    expect(await page.locator('#chart-satisfaction svg').count()).toBe(1);
    expect(await page.textContent('#chart-satisfaction .donut-center')).toBe('100%');
    expect(await page.textContent('#satisfaction-note')).toContain('CSAT');
    expect(await page.textContent('#satisfaction-note')).not.toContain('No survey data');
    expect(await page.locator('#chart-top svg rect.bar').count()).toBeGreaterThan(0);
    if (SCREENSHOT_DIR) await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-dashboard.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, FLOW_TIMEOUT_MS);
});
