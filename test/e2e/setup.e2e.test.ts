import { type Browser } from 'playwright-core';
import { setupToken } from '../../app/setup/setup-token.js';
import { startAgentHarness, type AgentHarness } from '../agents/agent-harness.js';
import { SECRET } from '../webchat/webchat-harness.js';
import { FLOW_TIMEOUT_MS, launchChromium, LAUNCH_TIMEOUT_MS } from './chromium.js';

let h: AgentHarness;
let browser: Browser;

beforeAll(async () => {
  h = await startAgentHarness();
  browser = await launchChromium();
}, LAUNCH_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

it('creates the first admin from the printed link and opens the console signed in (Chromium)', async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  // The demo store tells a visitor that the agent side still needs its first-run setup.
  await page.goto(`${h.url}/`);
  await page.locator('#demo-hint', { hasText: '首次设置链接' }).waitFor();
  await page.goto(`${h.url}/console/setup.html#token=${setupToken(SECRET)}`);
  await page.fill('#email', 'owner@shop.test');
  await page.fill('#displayName', '店长');
  await page.fill('#password', 'owner-password');
  await page.fill('#storeName', '猫咪用品店');
  await page.selectOption('#hours', 'Mon-Sun 00:00-24:00');
  await page.click('#submit');
  await page.waitForURL(`${h.url}/console/`);
  await page.locator('#me-name', { hasText: '店长' }).waitFor();
  const users = await h.kefu.services.repos.users.list();
  expect(users.map((u) => [u.email, u.role])).toEqual([['owner@shop.test', 'admin']]);
  expect(problems).toEqual([]);

  // The link is spent: opening it again sends the visitor to sign in instead.
  const again = await browser.newPage();
  await again.goto(`${h.url}/console/setup.html#token=${setupToken(SECRET)}`);
  await again.locator('#intro', { hasText: 'sign in' }).waitFor();
  // And the store page now says where agents sign in, and who would take 「转人工」 (the admin's console is open).
  await again.goto(`${h.url}/`);
  await again.locator('#demo-hint', { hasText: /现在有 1 位客服在线|还没有客服在线/ }).waitFor();
  expect(await again.locator('#demo-hint a').getAttribute('href')).toBe('/console/');
}, FLOW_TIMEOUT_MS);
