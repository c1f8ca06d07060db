// The page: submit problems (files, a demo hotel, a generated one), watch their jobs, read a result,
// and the caller's history. Every request goes through api.js.
import {
  ApiError, apiKey, authRequired, cancelJob, followJob, getBlob, getJob, getJson, getResultText, isFinished,
  listJobs, request, setApiKey, submitProblem, userId,
} from './api.js';
import { h, download, fileStem } from './dom.js';
import {
  availablePlans, formatNumber, formatSeconds, isoOf, planModel, qualityBuckets, restrictionsByDay, dayOf,
} from './model.js';
import { PlanChart, planTable } from './plan.js';
import { qualityChart } from './quality.js';
import { restrictionsCsv } from './csv.js';
import { MAX_ACTIVE, MAX_BYTES, MAX_FILES, SubmissionQueue, checkFiles, formatBytes } from './queue.js';

const $ = (sel) => document.querySelector(sel);

/** A job's status, with the solver's verdict when it completed without a plan or without proof. */
function statusText(status, solverStatus) {
  const text = STATE_LABELS[status] || status;
  if (status !== 'completed' || !solverStatus || solverStatus === 'OPTIMAL') return text;
  return `${text}: ${solverStatus.toLowerCase()}`;
}

/** A completed job whose optimizer found no plan (infeasible, or the time ran out first). */
const noPlan = (status, solverStatus) => status === 'completed' && ['INFEASIBLE', 'TIMEOUT'].includes(solverStatus);

const STATE_LABELS = {
  waiting: 'Waiting in this browser', sending: 'Sending', queued: 'Queued', running: 'Running',
  completed: 'Completed', failed: 'Failed', cancelled: 'Cancelled', invalid: 'Not accepted',
};

/** Polite announcements for screen readers (state changes, not every progress step). */
function announce(text) {
  const region = $('#announce');
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

// ---------------------------------------------------------------- capabilities

/** Which optional endpoints this service has, from its OpenAPI document. */
async function capabilities() {
  const caps = { demo: false, generate: false, plotPng: false, plotSvg: false, csv: false };
  try {
    const doc = await getJson('/openapi.json');
    const paths = Object.keys(doc.paths || {});
    caps.demo = paths.some((p) => /^\/api\/v1\/demo-problems$/.test(p));
    caps.generate = paths.some((p) => /^\/api\/v1\/problems\/generate$/.test(p));
    // The service documents its charts as one path, plot.{format} (png or svg).
    caps.plotPng = paths.some((p) => /^\/api\/v1\/jobs\/\{[^}]+\}\/plot\.(png|\{[^}]+\})$/.test(p));
    caps.plotSvg = paths.some((p) => /^\/api\/v1\/jobs\/\{[^}]+\}\/plot\.(svg|\{[^}]+\})$/.test(p));
    caps.csv = paths.some((p) => /^\/api\/v1\/jobs\/\{[^}]+\}\/restrictions\.csv$/.test(p));
  } catch {
    // No OpenAPI document (switched off): ask the demo endpoint itself.
    caps.demo = null;
  }
  return caps;
}

// ---------------------------------------------------------------- the queue and its list

const queue = new SubmissionQueue({
  submit: (blob) => submitProblem(blob),
  follow: (id, onJob) => followJob(id, onJob),
  cancel: (id) => cancelJob(id),
});
const rows = new Map();

