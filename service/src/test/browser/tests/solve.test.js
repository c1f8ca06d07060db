// Submitting a sample problem: progress reaches 100%, the plan has one bar per stay, hovering a bar
// tells the stay, the downloads are the service's result and its restrictions, and the history lists
// the job with its objective and re-opens it.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { api, fixtures, jobItem, pngStats, screenshots, withApp } from './browser.js';

const app = withApp();
let page;
let browser;
before(async () => {
  ({ page, browser } = await app.ready);
  mkdirSync(screenshots, { recursive: true });
});

/** Every value the job's progress bar takes, recorded in the page as it changes. */
async function recordProgress(name) {
  await page.evaluate((file) => {
    window.progressSeen = [];
    const list = document.querySelector('#job-list');
    new MutationObserver(() => {
      for (const li of list.querySelectorAll('li.job')) {
        if (li.querySelector('.job-name').textContent !== file) continue;
        const v = Number(li.querySelector('progress').value);
        if (window.progressSeen.at(-1) !== v) window.progressSeen.push(v);
      }
    }).observe(list, { subtree: true, attributes: true, childList: true, characterData: true });
  }, name);
}

test('a sample problem is solved: progress reaches 100% and the plan has a bar for every stay', async () => {
  const sample = path.join(fixtures, 'inputs/sample3.json');
  const stays = JSON.parse(readFileSync(sample, 'utf8')).Reservations.length;
  await recordProgress('sample3.json');
  await page.setInputFiles('#files', sample);

  const item = jobItem(page, 'sample3.json', 'completed');
  await item.waitFor({ timeout: 90_000 });
  assert.equal(await item.locator('progress').evaluate((p) => p.value), 100);
  assert.match(await item.locator('.pct').textContent(), /^100% · done$/);
  const seen = await page.evaluate(() => window.progressSeen);
  assert.equal(seen.at(-1), 100, `progress seen: ${seen}`);
  assert.deepEqual([...seen].sort((a, b) => a - b), seen, `progress never goes back: ${seen}`);

  await item.getByRole('button', { name: 'Show the result of sample3.json' }).click();
  const bars = page.locator('#result .plan-body .stay');
  await bars.first().waitFor();
  const jobId = await item.getAttribute('data-job-id');
  const result = (await api(`/api/v1/jobs/${jobId}/result`)).json;
  assert.equal(result.OptimizedPlan.length, stays);
  assert.equal(await bars.count(), stays, 'one bar per stay in the whole schedule');

  // Each bar sits in its room's row: hover one and read its tooltip against the result.
  const third = result.OptimizedPlan[2];
  await page.locator(`#result .plan-body .stay[data-i="2"]`).hover();
  const tip = page.locator('#result .tooltip');
  await tip.waitFor({ state: 'visible' });
  const text = await tip.textContent();
  assert.ok(text.includes(third.Name), text);
  assert.ok(text.includes(`Room ${third.AssignedRoom}`), text);
  assert.ok(text.includes(third.Arrival), text);
  assert.ok(text.includes(`Why here: ${third.Reason} (${third.ReasonDetail})`), text);

  // Colours follow the stay's kind: locked ones red, grouped ones blue or purple.
  for (const [i, row] of result.OptimizedPlan.entries()) {
    const grouped = row.AdjacencyGroup !== null;
    const expected = row.IsLocked ? (grouped ? 'cat-locked-group' : 'cat-locked') : grouped ? 'cat-group' : 'cat-plain';
    assert.match(await page.locator(`#result .plan-body .stay[data-i="${i}"]`).getAttribute('class'),
      new RegExp(`\\b${expected}\\b`), `stay ${i}`);
  }

  // The summary has the service's numbers.
  const facts = await page.locator('#result .facts').textContent();
  assert.ok(facts.includes(`${result.OptimizedPlan.length} stays`), facts);
  assert.ok(facts.includes(result.SolverStatus === 'OPTIMAL' ? 'Optimal (proven)' : 'Feasible'), facts);

  // Downloads: the result exactly as the service sent it, and the restrictions CSV.
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Result JSON' }).click()]);
  assert.deepEqual(JSON.parse(readFileSync(await json.path(), 'utf8')), result);
  const [csv] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Restrictions CSV' }).click()]);
  const lines = readFileSync(await csv.path(), 'utf8').trimEnd().split('\n');
  assert.equal(lines[0], 'Scope,RoomType,From,To,MinStayOnArrival,MinStayThrough,MaxStay,ClosedToArrival,ClosedToDeparture,FullyBooked');
  assert.equal(lines.length, result.ChannelRestrictions.length + 1);
});

