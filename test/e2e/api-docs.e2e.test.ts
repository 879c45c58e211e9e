import { type Browser } from 'playwright-core';
import { startHarness, type Harness } from '../webchat/webchat-harness.js';
import { launchChromium, LAUNCH_TIMEOUT_MS } from './chromium.js';

let h: Harness;
let browser: Browser;

beforeAll(async () => {
  h = await startHarness();
  browser = await launchChromium();
}, LAUNCH_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

it('shows the whole API at /api/docs from files Kefu serves itself (Chromium)', async () => {
  const page = await browser.newPage();
  const elsewhere: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(h.url) && !req.url().startsWith('data:')) elsewhere.push(req.url());
  });
  await page.goto(`${h.url}/api/docs`);
  await page.locator('.swagger-ui .info .title', { hasText: 'Kefu HTTP API' }).waitFor();
  await page.locator('.opblock-summary-path', { hasText: '/api/tickets/{id}/complaint/review' }).first().waitFor();
  expect(elsewhere).toEqual([]);
});