function jobRow(item) {
  let row = rows.get(item.key);
  if (!row) {
    const id = `job-${item.key}`;
    row = {
      li: h('li', { class: 'job', id }),
      name: h('span', { class: 'job-name' }),
      size: h('span', { class: 'job-size' }),
      badge: h('span', { class: 'badge' }),
      progress: h('progress', { max: '100', value: '0', 'aria-labelledby': `${id}-name` }),
      pct: h('span', { class: 'pct' }),
      message: h('p', { class: 'job-message' }),
      errors: h('ul', { class: 'job-errors', 'aria-label': `Errors in ${item.name}` }),
      cancel: h('button', { type: 'button', class: 'cancel' }, 'Cancel'),
      open: h('button', { type: 'button', class: 'open' }, 'Show result'),
      retry: h('button', { type: 'button', class: 'retry' }, 'Send again'),
    };
    row.name.id = `${id}-name`;
    row.name.textContent = item.name;
    row.cancel.setAttribute('aria-label', `Cancel ${item.name}`);
    row.open.setAttribute('aria-label', `Show the result of ${item.name}`);
    row.retry.setAttribute('aria-label', `Send ${item.name} again`);
    row.cancel.addEventListener('click', () => queue.cancel(item));
    row.open.addEventListener('click', () => openResult(item.jobId, item.name));
    row.retry.addEventListener('click', () => queue.retry(item));
    row.li.append(
      h('div', { class: 'job-head' }, row.name, row.size, row.badge),
      h('div', { class: 'job-progress' }, row.progress, row.pct),
      row.message, row.errors,
      h('div', { class: 'job-actions' }, row.cancel, row.open, row.retry));
    rows.set(item.key, row);
    $('#job-list').prepend(row.li);
    $('#jobs-empty').hidden = true;
  }
  return row;
}

function renderItem(item) {
  const row = jobRow(item);
  const previous = row.li.dataset.state;
  row.li.dataset.state = item.state;
  row.li.dataset.jobId = item.jobId || '';
  row.size.textContent = item.size != null ? formatBytes(item.size) : '';
  row.badge.textContent = statusText(item.state, item.solverStatus);
  row.badge.className = `badge state-${item.state}${noPlan(item.state, item.solverStatus) ? ' no-plan' : ''}`;
  const showProgress = ['queued', 'running', 'completed'].includes(item.state);
  row.progress.parentElement.hidden = !showProgress;
  row.progress.value = item.progress || 0;
  row.pct.textContent = `${item.progress || 0}%${item.phase ? ` · ${item.phase}` : ''}`;
  row.message.textContent = item.message || '';
  row.message.hidden = !item.message;
  row.message.className = `job-message${['invalid', 'failed'].includes(item.state) ? ' error' : ''}`;
  row.errors.replaceChildren(...item.errors.map((e) => h('li', {},
    h('code', {}, e.path === '' ? '(whole file)' : e.path), ' ', e.message)));
  row.errors.hidden = !item.errors.length;
  row.cancel.hidden = !['waiting', 'sending', 'queued', 'running'].includes(item.state);
  row.open.hidden = item.state !== 'completed';
  row.retry.hidden = !(item.state === 'failed' && item.body);
  if (previous !== item.state && previous) {
    announce(`${item.name}: ${STATE_LABELS[item.state] || item.state}${item.message ? `. ${item.message}` : ''}`);
  }
  updateQueueStatus();
}

function updateQueueStatus() {
  const waiting = queue.items.filter((i) => i.state === 'waiting').length;
  const active = queue.active();
  $('#queue-status').textContent = `${active} of ${MAX_ACTIVE} active on the service`
    + (waiting ? `, ${waiting} waiting in this browser` : '') + '.';
}

queue.addEventListener('change', (e) => renderItem(e.detail));
queue.addEventListener('finished', (e) => {
  historyPanel.refresh();
  const item = e.detail;
  if (pendingResult === item.jobId) openResult(item.jobId, item.name);
});

function addFiles(fileList) {
  const checked = checkFiles(fileList);
  for (const { file, error } of checked) {
    if (error) queue.refuse(file.name, file.size, error);
    else queue.add(file.name, file.size, async () => file);
  }
}

// ---------------------------------------------------------------- submit section

function setUpSubmit(caps) {
  const input = $('#files');
  input.addEventListener('change', () => {
    if (input.files.length) addFiles(input.files);
    input.value = '';
  });
  const zone = $('#drop');
  const over = (e) => {
    if (![...(e.dataTransfer?.types || [])].includes('Files')) return;
    e.preventDefault();
    zone.classList.add('over');
  };
  zone.addEventListener('dragenter', over);
  zone.addEventListener('dragover', over);
  zone.addEventListener('dragleave', (e) => {
    if (!zone.contains(e.relatedTarget)) zone.classList.remove('over');
  });
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer?.files?.length) addFiles(e.dataTransfer.files);
  });
  // A file dropped anywhere else must not make the browser navigate away from the page.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
  $('#limits').textContent = `Up to ${MAX_FILES} files of at most ${formatBytes(MAX_BYTES)} each; `
    + `${MAX_ACTIVE} are solved at a time, the others wait here.`;
  setUpDemo(caps);
  setUpGenerate(caps);
}

