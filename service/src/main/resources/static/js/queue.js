// The page's own submission queue: files wait in the browser until fewer than maxActive of the
// caller's jobs are queued or running on the service, and a 429 (or 503) puts the file back in line
// until its Retry-After has passed.
import { ApiError, isFinished } from './api.js';

export const MAX_FILES = 10;
export const MAX_BYTES = 32 * 1024 * 1024;
export const MAX_ACTIVE = 3;

/** Client-side checks of chosen files: [{file, error}] with error null for an acceptable file. */
export function checkFiles(files, maxFiles = MAX_FILES, maxBytes = MAX_BYTES) {
  const list = Array.from(files);
  return list.map((file, i) => {
    let error = null;
    if (i >= maxFiles) error = `Not sent: at most ${maxFiles} files at a time.`;
    else if (!/\.json$/i.test(file.name)) error = 'Not sent: only .json problem files are accepted.';
    else if (file.size > maxBytes) {
      error = `Not sent: ${formatBytes(file.size)} is more than the limit of ${formatBytes(maxBytes)}.`;
    } else if (file.size === 0) error = 'Not sent: the file is empty.';
    return { file, error };
  });
}

export function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Items: {key, name, size, body(): Promise<Blob>, state, jobId, progress, phase, errors, message,
 * retryAt, problemId}. States: waiting (in the browser), sending, queued, running, completed, failed,
 * cancelled, invalid (422 and other rejections, not retried).
 */
export class SubmissionQueue extends EventTarget {
  constructor({ submit, follow, cancel, maxActive = MAX_ACTIVE, now = () => Date.now() }) {
    super();
    this.submit = submit;
    this.follow = follow;
    this.cancelJob = cancel;
    this.maxActive = maxActive;
    this.now = now;
    this.items = [];
    this.timer = null;
    this.seq = 0;
  }

  changed(item) {
    this.dispatchEvent(new CustomEvent('change', { detail: item }));
  }

  active() {
    return this.items.filter((i) => ['sending', 'queued', 'running'].includes(i.state)).length;
  }

  /** Adds a problem to send; body() gives its bytes when its turn comes. */
  add(name, size, body, source = 'file') {
    const item = { key: `q${++this.seq}`, name, size, body, source, state: 'waiting', progress: 0,
      phase: '', errors: [], message: '', retryAt: 0, jobId: null, problemId: null };
    this.items.push(item);
    this.changed(item);
    this.pump();
    return item;
  }

  /** A job submitted earlier (another page load): watched, and counted as active. */
  watch(job, name) {
    if (this.items.some((i) => i.jobId === job.job_id)) return null;
    const item = { key: `q${++this.seq}`, name: name || String(job.problem_id ?? job.job_id), size: null,
      body: null, source: 'service', state: job.status, progress: job.progress, phase: job.phase,
      errors: [], message: '', retryAt: 0, jobId: job.job_id, problemId: job.problem_id };
    this.items.push(item);
    this.changed(item);
    this.track(item);
    return item;
  }

  /** A note (a file refused before sending): shown in the list, never sent. */
  refuse(name, size, message) {
    const item = { key: `q${++this.seq}`, name, size, body: null, source: 'file', state: 'invalid',
      progress: 0, phase: '', errors: [], message, retryAt: 0, jobId: null, problemId: null };
    this.items.push(item);
    this.changed(item);
    return item;
  }

  pump() {
    clearTimeout(this.timer);
    this.timer = null;
    const now = this.now();
    let next = Infinity;
    for (const item of this.items) {
      if (item.state !== 'waiting') continue;
      if (this.active() >= this.maxActive) break;
      if (item.retryAt > now) {
        next = Math.min(next, item.retryAt);
        continue;
      }
      this.send(item);
    }
    if (next < Infinity) this.timer = setTimeout(() => this.pump(), Math.max(50, next - now));
  }

  async send(item) {
    item.state = 'sending';
    item.message = '';
    this.changed(item);
    try {
      const answer = await this.submit(await item.body());
      if (item.state === 'cancelled') { // cancelled while sending: cancel the new job too
        item.jobId = answer.job_id;
        this.cancelJob(answer.job_id).catch(() => {});
        return;
      }
      item.jobId = answer.job_id;
      item.problemId = answer.problem_id;
      item.state = answer.status;
      this.changed(item);
      this.track(item);
    } catch (e) {
      if (item.state === 'cancelled') return;
      if (e instanceof ApiError && (e.status === 429 || e.status === 503)) {
        const wait = e.retryAfter ?? 5;
        item.state = 'waiting';
        item.retryAt = this.now() + wait * 1000;
        item.message = `${e.problem.title || 'Busy'}: sending again in ${wait} s.`;
        // Only the active-job limit says how many may be active; a rate limit (rate-limited) just says "later".
        if (e.problem.type === '/problems/too-many-active-jobs') {
          this.maxActive = Math.max(1, Math.min(this.maxActive, this.active()));
        }
      } else if (e instanceof ApiError) {
        item.state = 'invalid';
        item.message = e.message;
        item.errors = e.errors;
      } else {
        item.state = 'failed';
        item.message = `Could not reach the service: ${e.message}`;
      }
      this.changed(item);
    } finally {
      this.pump();
    }
  }

  async track(item) {
    try {
      const last = await this.follow(item.jobId, (job) => {
        item.state = job.status;
        item.progress = job.progress;
        item.phase = job.phase;
        item.solverStatus = job.solver_status ?? null;
        if (job.error) item.message = job.error;
        this.changed(item);
      });
      if (last && isFinished(last.status)) this.dispatchEvent(new CustomEvent('finished', { detail: item }));
    } catch (e) {
      item.state = 'failed';
      item.message = e.message;
      this.changed(item);
    } finally {
      // A slot is free again: the limit learned from a 429 recovers, one step per finished job.
      this.maxActive = Math.min(MAX_ACTIVE, this.maxActive + 1);
      this.pump();
    }
  }

  /** Cancels an item: a waiting one is simply dropped; a job on the service gets DELETE. */
  async cancel(item) {
    if (item.state === 'waiting' || item.state === 'sending') {
      item.message = item.state === 'sending' ? 'Cancelled.' : 'Cancelled before it was sent.';
      item.state = 'cancelled';
      this.changed(item);
      this.pump();
      return;
    }
    if (!item.jobId || isFinished(item.state)) return;
    try {
      await this.cancelJob(item.jobId);
      // The event stream may already have told the end (and why): keep that.
      if (!isFinished(item.state)) item.message = 'Cancelling…';
    } catch (e) {
      if (!isFinished(item.state)) item.message = e.message;
    }
    this.changed(item);
  }

  /** Sends a failed (unreachable service) item again. */
  retry(item) {
    if (item.state !== 'failed' || !item.body) return;
    item.state = 'waiting';
    item.retryAt = 0;
    item.message = '';
    this.changed(item);
    this.pump();
  }
}
