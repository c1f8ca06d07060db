// The demo hotels and the generator are offered exactly when the service has their endpoints
// (GET /api/v1/demo-problems, POST /api/v1/problems/generate), and then they work.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { api, withApp } from './browser.js';

const app = withApp();
let page;
let paths;
before(async () => {
  ({ page } = await app.ready);
  paths = Object.keys((await api('/openapi.json')).json.paths);
});

test('the demo hotels are offered only when the service lists them, and a demo is solved', async () => {
  const demo = page.locator('#demo');
  if (!paths.includes('/api/v1/demo-problems')) {
    assert.equal(await demo.isVisible(), false, 'no demo endpoint, no demo form');
    assert.equal((await api('/api/v1/demo-problems')).status, 404);
    return;
  }
  await demo.waitFor({ state: 'visible' });
  const options = await page.locator('#demo-select option').count();
  assert.ok(options > 0);
  await page.getByRole('button', { name: 'Solve the demo' }).click();
  await page.locator('#job-list li.job[data-state="completed"]', { hasText: 'Demo:' }).first().waitFor({ timeout: 90_000 });
});

test('the generator is offered only when the service has it, and a generated hotel is solved', async () => {
  const form = page.locator('#generate');
  if (!paths.includes('/api/v1/problems/generate')) {
    assert.equal(await form.isVisible(), false, 'no generator endpoint, no generator form');
    return;
  }
  await form.waitFor({ state: 'visible' });
  await page.getByLabel('Rooms').fill('8');
  await page.getByLabel('Nights').fill('14');
  await page.getByLabel('Occupancy %').fill('80');
  await page.getByRole('button', { name: 'Generate and solve' }).click();
  await page.locator('#job-list li.job[data-state="completed"]', { hasText: 'Generated: 8 rooms' }).first()
    .waitFor({ timeout: 90_000 });
});
