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

/** A store's own page (served by Kefu here) embedding the widget with one script tag. */
async function launcherStyle(attributes: string) {
  const page = await browser.newPage();
  await page.route(`${h.url}/store.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>店</title><script src="/widget.js" ${attributes}></script>` }),
  );
  await page.goto(`${h.url}/store.html`);
  const launcher = page.locator('#kefu-widget').locator('css=.launcher');
  await launcher.waitFor();
  const style = await launcher.evaluate((el) => {
    const s = getComputedStyle(el);
    return { left: s.left, right: s.right, background: s.backgroundColor };
  });
  await page.close();
  return style;
}

it('takes its colour and corner from the script tag, and ignores a colour that is not one (Chromium)', async () => {
  expect(await launcherStyle('data-color="#0a7cff" data-position="left"')).toMatchObject({ left: '20px', background: 'rgb(10, 124, 255)' });
  const fallback = await launcherStyle('data-color="red;background:url(x)" data-position="middle"');
  expect(fallback).toMatchObject({ right: '20px', background: 'rgb(194, 51, 77)' });
});