test('the restrictions calendar shows every closed night of the result', async () => {
  const result = JSON.parse(await page.evaluate(async () => {
    const id = document.querySelector('#job-list li.job[data-state="completed"]').dataset.jobId;
    return (await fetch(`/api/v1/jobs/${id}/result`)).text();
  }));
  const closedArrivals = Object.keys(result.ClosedArrivals).length;
  const closedDepartures = Object.keys(result.ClosedDepartures).length;
  assert.ok(closedArrivals + closedDepartures > 0, 'the sample has closed nights to show');
  assert.equal(await page.locator('#result .plan-axis rect.closed.ca').count(), closedArrivals);
  assert.equal(await page.locator('#result .plan-axis rect.closed.cd').count(), closedDepartures);
  const first = Object.keys(result.ClosedArrivals)[0];
  const titles = await page.locator('#result .plan-axis rect.hit title').allTextContents();
  assert.ok(titles.some((t) => t.includes(first) && t.includes('closed to arrival')), titles.join('\n'));
});

test('zooming on dates shows fewer nights, and the whole schedule again', async () => {
  const from = page.locator('#result .plan-toolbar input[type="date"]').first();
  const to = page.locator('#result .plan-toolbar input[type="date"]').last();
  const whole = [await from.inputValue(), await to.inputValue()];
  const nights = (a, b) => (Date.parse(b) - Date.parse(a)) / 86_400_000 + 1;
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const zoomed = nights(await from.inputValue(), await to.inputValue());
  assert.ok(zoomed < nights(...whole) && zoomed >= 3, `${zoomed} nights after zooming in`);
  const shown = Number(await page.locator('#result .plan-body').getAttribute('data-stays'));
  assert.ok(shown <= await page.locator('#result .plan-body .stay').count() && shown > 0);
  await page.getByRole('button', { name: 'Whole schedule' }).click();
  assert.deepEqual([await from.inputValue(), await to.inputValue()], whole);
});

test('the chart as shown downloads as SVG and as a PNG that is not blank', async () => {
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const shown = Number(await page.locator('#result .plan-body').getAttribute('data-stays'));
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Chart view SVG' }).click()]);
  const text = readFileSync(await svg.path(), 'utf8');
  assert.match(text, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.equal(text.match(/<g class="stay /g).length, shown, 'the bars in view');
  assert.match(text, /<style>[^<]*\.plan \.cat-locked rect/, 'the colours travel with it');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Chart view PNG' }).click()]);
  const file = path.join(screenshots, 'chart-view.png');
  await png.saveAs(file);
  const stats = await pngStats(browser.context, file);
  const width = Number(await page.locator('#result .plan-body').getAttribute('width'));
  assert.equal(stats.width, 2 * width);
  assert.ok(stats.colours >= 8, `${stats.colours} colours`);
  assert.ok(stats.dominant < 0.97, `one colour covers ${Math.round(stats.dominant * 100)}%`);
  await page.getByRole('button', { name: 'Whole schedule' }).click();
});

test('the history lists the job with its objective and opens it again', async () => {
  await page.getByRole('button', { name: 'Refresh' }).click();
  const row = page.locator('#history-rows tr', { hasText: 'Completed' }).first();
  await row.waitFor();
  const jobId = await row.getAttribute('data-job-id');
  const job = (await api(`/api/v1/jobs/${jobId}`)).json;
  const objective = job.result.result.Objective.Total;
  const shown = objective.toLocaleString('en-US', { maximumFractionDigits: 10 });
  assert.ok((await row.textContent()).includes(shown), `${shown} in ${await row.textContent()}`);
  await page.evaluate(() => { document.querySelector('#result-body').textContent = ''; });
  await row.getByRole('button').click();
  await page.locator('#result .plan-body .stay').first().waitFor();
  assert.equal(await page.locator('#result .plan-body .stay').count(), job.result.result.OptimizedPlan.length);
  assert.equal(new URL(page.url()).hash, `#job=${jobId}`);
  assert.deepEqual(browser.errors, []);
});

test('files dropped on the drop zone are submitted like chosen ones', async () => {
  const files = ['sample1.json', 'sample2.json'].map((name) => ({
    name, text: readFileSync(path.join(fixtures, 'inputs', name), 'utf8'),
  }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return dt;
  }, files);
  await page.dispatchEvent('#drop', 'dragenter', { dataTransfer: transfer });
  assert.match(await page.locator('#drop').getAttribute('class'), /\bover\b/, 'the zone shows it takes the drop');
  await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
  for (const { name } of files) await jobItem(page, name, 'completed').first().waitFor({ timeout: 90_000 });
  assert.doesNotMatch(await page.locator('#drop').getAttribute('class'), /\bover\b/);
});
