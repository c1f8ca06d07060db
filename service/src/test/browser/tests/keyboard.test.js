// The whole path by keyboard only: Tab to the file chooser, open it with Space, watch the job, open its
// result with Enter, walk the plan's stays with the arrow keys and zoom with + and 0. No mouse event.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { fixtures, withApp } from './browser.js';

const app = withApp();
let page;
let browser;
before(async () => ({ page, browser } = await app.ready));

/** Presses Tab until the focused element matches selector; the elements passed on the way, in order. */
async function tabTo(selector, limit = 60) {
  const passed = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate((sel) => {
      const el = document.activeElement;
      const label = el.id || el.getAttribute('aria-label') || el.textContent.trim().slice(0, 40);
      return { match: el.matches(sel), label: `${el.tagName.toLowerCase()}:${label}` };
    }, selector);
    passed.push(here.label);
    if (here.match) return passed;
  }
  throw new Error(`Tab never reached ${selector}; passed ${passed.join(' → ')}`);
}

test('submit a file, open its result and walk the plan with the keyboard alone', async () => {
  await page.evaluate(() => {
    window.mouseEvents = 0;
    for (const type of ['mousedown', 'click', 'pointerdown']) {
      document.addEventListener(type, (e) => { if (e.detail > 0 || e.pointerType === 'mouse') window.mouseEvents++; }, true);
    }
  });
  // Focus order: skip link first, then the header's links, then the file chooser.
  const order = await tabTo('#files');
  assert.match(order[0], /^a:/, `first stop is the skip link: ${order}`);
  assert.ok(order.findIndex((x) => x.includes('Submit')) < order.length - 1, order.join(' → '));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  assert.equal(chooser.isMultiple(), true);
  await chooser.setFiles(`${fixtures}/inputs/sample4.json`);

  await page.locator('#job-list li.job[data-state="completed"] button.open').waitFor({ timeout: 90_000 });
  await tabTo('#job-list li.job[data-state="completed"] button.open');
  await page.keyboard.press('Enter');
  await page.locator('#result .plan-body .stay').first().waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'result-h', 'focus moves to the result');

  await tabTo('#result .plan-body');
  const detail = page.locator('#result .stay-detail');
  const first = await detail.textContent();
  assert.match(first, /→.*nights?/, `focusing the plan selects a stay: ${first}`);
  await page.keyboard.press('ArrowRight');
  const second = await detail.textContent();
  await page.keyboard.press('ArrowDown');
  const third = await detail.textContent();
  assert.notEqual(third, second, 'ArrowDown moves to another room');
  assert.match(third, /Room \S+/);
  assert.equal(await page.locator('#result .plan-body .selection').getAttribute('visibility'), 'visible');

  const from = page.locator('#result .plan-toolbar input[type="date"]').first();
  const to = page.locator('#result .plan-toolbar input[type="date"]').last();
  const whole = [await from.inputValue(), await to.inputValue()];
  await page.keyboard.press('+');
  assert.notDeepEqual([await from.inputValue(), await to.inputValue()], whole, '+ zooms in');
  await page.keyboard.press('0');
  assert.deepEqual([await from.inputValue(), await to.inputValue()], whole, '0 shows the whole schedule');
  await page.keyboard.press('Escape');
  assert.equal(await detail.textContent(), 'No stay selected.');

  assert.equal(await page.evaluate(() => window.mouseEvents), 0, 'no mouse event was used');
  assert.deepEqual(browser.errors, []);
});
