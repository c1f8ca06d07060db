// Shared by the browser tests: Debian's chromium, headless, started by playwright-core with the flags
// this offline machine needs, and a fresh profile per browser; the service's address from BOOKINGOPT_URL.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository's root, and the fixtures in its sibling folder shared/. */
export const repoRoot = path.resolve(here, '../../../../..');
export const fixtures = path.resolve(repoRoot, '../shared/fixtures');
/** Screenshots go under service/target/, with the build's other outputs. */
export const screenshots = path.resolve(repoRoot, 'service/target/browser-screenshots');

export const baseUrl = () => {
  const url = process.env.BOOKINGOPT_URL;
  if (!url) throw new Error('BOOKINGOPT_URL is not set: run the tests with run.sh, which starts the service');
  return url.replace(/\/$/, '');
};

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** A headless browser with its own empty profile; close() also deletes the profile. */
export async function launch() {
  const profile = mkdtempSync(path.join(tmpdir(), 'bookingopt-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    viewport: { width: 1280, height: 900 },
  });
  const errors = [];
  context.on('weberror', (e) => errors.push(String(e.error())));
  return {
    context,
    errors,
    async page(viewport) {
      const page = context.pages()[0] && !context.pages()[0].url().startsWith('http')
        ? context.pages()[0] : await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      // Script errors only: Chromium also logs every 4xx answer ("Failed to load resource"), which the
      // tests provoke on purpose.
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
      });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the app and waits until it has started (capabilities read, history loaded). */
export async function openApp(page) {
  await page.goto(baseUrl() + '/');
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 30_000 });
}

/** The item of the page's job list whose file name is exactly name, optionally in a given state. */
export function jobItem(page, name, state) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const selector = state ? `#job-list li.job[data-state="${state}"]` : '#job-list li.job';
  return page.locator(selector, { has: page.locator('.job-name', { hasText: new RegExp(`^${escaped}$`) }) });
}

/** A request to the service from the test itself (as another client would), with an X-User-ID. */
export async function api(pathAndQuery, { user = 'browser-tests', method = 'GET', body, headers = {} } = {}) {
  const response = await fetch(baseUrl() + pathAndQuery, {
    method, body, headers: { 'X-User-ID': user, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
  });
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: response.status, headers: response.headers, text, json };
}

/** Runs the BookingOpt command line (the jar the service runs) and returns its stdout. */
export function cli(...args) {
  const jar = process.env.BOOKINGOPT_JAR || path.resolve(repoRoot, 'service/target/bookingopt.jar');
  return execFileSync(process.env.JAVA || 'java', ['-jar', jar, ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** A scratch folder for the test's own files, under service/target/. */
export function scratch(name) {
  const dir = path.resolve(repoRoot, 'service/target/browser-tests', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A hotel big enough to be still running when a test cancels it (generated, 150 rooms × 120 nights). */
export function bigProblem(dir, seed = 11, problemId = `big-${seed}`) {
  const file = path.join(dir, `${problemId}.json`);
  if (!existsSync(file)) {
    cli('generate', '--rooms', '150', '--days', '120', '--occupancy', '0.9', '--types', '3', '--seed', String(seed),
      '-o', file);
    const problem = JSON.parse(readFileSync(file, 'utf8'));
    problem.ProblemId = problemId;
    problem.TimeLimitSeconds = 100;
    writeFileSync(file, JSON.stringify(problem));
  }
  return file;
}

/**
 * How a PNG looks, measured in the browser: its size, how many distinct colours (in steps of 16 per
 * channel) it has, and the share of its most common colour. A blank screenshot has one colour.
 */
export async function pngStats(context, file) {
  const page = await context.newPage();
  try {
    const data = readFileSync(file).toString('base64');
    return await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const counts = new Map();
      for (let i = 0; i < pixels.length; i += 4) {
        const key = ((pixels[i] >> 4) << 8) | ((pixels[i + 1] >> 4) << 4) | (pixels[i + 2] >> 4);
        counts.set(key, (counts.get(key) || 0) + 1);
      }
      const top = Math.max(...counts.values());
      return { width: canvas.width, height: canvas.height, colours: counts.size, dominant: top / (pixels.length / 4) };
    }, data);
  } finally {
    await page.close();
  }
}

/**
 * Registers the hooks of a test file that works in one page of the app: before its tests a browser
 * starts and opens the app (after setUp(page), e.g. routes, if given); after them it closes. The
 * file's own before hooks take the page from `await app.ready`.
 */
export function withApp({ viewport, setUp } = {}) {
  const app = {};
  // node 20 does not wait for one root hook before the next: the file's own hooks await app.ready.
  let opened;
  let failed;
  app.ready = new Promise((resolve, reject) => { opened = resolve; failed = reject; });
  app.ready.catch(() => {});
  before(async () => {
    try {
      app.browser = await launch();
      app.page = await app.browser.page(viewport);
      if (setUp) await setUp(app.page);
      await openApp(app.page);
      opened(app);
    } catch (e) {
      failed(e);
      throw e;
    }
  });
  after(async () => app.browser?.close());
  return app;
}