/** The demo list in whatever shape the service gives: names, or objects with a name and details. */
function demoEntries(data) {
  const list = Array.isArray(data) ? data : data?.problems || data?.demo_problems || data?.items || [];
  return list.map((e) => {
    if (typeof e === 'string') return { name: e, label: e };
    const name = String(e.name ?? e.id ?? e.problem_id ?? e.ProblemId ?? '');
    const stays = e.stays ?? e.reservations;
    const facts = [e.rooms != null ? `${e.rooms} rooms` : null, stays != null ? `${stays} stays` : null]
      .filter(Boolean).join(', ');
    const label = `${e.title || name}${facts ? ` (${facts})` : ''}`;
    return { name, label, description: e.description || '', problem: e.problem || null,
      href: e.href || e.url || e.link || null };
  }).filter((e) => e.name);
}

async function setUpDemo(caps) {
  if (caps.demo === false) return;
  let entries;
  try {
    entries = demoEntries(await getJson('/api/v1/demo-problems'));
  } catch {
    return; // no such endpoint on this service
  }
  if (!entries.length) return;
  const select = $('#demo-select');
  select.replaceChildren(...entries.map((e, i) => h('option', { value: String(i) }, e.label)));
  const describe = () => { $('#demo-description').textContent = entries[Number(select.value)]?.description || ''; };
  select.addEventListener('change', describe);
  describe();
  $('#demo').hidden = false;
  $('#demo').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const entry = entries[Number(select.value)];
    queue.add(`Demo: ${entry.name}`, null, async () => {
      if (entry.problem) return new Blob([JSON.stringify(entry.problem)], { type: 'application/json' });
      return getBlob(entry.href || `/api/v1/demo-problems/${encodeURIComponent(entry.name)}`, 'application/json');
    }, 'demo');
  });
}

function setUpGenerate(caps) {
  if (!caps.generate) return;
  const form = $('#generate');
  form.hidden = false;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const status = $('#generate-status');
    if (!form.reportValidity()) return;
    const body = {
      rooms: Number(form.rooms.value), days: Number(form.days.value), occupancy: Number(form.occupancy.value) / 100,
    };
    const name = `Generated: ${body.rooms} rooms × ${body.days} nights, ${form.occupancy.value}%`;
    status.textContent = 'Generating…';
    try {
      const response = await request('/api/v1/problems/generate', {
        method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' },
      });
      const text = await response.text();
      const json = JSON.parse(text);
      status.textContent = '';
      if (json.job_id) queue.watch(json, name); // the service queued it itself
      else queue.add(name, text.length, async () => new Blob([text], { type: 'application/json' }), 'generated');
    } catch (e) {
      status.textContent = e instanceof ApiError && e.errors.length
        ? e.errors.map((x) => `${x.path}: ${x.message}`).join('; ') : `Could not generate: ${e.message}`;
    }
  });
}

// ---------------------------------------------------------------- result

let pendingResult = null;
let chart = null;
let resultToken = 0;

async function openResult(jobId, name) {
  const token = ++resultToken;
  pendingResult = null;
  const section = $('#result');
  const body = $('#result-body');
  section.hidden = false;
  $('#result-title').textContent = name || jobId;
  body.replaceChildren(h('p', {}, 'Loading the result…'));
  if (location.hash !== `#job=${jobId}`) history.replaceState(null, '', `#job=${jobId}`);
  focusHeading();
  try {
    const job = await getJob(jobId);
    if (token !== resultToken) return;
    $('#result-title').textContent = name || String(job.problem_id ?? jobId);
    if (!isFinished(job.status)) {
      pendingResult = jobId;
      queue.watch(job, name);
      body.replaceChildren(h('p', {}, `This job is ${job.status} (${job.progress}%); its result shows here when it finishes.`));
      return;
    }
    if (job.status !== 'completed') {
      body.replaceChildren(h('p', { class: 'error' }, `This job ${job.status}: ${job.error || 'no result.'}`));
      return;
    }
    const text = await getResultText(jobId);
    if (token !== resultToken) return;
    renderResult(job, JSON.parse(text), text);
  } catch (e) {
    if (token !== resultToken) return;
    body.replaceChildren(h('p', { class: 'error' }, e instanceof ApiError && e.status === 404
      ? 'This job is unknown or has expired (finished jobs are kept for a limited time).'
      : `Could not read the result: ${e.message}`));
  }
}

