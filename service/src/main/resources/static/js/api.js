// The job service's HTTP API as the page uses it: every request carries the caller's identity
// (a random per-browser X-User-ID, and the API key in a header when the service asks for one),
// errors arrive as RFC 9457 problem details, and job events are read from a fetch stream, never
// EventSource, so that a key can travel in a header rather than in the URL.

const USER_KEY = 'bookingopt.userId';
const API_KEY = 'bookingopt.apiKey';

/** A random id of 128 bits, made once per browser and kept in localStorage. */
let memoryId = null;
export function userId() {
  try {
    const stored = localStorage.getItem(USER_KEY);
    if (stored) return stored;
  } catch { /* storage disabled: an id for the page's lifetime */ }
  if (!memoryId) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    memoryId = 'web-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  try { localStorage.setItem(USER_KEY, memoryId); } catch { /* see above */ }
  return memoryId;
}

/** The API key, kept for this browser session only (sessionStorage), or null. */
export function apiKey() {
  try { return sessionStorage.getItem(API_KEY); } catch { return null; }
}

export function setApiKey(key) {
  try {
    if (key) sessionStorage.setItem(API_KEY, key); else sessionStorage.removeItem(API_KEY);
  } catch { /* nothing to keep it in */ }
}

/** Listeners told when the service answers 401: the page then asks for an API key. */
export const authRequired = new EventTarget();

/** A response that is not 2xx, with its problem details (RFC 9457) when the service sent them. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.retryAfter = retryAfter;
  }

  /** The 422 list: [{path, message}]. */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

function headers(extra = {}) {
  const h = { 'X-User-ID': userId(), ...extra };
  const key = apiKey();
  if (key) h.Authorization = `Bearer ${key}`;
  return h;
}

/** Seconds of a Retry-After header (delta-seconds or an HTTP date), or null. */
export function retryAfterSeconds(value, now = Date.now()) {
  if (value == null || value === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

async function failure(response) {
  let problem = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try { problem = await response.json(); } catch { problem = null; }
  }
  if (response.status === 401) authRequired.dispatchEvent(new Event('required'));
  return new ApiError(response.status, problem, retryAfterSeconds(response.headers.get('Retry-After')));
}

/** fetch with the caller's headers; a non-2xx answer throws an ApiError. */
export async function request(path, { method = 'GET', body, headers: extra, signal, accept } = {}) {
  const response = await fetch(path, {
    method,
    body,
    signal,
    headers: headers({ Accept: accept || 'application/json', ...extra }),
    cache: 'no-store',
  });
  if (!response.ok) throw await failure(response);
  return response;
}

export async function getJson(path, options) {
  return (await request(path, options)).json();
}

/**
 * Submits a problem (a Blob or File). Bodies larger than 64 KiB are gzip-compressed in the browser
 * when it can (the service decodes Content-Encoding: gzip; its limit counts the decoded bytes).
 */
export async function submitProblem(blob, signal) {
  let body = blob;
  const extra = { 'Content-Type': 'application/json' };
  if (blob.size > 64 * 1024 && typeof CompressionStream === 'function') {
    body = await new Response(blob.stream().pipeThrough(new CompressionStream('gzip'))).blob();
    extra['Content-Encoding'] = 'gzip';
  }
  return getJson('/api/v1/optimize', { method: 'POST', body, headers: extra, signal });
}

export const getJob = (id, signal) => getJson(`/api/v1/jobs/${encodeURIComponent(id)}`, { signal });

/** The result object's exact text (SPEC §9.1), for display and for download as it came. */
export async function getResultText(id, signal) {
  return (await request(`/api/v1/jobs/${encodeURIComponent(id)}/result`, { signal })).text();
}

export const cancelJob = (id) =>
  getJson(`/api/v1/jobs/${encodeURIComponent(id)}`, { method: 'DELETE' });

export function listJobs({ limit = 20, cursor, status } = {}) {
  const q = new URLSearchParams({ limit: String(limit) });
  if (cursor) q.set('cursor', cursor);
  if (status) q.set('status', status);
  return getJson(`/api/v1/jobs?${q}`);
}

/** A binary (or text) download with the caller's headers, as a Blob. */
export async function getBlob(path, accept = '*/*') {
  return (await request(path, { accept })).blob();
}

/**
 * Server-Sent Events parser: feed it text chunks, it calls onEvent({event, data, id}) for each
 * complete event (blank-line terminated), following the HTML standard's field rules.
 */
export class SseParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.reset();
  }

  reset() {
    this.event = '';
    this.data = [];
    this.id = null;
  }

  push(chunk) {
    this.buffer += chunk;
    let end;
    while ((end = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, end);
      const sep = this.buffer[end] === '\r' && this.buffer[end + 1] === '\n' ? 2 : 1;
      // A lone \r at the very end may be the first half of \r\n: wait for more.
      if (this.buffer[end] === '\r' && end + 1 === this.buffer.length) break;
      this.buffer = this.buffer.slice(end + sep);
      this.line(line);
    }
  }

  line(line) {
    if (line === '') {
      if (this.data.length) {
        this.onEvent({ event: this.event || 'message', data: this.data.join('\n'), id: this.id });
      }
      this.reset();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id') this.id = value;
  }
}

const FINISHED = new Set(['completed', 'failed', 'cancelled']);
export const isFinished = (status) => FINISHED.has(status);

/**
 * Follows a job until it finishes: its SSE stream read with fetch; when the stream breaks before the
 * job has finished, the job is read once and the stream opened again, after a pause that grows to 10 s.
 * Calls onJob(summary) for each state; resolves with the last state. Abort with signal.
 */
export async function followJob(id, onJob, signal) {
  let last = null;
  let pause = 500;
  const seen = (job) => {
    last = job;
    onJob(job);
  };
  while (!signal?.aborted) {
    try {
      const response = await request(`/api/v1/jobs/${encodeURIComponent(id)}/events`,
        { accept: 'text/event-stream', signal });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser((e) => {
        if (e.event === 'status') seen(JSON.parse(e.data));
      });
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
        pause = 500;
      }
      if (last && isFinished(last.status)) return last;
      seen(await getJob(id, signal));
      if (isFinished(last.status)) return last;
    } catch (e) {
      if (signal?.aborted) break;
      if (e instanceof ApiError && e.status === 404) throw e;
      if (e instanceof ApiError && e.status === 401) throw e;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 10_000);
  }
  return last;
}
