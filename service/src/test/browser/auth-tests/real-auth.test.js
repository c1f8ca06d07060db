// The web app against the real service with authentication on: run.sh starts it on PostgreSQL with
// bookingopt.auth.enabled=true and makes a key with `bookingopt keys create` (BOOKINGOPT_API_KEY). The page
// gets the real 401, asks for the key, and then sends it in a header on every request: the fetch-read
// event stream, the chart PNG and the CSV included; never in a URL.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { baseUrl, fixtures, jobItem, withApp } from '../tests/browser.js';

const KEY = process.env.BOOKINGOPT_API_KEY;
if (!KEY) throw new Error('BOOKINGOPT_API_KEY is not set: run the tests with run.sh, which makes a key');
const seen = [];
/** Records every API request as it leaves the page, then lets it go on to the service. */
async function recordApiRequests(page) {
  await page.route('**/api/v1/**', async (route) => {
    const request = route.request();
    seen.push({ url: request.url(), auth: request.headers().authorization || null });
    await route.continue();
  });
}
const app = withApp({ setUp: recordApiRequests });
let page;
let browser;
before(async () => ({ page, browser } = await app.ready));

test('without a key the service answers 401 with a Bearer challenge, and the page asks for a key', async () => {
  const refused = await fetch(`${baseUrl()}/api/v1/jobs`, { headers: { 'X-User-ID': 'someone' } });
  assert.equal(refused.status, 401);
  assert.match(refused.headers.get('www-authenticate'), /^Bearer realm="bookingopt"/);
  assert.equal((await refused.json()).type, '/problems/unauthorized');

  await page.locator('#auth').waitFor({ state: 'visible' });
  assert.match(await page.locator('#auth-note').textContent(), /needs an API key/);
});

test('with the key, a solve is followed live and its chart and CSV download, the key always in a header', async () => {
  await page.getByLabel('API key').fill(KEY);
  await page.getByRole('button', { name: 'Use key' }).click();
  seen.length = 0;

  await page.setInputFiles('#files', `${fixtures}/inputs/sample1.json`);
  await jobItem(page, 'sample1.json', 'completed').getByRole('button', { name: /Show the result/ })
    .click({ timeout: 60_000 });
  await page.locator('#result .plan-body .stay').first().waitFor();
  const [png] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Plan PNG' }).click()]);
  assert.deepEqual([...readFileSync(await png.path()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  const [csv] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Restrictions CSV' }).click()]);
  assert.match(readFileSync(await csv.path(), 'utf8'), /^Scope,RoomType,From,To/);

  const paths = seen.map((s) => new URL(s.url).pathname);
  for (const end of ['/events', '/result', '/plot.png', '/restrictions.csv']) {
    assert.ok(paths.some((p) => p.endsWith(end)), `${end} was read: ${paths}`);
  }
  for (const s of seen) {
    assert.equal(s.auth, `Bearer ${KEY}`, `${s.url} carries the key`);
    assert.ok(!s.url.includes(KEY) && !s.url.includes(KEY.slice(16)), `${s.url} has no key in it`);
  }
  assert.deepEqual(browser.errors, []);
});