function focusHeading() {
  const heading = $('#result-h');
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: 'start' });
}

function dl(entries) {
  return h('dl', { class: 'facts' }, ...entries.filter(Boolean).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

const STATUS_TEXT = {
  OPTIMAL: 'Optimal (proven)', FEASIBLE: 'Feasible (best found, not proven optimal)',
  INFEASIBLE: 'Infeasible', TIMEOUT: 'Time limit reached without a plan',
};

function renderResult(job, result, text) {
  const caps = state.caps;
  const body = $('#result-body');
  const stem = fileStem(result.ProblemId ?? job.problem_id);
  const plans = availablePlans(result);
  const nights = dayOf(result.ScheduleEnd) - dayOf(result.ScheduleStart);
  const objective = result.Objective;
  const bound = typeof result.BestBound === 'number' ? result.BestBound : null;
  const before = typeof result.InitialOrphanNights === 'number' ? result.InitialOrphanNights : null;
  const parts = [];

  if (!result.Succeeded) {
    parts.push(h('div', { class: 'alert', role: 'alert' }, h('strong', {}, 'The optimizer found no plan. '),
      h('pre', {}, String(result.Message || '').trim() || 'No message.')));
    if (result.InfeasibleCore) parts.push(conflict(result.InfeasibleCore));
  }
  parts.push(dl([
    ['Problem', String(result.ProblemId ?? job.problem_id)],
    ['Solver', STATUS_TEXT[result.SolverStatus] || result.SolverStatus || (result.Succeeded ? 'Given plan' : 'No plan')],
    objective && ['Objective', `${formatNumber(objective.Total)} (gaps ${formatNumber(objective.Gaps)}, `
      + `adjacency ${formatNumber(objective.Adjacency)}, splits ${formatNumber(objective.Splits)})`],
    bound !== null && objective && ['Proven lower bound', `${formatNumber(bound)}${objective.Total > bound + 1e-9
      ? ` (gap ${formatNumber(objective.Total - bound)})` : ''}`],
    result.OrphanNights !== null && result.OrphanNights !== undefined && ['Orphan nights',
      before !== null ? `${formatNumber(before)} before → ${formatNumber(result.OrphanNights)} after`
        : `${formatNumber(result.OrphanNights)}`],
    result.ScheduleStart && ['Schedule', `${result.ScheduleStart} to ${result.ScheduleEnd} (${nights} nights), `
      + `${(result.Rooms || []).length} rooms, ${(result.OptimizedPlan || []).length} stays`],
    ['Time', `${formatSeconds(result.TotalTime)} in the optimizer`
      + (job.started_at && job.completed_at ? `, ${formatSeconds((Date.parse(job.completed_at) - Date.parse(job.created_at)) / 1000)} from submission` : '')],
  ]));
  if ((result.Warnings || []).length) {
    parts.push(h('div', { class: 'warnings' }, h('h3', {}, 'Warnings'),
      h('ul', {}, ...result.Warnings.map((w) => h('li', {}, w)))));
  }
  const nonAdjacent = Object.entries(result.NonAdjacentReservations || {}).filter(([, v]) => v.length);
  if (nonAdjacent.length) {
    parts.push(h('p', {}, 'Group members without a neighbouring room: ',
      nonAdjacent.map(([g, v]) => `group ${g}: ${v.map((m) => m.Name).join(', ')}`).join('; '), '.'));
  }
  if ((result.MaxStayBudgetExhausted || []).length) {
    parts.push(h('p', {}, `Maximum stays not fully probed on ${result.MaxStayBudgetExhausted.length} nights `
      + '(the re-optimization ran out of time there).'));
  }

  // Downloads.
  const csv = restrictionsCsv(result);
  const downloads = h('div', { class: 'downloads', role: 'group', 'aria-label': 'Downloads' },
    h('button', { type: 'button', onclick: () => download(new Blob([text], { type: 'application/json' }),
      `${stem}-result.json`) }, 'Result JSON'));
  if (result.Succeeded && (csv || caps.csv)) {
    downloads.append(h('button', { type: 'button', onclick: () => downloadCsv(job.job_id, csv, stem) },
      'Restrictions CSV'));
  }
  for (const [cap, ext, label] of [['plotPng', 'png', 'Plan PNG'], ['plotSvg', 'svg', 'Plan SVG']]) {
    if (!caps[cap] || !plans.length) continue;
    downloads.append(h('button', { type: 'button',
      onclick: (e) => downloadPlot(e.target, job.job_id, ext, stem, state.shownPlan) }, label));
  }
  parts.push(downloads);

  const fit = result.NewReservationFit;
  if (fit) parts.push(verdict(fit, result));

  // The plan with its restrictions calendar.
  if (plans.length) {
    const planSection = h('section', { class: 'block', 'aria-labelledby': 'plan-h' },
      h('h3', { id: 'plan-h' }, 'Room plan and restrictions calendar'));
    let chooser = null;
    if (plans.length > 1) {
      chooser = h('fieldset', { class: 'plan-choice' }, h('legend', {}, 'Show'),
        ...plans.map((p, i) => h('label', {}, h('input', { type: 'radio', name: 'plan-choice', value: p.key,
          checked: i === 0 }), ` ${p.label}`)));
      planSection.append(chooser);
    }
    const chartRoot = h('div', { class: 'plan' });
    // The chart as shown (zoom included), drawn in the browser: always there, with or without the
    // service's own drawings.
    downloads.append(
      h('button', { type: 'button', onclick: () => download(new Blob([chart.exportSvg()], { type: 'image/svg+xml' }),
        `${stem}-${state.shownPlan}-view.svg`) }, 'Chart view SVG'),
      h('button', { type: 'button', onclick: async () => download(await chart.exportPng(), `${stem}-${state.shownPlan}-view.png`) },
        'Chart view PNG'));
    const tableBox = h('details', { class: 'plan-table' }, h('summary', {}, 'Plan as a table'));
    planSection.append(chartRoot, tableBox);
    parts.push(planSection);
    body.replaceChildren(...parts);
    chart = new PlanChart(chartRoot);
    const restrictions = restrictionsByDay(result);
    const show = (key) => {
      const plan = plans.find((p) => p.key === key) || plans[0];
      state.shownPlan = plan.key;
      const model = planModel(result, plan.rows);
      if (!model) {
        chartRoot.replaceChildren(h('p', {}, 'This plan has no stays to draw.'));
        return;
      }
      // The restrictions belong to the published plan only.
      chart.setData(model, plan.key === 'optimized' ? restrictions : null, plan.label);
      tableBox.replaceChildren(h('summary', {}, 'Plan as a table'));
      tableBox.ontoggle = () => {
        if (tableBox.open && tableBox.children.length === 1) tableBox.append(planTable(model, plan.label));
      };
      if (tableBox.open) tableBox.append(planTable(model, plan.label));
    };
    chooser?.addEventListener('change', (e) => show(e.target.value));
    show(plans[0].key);
  } else {
    body.replaceChildren(...parts);
  }

  if ((result.ChannelRestrictions || []).length) body.append(channelTable(result.ChannelRestrictions));

  if (!result.Succeeded) return;
  const buckets = qualityBuckets(result);
  const quality = h('section', { class: 'block', 'aria-labelledby': 'quality-h' },
    h('h3', { id: 'quality-h' }, 'Before and after'));
  if (buckets.length) {
    quality.append(h('p', {}, before !== null
      ? `Orphan nights (free nights in gaps shorter than their minimum stay): ${before} before, ${result.OrphanNights} after.`
      : `Orphan nights after optimization: ${result.OrphanNights}.`), qualityChart(buckets));
  } else {
    quality.append(h('p', {}, 'No current plan came with this problem (not every reservation had a room), '
      + 'so there is no "before" to compare with.'));
  }
  body.append(quality);
}

/** The stays that cannot all be seated together (the result's InfeasibleCore): why there is no plan. */
function conflict(core) {
  const stays = core.Stays || [];
  const nights = core.Nights || [];
  const rooms = core.Rooms || [];
  return h('section', { class: 'block conflict', 'aria-labelledby': 'conflict-h' },
    h('h3', { id: 'conflict-h' }, 'Why there is no plan'),
    h('p', {}, `These ${stays.length} stays cannot all have a room, even with every other stay gone`
      + (nights.length ? `: on ${nights.join(', ')} they need ${rooms.length} room${rooms.length === 1 ? '' : 's'}`
        + ` (${rooms.join(', ')}) more than once.` : '.')
      + (core.Minimal ? ' Without any one of them the rest fit (proven).' : ' The set may not be the smallest.')),
    h('table', { class: 'data' },
      h('caption', {}, 'Conflicting stays'),
      h('thead', {}, h('tr', {}, ...['Guest', 'Id', 'Arrival', 'Nights', 'Room types', 'Held in room']
        .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...stays.map((s) => h('tr', {}, h('td', {}, String(s.Name ?? '')), h('td', {}, String(s.Id ?? '')),
        h('td', {}, String(s.Arrival ?? '')), h('td', { class: 'num' }, String(s.Nights ?? '')),
        h('td', {}, (s.AllowedTypes || []).join(', ')),
        h('td', {}, s.Locked ? `${s.Room} (${s.LockReason})` : ''))))));
}

function verdict(fit, result) {
  const moves = fit.Moves || [];
  return h('section', { class: 'block verdict', 'aria-labelledby': 'verdict-h' },
    h('h3', { id: 'verdict-h' }, 'New reservations'),
    h('p', { class: fit.Fits ? 'ok' : 'error' }, h('strong', {}, fit.Fits ? 'They fit into the current plan. '
      : 'They do not fit into the current plan as it is. '), fit.Reason || ''),
    result.NewReservationInfeasible ? h('p', { class: 'error' }, 'Infeasible: ', String(result.Message || '')) : null,
    moves.length ? h('table', { class: 'data' },
      h('caption', {}, `${moves.length} existing stay${moves.length === 1 ? '' : 's'} to move`
        + (fit.MovesProvenMinimal ? ' (proven the fewest)' : fit.MovesBound != null ? ` (at least ${fit.MovesBound} needed)` : '')),
      h('thead', {}, h('tr', {}, ...['Guest', 'Id', 'From room', 'To room'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...moves.map((m) => h('tr', {}, h('td', {}, String(m.Name)), h('td', {}, String(m.Id ?? '')),
        h('td', {}, String(m.From ?? '')), h('td', {}, String(m.To ?? '')))))) : null);
}

function channelTable(rowsIn) {
  const box = h('details', { class: 'block channel' }, h('summary', {}, `Restrictions for channel managers (${rowsIn.length} rows)`));
  box.addEventListener('toggle', () => {
    if (!box.open || box.querySelector('table')) return;
    const yes = (v) => (v ? 'yes' : '');
    box.append(h('table', { class: 'data' },
      h('caption', {}, 'Per date range and room type; "all" pools every room type'),
      h('thead', {}, h('tr', {}, ...['Room type', 'From', 'To', 'Min stay on arrival', 'Min stay through',
        'Max stay', 'Closed to arrival', 'Closed to departure', 'Fully booked'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rowsIn.map((r) => h('tr', {},
        h('th', { scope: 'row' }, r.RoomType === null ? 'all' : String(r.RoomType)),
        h('td', {}, r.From), h('td', {}, r.To), h('td', { class: 'num' }, formatNumber(r.MinStayOnArrival)),
        h('td', { class: 'num' }, formatNumber(r.MinStayThrough)), h('td', { class: 'num' }, formatNumber(r.MaxStay)),
        h('td', {}, yes(r.ClosedToArrival)), h('td', {}, yes(r.ClosedToDeparture)), h('td', {}, yes(r.FullyBooked)))))));
  });
  return box;
}

async function downloadCsv(jobId, csv, stem) {
  let blob = null;
  if (state.caps.csv) {
    try {
      blob = await getBlob(`/api/v1/jobs/${encodeURIComponent(jobId)}/restrictions.csv`, 'text/csv');
    } catch { blob = null; }
  }
  if (!blob && csv) blob = new Blob([csv], { type: 'text/csv' });
  if (blob) download(blob, `${stem}-restrictions.csv`);
}

/** The service's drawing of the plan the chart shows (?plan=initial for the current plan). */
async function downloadPlot(button, jobId, ext, stem, plan) {
  const previous = button.textContent;
  button.disabled = true;
  button.textContent = 'Drawing…';
  try {
    const initial = plan === 'initial';
    const blob = await getBlob(`/api/v1/jobs/${encodeURIComponent(jobId)}/plot.${ext}${initial ? '?plan=initial' : ''}`,
      ext === 'png' ? 'image/png' : 'image/svg+xml');
    download(blob, `${stem}-${initial ? 'current-plan' : 'plan'}.${ext}`);
  } catch (e) {
    announce(`Could not draw the plan: ${e.message}`);
  } finally {
    button.disabled = false;
    button.textContent = previous;
  }
}

// ---------------------------------------------------------------- history

const historyPanel = {
  cursor: null,
  async refresh() {
    this.cursor = null;
    await this.load(false);
  },
  async load(more) {
    const status = $('#history-status');
    try {
      const page = await listJobs({ limit: 20, cursor: more ? this.cursor : null });
      this.cursor = page.next_cursor;
      const tbody = $('#history-rows');
      if (!more) tbody.replaceChildren();
      for (const job of page.jobs) tbody.append(this.row(job));
      $('#history-more').hidden = !this.cursor;
      $('#history-table').hidden = !tbody.children.length;
      status.textContent = tbody.children.length ? '' : 'No jobs yet from this browser.';
    } catch (e) {
      status.textContent = `Could not read the history: ${e.message}`;
    }
  },
  row(job) {
    const name = String(job.problem_id ?? job.job_id);
    const run = job.started_at && job.completed_at
      ? formatSeconds((Date.parse(job.completed_at) - Date.parse(job.started_at)) / 1000) : '—';
    const open = h('button', { type: 'button', 'aria-label': `Open job of ${name}, submitted ${when(job.created_at)}` },
      'Open');
    open.addEventListener('click', () => openResult(job.job_id, name));
    return h('tr', { 'data-job-id': job.job_id },
      h('th', { scope: 'row' }, name),
      h('td', {}, h('span', { class: `badge state-${job.status}${noPlan(job.status, job.solver_status) ? ' no-plan' : ''}` },
        statusText(job.status, job.solver_status)),
        job.status === 'running' ? ` ${job.progress}%` : ''),
      h('td', { class: 'num' }, job.objective !== undefined && job.objective !== null ? formatNumber(job.objective) : '—'),
      h('td', {}, when(job.created_at)),
      h('td', { class: 'num' }, run),
      h('td', {}, open));
  },
};

function when(iso) {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  return new Date(t).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

// ---------------------------------------------------------------- API key

function setUpAuth() {
  const form = $('#auth');
  const input = $('#api-key');
  const show = () => {
    form.hidden = false;
    $('#auth-note').textContent = apiKey()
      ? 'The service did not accept this key. Enter another one.'
      : 'This service needs an API key. It is kept for this browser session only.';
    input.focus();
  };
  authRequired.addEventListener('required', show);
  if (apiKey()) form.hidden = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    setApiKey(input.value.trim());
    input.value = '';
    $('#auth-note').textContent = apiKey() ? 'Key saved for this session.' : 'Key removed.';
    historyPanel.refresh();
  });
}

// ---------------------------------------------------------------- start

const state = { caps: {} };

async function start() {
  $('#user-id').textContent = userId();
  setUpAuth();
  state.caps = await capabilities();
  setUpSubmit(state.caps);
  $('#history-refresh').addEventListener('click', () => historyPanel.refresh());
  $('#history-more').addEventListener('click', () => historyPanel.load(true));
  updateQueueStatus();
  await historyPanel.refresh();
  // Jobs of this browser still queued or running (e.g. before a reload) are watched again.
  try {
    for (const status of ['running', 'queued']) {
      const page = await listJobs({ status, limit: 100 });
      for (const job of page.jobs.reverse()) queue.watch(job, String(job.problem_id ?? job.job_id));
    }
  } catch { /* the history shows the error */ }
  const m = /^#job=([\w-]+)$/.exec(location.hash);
  if (m) openResult(m[1]);
  document.body.dataset.ready = 'true';
}

start();
