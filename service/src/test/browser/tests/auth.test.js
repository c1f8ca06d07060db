// With authentication on, the service answers 401: the page asks for an API key, keeps it for the
// browser session only, and sends it as "Authorization: Bearer" on every request, the event stream
// included; never in a URL. (This service runs with auth off, so the 401s are played by a route.)
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { fixtures, jobItem, withApp } from './browser.js';

const KEY = 'bo_test_0123456789abcdef';
const seen = [];
/** The service of production mode: without the key every API call is refused. */
async function requireKey(page) {
  await page.route('**/api/v1/**', async (route) => {
    const request = route.request();
    seen.push({ url: request.url(), auth: request.headers().authorization || null });
    if (request.headers().authorization !== `Bearer ${KEY}`) {
      await route.fulfill({ status: 401, headers: { 'Content-Type': 'application/problem+json', 'WWW-Authenticate': 'Bearer' },
        body: JSON.stringify({ type: '/problems/unauthorized', title: 'Unauthorized', status: 401, detail: 'An API key is required' }) });
      return;
    }
    await route.continue();
  });
}
const app = withApp({ setUp: requireKey });
let page;
let browser;
before(async () => ({ page, browser } = await app.ready));

test('a 401 asks for an API key, which then goes in a header on every request, events included', async () => {
  const form = page.locator('#auth');
  await form.waitFor({ state: 'visible' });
  assert.match(await page.locator('#auth-note').textContent(), /needs an API key/);
  await page.getByLabel('API key').fill(KEY);
  await page.getByRole('button', { name: 'Use key' }).click();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('bookingopt.apiKey')), KEY);
  assert.equal(await page.evaluate(() => localStorage.getItem('bookingopt.apiKey')), null, 'not kept beyond the session');

  seen.length = 0;
  await page.setInputFiles('#files', `${fixtures}/inputs/sample1.json`);
  await jobItem(page, 'sample1.json', 'completed').getByRole('button', { name: /Show the result/ }).click({ timeout: 60_000 });
  await page.locator('#result .plan-body .stay').first().waitFor();
  const paths = seen.map((s) => new URL(s.url).pathname);
  assert.ok(paths.some((p) => p.endsWith('/events')), `the event stream was read: ${paths}`);
  assert.ok(paths.some((p) => p.endsWith('/result')), `the result was read: ${paths}`);
  for (const s of seen) {
    assert.equal(s.auth, `Bearer ${KEY}`, `${s.url} carries the key`);
    assert.ok(!s.url.includes(KEY), `${s.url} has no key in it`);
  }
  assert.deepEqual(browser.errors, []);
});
