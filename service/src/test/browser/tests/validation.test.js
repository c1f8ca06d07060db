// What the page refuses before sending (not .json, over 32 MB, more than 10 files) and what the service
// refuses (422): each reason is shown next to the file it belongs to.
import assert from 'node:assert/strict';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { api, fixtures, jobItem, scratch, withApp } from './browser.js';

const app = withApp();
let page;
let browser;
const dir = scratch('validation');
before(async () => ({ page, browser } = await app.ready));

test('the service\'s validation errors are listed with their JSON paths next to the file', async () => {
  const file = path.join(dir, 'broken.json');
  writeFileSync(file, JSON.stringify({
    Rooms: [{ RoomNumber: '1' }],
    Reservations: [{ Name: 'a', Arrival: '2024-05-01', Length: -2 }, { Name: 'b', Arrival: 'soon', Length: 1 }],
  }));
  // What the service says of this file, asked directly.
  const expected = await api('/api/v1/optimize', { method: 'POST', body: readFileSync(file) });
  assert.equal(expected.status, 422);
  const problem = expected.json;
  await page.setInputFiles('#files', file);
  const item = jobItem(page, 'broken.json', 'invalid');
  await item.waitFor();
  const shown = await item.locator('.job-errors li').allTextContents();
  assert.equal(shown.length, problem.errors.length);
  for (const e of problem.errors) {
    assert.ok(shown.some((t) => t.includes(e.path) && t.includes(e.message)), `${e.path}: ${e.message} in ${shown}`);
  }
  assert.ok(shown.some((t) => t.startsWith('ProblemId')), 'the missing ProblemId is named');
  assert.ok(shown.some((t) => t.startsWith('Reservations[0].Length')), 'the negative length is named');
  assert.match(await item.locator('.badge').textContent(), /Not accepted/);
  assert.equal(await item.getByRole('button', { name: /Cancel/ }).isVisible(), false);
});

test('a file that is not JSON at all gets the service\'s message', async () => {
  const file = path.join(dir, 'not-json.json');
  writeFileSync(file, 'Rooms: 12, Reservations: none');
  await page.setInputFiles('#files', file);
  const item = jobItem(page, 'not-json.json', 'invalid');
  await item.waitFor();
  assert.ok((await item.textContent()).length > 'not-json.json'.length + 20, await item.textContent());
});

test('files that are not .json, over 32 MB, or beyond the tenth are refused before sending', async () => {
  const posts = [];
  const listen = (r) => { if (r.method() === 'POST') posts.push(r.url()); };
  page.on('request', listen);
  const text = path.join(dir, 'notes.txt');
  writeFileSync(text, '{}');
  const huge = path.join(dir, 'huge.json');
  writeFileSync(huge, '');
  truncateSync(huge, 32 * 1024 * 1024 + 1);
  await page.setInputFiles('#files', [text, huge]);
  await jobItem(page, 'notes.txt', 'invalid').waitFor();
  assert.match(await jobItem(page, 'notes.txt').textContent(), /only \.json/);
  assert.match(await jobItem(page, 'huge.json').textContent(), /more than the limit of 32\.0 MB/);

  const many = Array.from({ length: 11 }, (_, i) => {
    const f = path.join(dir, `empty-${i}.json`);
    writeFileSync(f, '');
    return f;
  });
  await page.setInputFiles('#files', many);
  await jobItem(page, 'empty-10.json', 'invalid').waitFor();
  assert.match(await jobItem(page, 'empty-10.json').textContent(), /at most 10 files/);
  assert.match(await jobItem(page, 'empty-0.json').textContent(), /file is empty/);
  await page.waitForTimeout(300);
  page.off('request', listen);
  assert.deepEqual(posts, [], 'nothing was sent');
  assert.deepEqual(browser.errors, []);
});

test('a problem without a plan shows the optimizer\'s reason, and no plan', async () => {
  await page.setInputFiles('#files', `${fixtures}/inputs/sample_infeas.json`);
  const item = jobItem(page, 'sample_infeas.json', 'completed');
  await item.waitFor({ timeout: 60_000 });
  assert.equal(await item.locator('.badge').textContent(), 'Completed: infeasible');
  await item.getByRole('button', { name: /Show the result/ }).click();
  const alert = page.locator('#result [role="alert"]');
  await alert.waitFor();
  // The night with more stays than rooms (fixtures/README.md).
  assert.match(await alert.textContent(), /2021-03-19/);
  // Why: the stays of the result's InfeasibleCore, one row each, and whether the set is proven the smallest.
  const jobId = await item.getAttribute('data-job-id');
  const core = (await api(`/api/v1/jobs/${jobId}/result`)).json.InfeasibleCore;
  const conflict = page.getByRole('region', { name: 'Why there is no plan' });
  await conflict.waitFor();
  assert.equal(await conflict.locator('tbody tr').count(), core.Stays.length);
  assert.match(await conflict.textContent(), core.Minimal ? /rest fit \(proven\)/ : /may not be the smallest/);
  assert.ok((await conflict.textContent()).includes(core.Nights[0]));
  assert.equal(await page.locator('#result .plan-body').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Restrictions CSV' }).count(), 0);
  assert.deepEqual(browser.errors, []);
});
