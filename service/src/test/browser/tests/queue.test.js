// Cancelling, and the page's own queue: at most 3 of the caller's jobs are active on the service, the
// others wait in the browser; a 429 is honoured by waiting its Retry-After.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { api, bigProblem, fixtures, jobItem, scratch, withApp } from './browser.js';

const app = withApp();
let page;
let browser;
let files;
before(async () => {
  ({ page, browser } = await app.ready);
  const dir = scratch('queue');
  files = [11, 12, 13, 14].map((seed) => bigProblem(dir, seed));
});

const name = (seed) => `big-${seed}.json`;

test('a running job is cancelled with its Cancel button', async () => {
  await page.setInputFiles('#files', files[0]);
  const item = jobItem(page, name(11));
  await jobItem(page, name(11), 'running').waitFor({ timeout: 60_000 });
  const jobId = await item.getAttribute('data-job-id');
  await item.getByRole('button', { name: `Cancel ${name(11)}` }).click();
  await jobItem(page, name(11), 'cancelled').waitFor({ timeout: 30_000 });
  assert.equal((await api(`/api/v1/jobs/${jobId}`)).json.status, 'cancelled');
  assert.equal(await item.getByRole('button', { name: `Cancel ${name(11)}` }).isVisible(), false);
  assert.equal(await item.locator('.job-message').textContent(), (await api(`/api/v1/jobs/${jobId}`)).json.error);
});

test('a fourth file waits in the browser until one of three active jobs ends', async () => {
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/v1/optimize')) posts.push(r); });
  await page.setInputFiles('#files', files);
  // New items come first in the list: these are the four just added.
  const items = {};
  for (const seed of [11, 12, 13, 14]) items[seed] = page.locator(`#${await jobItem(page, name(seed)).first().getAttribute('id')}`);
  const state = (seed) => items[seed].getAttribute('data-state');
  await page.waitForFunction(() => [...document.querySelectorAll('#job-list li.job')]
    .filter((li) => ['sending', 'queued', 'running'].includes(li.dataset.state)).length === 3);
  assert.equal(await state(14), 'waiting');
  await page.waitForTimeout(500);
  assert.equal(await state(14), 'waiting', 'still waiting while three are active');
  assert.equal(posts.length, 3, 'only three submissions were sent');
  assert.match(await page.locator('#queue-status').textContent(), /3 of 3 active on the service, 1 waiting in this browser/);

  // Cancelling one active job lets the waiting file go.
  await items[11].getByRole('button', { name: `Cancel ${name(11)}` }).click();
  await items[11].and(page.locator('[data-state="cancelled"]')).waitFor({ timeout: 30_000 });
  await items[14].and(page.locator('[data-state="queued"], [data-state="running"]')).waitFor({ timeout: 30_000 });
  assert.equal(posts.length, 4);
  for (const seed of [12, 13, 14]) {
    await items[seed].getByRole('button', { name: `Cancel ${name(seed)}` }).click();
    await items[seed].and(page.locator('[data-state="cancelled"]')).waitFor({ timeout: 30_000 });
  }
  const user = await page.evaluate(() => localStorage.getItem('bookingopt.userId'));
  const mine = (await api('/api/v1/jobs?limit=100', { user })).json.jobs;
  assert.equal(mine.filter((j) => ['queued', 'running'].includes(j.status)).length, 0);
});

test('a 429 answer is retried after its Retry-After, not before', async () => {
  const attempts = [];
  await page.route('**/api/v1/optimize', async (route) => {
    attempts.push(Date.now());
    if (attempts.length === 1) {
      await route.fulfill({ status: 429, headers: { 'Retry-After': '2', 'Content-Type': 'application/problem+json' },
        body: JSON.stringify({ type: '/problems/too-many-active-jobs', title: 'Too many active jobs', status: 429,
          detail: 'You already have 3 active jobs' }) });
    } else {
      await route.continue();
    }
  });
  try {
    await page.setInputFiles('#files', `${fixtures}/inputs/sample1.json`);
    const item = jobItem(page, 'sample1.json').first();
    await page.waitForFunction(() => /sending again in 2 s/.test(document.querySelector('#job-list').textContent));
    assert.equal(await item.getAttribute('data-state'), 'waiting');
    await jobItem(page, 'sample1.json', 'completed').first().waitFor({ timeout: 60_000 });
    assert.equal(attempts.length, 2);
    assert.ok(attempts[1] - attempts[0] >= 2000, `sent again after ${attempts[1] - attempts[0]} ms`);
  } finally {
    await page.unroute('**/api/v1/optimize');
  }
  assert.deepEqual(browser.errors, []);
});
