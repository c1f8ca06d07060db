// The interactive room plan: rooms × nights, every stay a bar coloured by its category, the
// restrictions calendar (closed to arrival/departure, minimum and maximum stay per night) aligned above
// it, weekends shaded, room types banded; zoom on dates with the toolbar, Ctrl + wheel or +/−; hover
// or select a stay for its guest, dates, room and the reason it is there. Keyboard: focus the plan,
// arrows move between stays (←/→ along a room, ↑/↓ across rooms), Home/End, +/−/0 zoom, Esc clears.
import { SVG_NS, h, s } from './dom.js';
import {
  CATEGORY_LABELS, dateLabel, dayOfMonth, dayOf, formatNumber, isoOf, isWeekend, monthName, weekdayOf,
} from './model.js';

const ROW = 20;
const DATE_ROWS = 34;
const CAL_ROW = 18;
const CAL_ROWS = [
  { key: 'ca', long: 'Closed to arrival', short: 'CA' },
  { key: 'cd', long: 'Closed to departure', short: 'CD' },
  { key: 'min', long: 'Minimum stay', short: 'Min' },
  { key: 'max', long: 'Maximum stay', short: 'Max' },
];

let uid = 0;

export class PlanChart {
  constructor(root, { onSelect } = {}) {
    this.root = root;
    this.onSelect = onSelect || (() => {});
    this.id = `plan${++uid}`;
    this.model = null;
    this.restrictions = null;
    this.selected = null;
    this.build();
  }

  build() {
    const id = this.id;
    this.fromInput = h('input', { type: 'date', id: `${id}-from` });
    this.toInput = h('input', { type: 'date', id: `${id}-to` });
    const button = (label, act, title) => h('button', { type: 'button', 'data-act': act, title }, label);
    this.toolbar = h('div', { class: 'plan-toolbar' },
      h('span', { class: 'field' }, h('label', { for: `${id}-from` }, 'First night'), this.fromInput),
      h('span', { class: 'field' }, h('label', { for: `${id}-to` }, 'Last night'), this.toInput),
      h('span', { class: 'buttons' },
        button('Zoom in', 'in', 'Show fewer nights (+)'),
        button('Zoom out', 'out', 'Show more nights (−)'),
        button('Earlier', 'earlier', 'Move the view to earlier nights'),
        button('Later', 'later', 'Move the view to later nights'),
        button('Whole schedule', 'all', 'Show every night (0)')));
    this.toolbar.addEventListener('click', (e) => {
      const act = e.target.closest('button')?.dataset.act;
      if (!act || !this.model) return;
      const span = this.to - this.from;
      if (act === 'in') this.zoom(0.5);
      else if (act === 'out') this.zoom(2);
      else if (act === 'earlier') this.setView(this.from - Math.max(1, Math.round(span / 2)), this.to - Math.max(1, Math.round(span / 2)));
      else if (act === 'later') this.setView(this.from + Math.max(1, Math.round(span / 2)), this.to + Math.max(1, Math.round(span / 2)));
      else if (act === 'all') this.setView(this.model.start, this.model.end);
    });
    const onDate = () => {
      const from = dayOf(this.fromInput.value);
      const last = dayOf(this.toInput.value);
      if (!Number.isNaN(from) && !Number.isNaN(last) && last >= from) this.setView(from, last + 1);
    };
    this.fromInput.addEventListener('change', onDate);
    this.toInput.addEventListener('change', onDate);

    this.axis = s('svg', { class: 'plan-axis', role: 'img' });
    this.body = s('svg', { class: 'plan-body', tabindex: '0', role: 'group',
      'aria-describedby': `${id}-help` });
    this.scroll = h('div', { class: 'plan-scroll' }, this.body);
    this.tooltip = h('div', { class: 'tooltip', role: 'tooltip', id: `${id}-tip`, hidden: true });
    this.help = h('p', { class: 'hint', id: `${id}-help` },
      'Hover a stay, or focus the plan and use the arrow keys, to see who is there and why. ',
      '+ and − zoom, 0 shows the whole schedule, Ctrl + mouse wheel zooms where you point.');
    this.detail = h('p', { class: 'stay-detail', 'aria-live': 'polite', id: `${id}-detail` },
      'No stay selected.');
    this.legend = legend();
    this.root.replaceChildren(this.toolbar, this.legend, h('div', { class: 'plan-frame' }, this.axis, this.scroll,
      this.tooltip), this.help, this.detail);

    this.body.addEventListener('pointerover', (e) => this.hover(e));
    this.body.addEventListener('pointermove', (e) => this.hover(e));
    this.body.addEventListener('pointerleave', () => { this.tooltip.hidden = true; });
    this.body.addEventListener('click', (e) => {
      const stay = this.stayAt(e.target);
      if (stay) this.select(stay, false);
    });
    this.body.addEventListener('keydown', (e) => this.key(e));
    this.body.addEventListener('focus', () => {
      if (!this.selected && this.model) this.select(this.firstVisible(), false);
    });
    for (const target of [this.body, this.axis]) {
      target.addEventListener('wheel', (e) => {
        if (!this.model || !(e.ctrlKey || e.metaKey)) return;
        e.preventDefault();
        this.zoom(e.deltaY < 0 ? 0.8 : 1.25, this.dayAtX(e.clientX));
      }, { passive: false });
    }
    new ResizeObserver(() => this.scheduleRender()).observe(this.root);
  }

  /** model: planModel(…); restrictions: restrictionsByDay(…) or null. */
  setData(model, restrictions, label) {
    this.model = model;
    this.restrictions = restrictions;
    this.label = label || 'Room plan';
    this.selected = null;
    this.detail.textContent = 'No stay selected.';
    this.fromInput.min = this.toInput.min = isoOf(model.start);
    this.fromInput.max = this.toInput.max = isoOf(model.end - 1);
    this.setView(model.start, model.end);
  }

  setView(from, to) {
    const { start, end } = this.model;
    let span = Math.max(Math.min(3, end - start), Math.min(end - start, Math.round(to - from)));
    from = Math.round(from);
    if (from < start) from = start;
    if (from + span > end) from = end - span;
    this.from = from;
    this.to = from + span;
    this.fromInput.value = isoOf(this.from);
    this.toInput.value = isoOf(this.to - 1);
    this.render();
  }

  zoom(factor, center) {
    const span = this.to - this.from;
    const c = center ?? (this.selected ? this.selected.arrival + this.selected.length / 2 : (this.from + this.to) / 2);
    const next = Math.max(3, Math.round(span * factor));
    this.setView(c - ((c - this.from) * next) / span, c - ((c - this.from) * next) / span + next);
  }

  scheduleRender() {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = null;
      if (this.model) this.render();
    });
  }

  geometry() {
    const width = Math.max(300, Math.floor(this.root.clientWidth || 800));
    const wide = width >= 640;
    const labelW = wide ? 128 : 60;
    const plotW = width - labelW - 2;
    const px = plotW / (this.to - this.from);
    return { width, wide, labelW, plotW, px, x: (day) => labelW + (day - this.from) * px };
  }

  dayAtX(clientX) {
    const g = this.geometry();
    const left = this.body.getBoundingClientRect().left;
    return this.from + (clientX - left - g.labelW) / g.px;
  }

  render() {
    const g = this.geometry();
    this.g = g;
    this.renderAxis(g);
    this.renderBody(g);
  }

  renderAxis(g) {
    const { from, to } = this;
    const height = DATE_ROWS + CAL_ROWS.length * CAL_ROW + 4;
    const svg = this.axis;
    svg.replaceChildren();
    svg.setAttribute('width', g.width);
    svg.setAttribute('height', height);
    svg.setAttribute('viewBox', `0 0 ${g.width} ${height}`);
    svg.setAttribute('aria-label', `Nights ${isoOf(from)} to ${isoOf(to - 1)} with their restrictions; `
      + 'the table of restrictions below lists them too');
    for (let d = from; d < to; d++) {
      if (isWeekend(d)) svg.append(s('rect', { class: 'weekend', x: g.x(d), y: 0, width: g.px, height }));
    }
    // Month names (first night shown and every 1st), then day numbers at a step that does not collide.
    let lastMonthX = -Infinity;
    for (let d = from; d < to; d++) {
      if (d !== from && dayOfMonth(d) !== 1) continue;
      const x = g.x(d) + 2;
      if (d === from && dayOfMonth(d) !== 1) {
        const nextFirst = d + (daysInMonthAfter(d));
        if (nextFirst < to && g.x(nextFirst) - x < 56) continue;
      }
      if (x - lastMonthX < 56) continue;
      const year = new Date(d * 86_400_000).getUTCFullYear();
      svg.append(s('text', { class: 'month', x, y: 12 }, `${monthName(d)} ${year}`));
      lastMonthX = x;
    }
    const step = g.px >= 18 ? 1 : g.px * 2 >= 18 ? 2 : g.px * 7 >= 18 ? 7 : g.px * 14 >= 22 ? 14 : 0;
    for (let d = from; d < to; d++) {
      const dom = dayOfMonth(d);
      const show = step === 1 || (step === 2 && (d - from) % 2 === 0) || (step === 7 && weekdayOf(d) === 1)
        || (step === 14 && (dom === 1 || dom === 15));
      if (!show) continue;
      svg.append(s('text', { class: 'daynum', x: g.x(d) + g.px / 2, y: 28, 'text-anchor': 'middle' }, String(dom)));
    }
    svg.append(s('line', { class: 'rule', x1: 0, x2: g.width, y1: DATE_ROWS - 0.5, y2: DATE_ROWS - 0.5 }));
    const r = this.restrictions?.byDay || new Map();
    let maxValue = 1;
    for (const v of r.values()) maxValue = Math.max(maxValue, v.minThrough || 0, v.max || 0);
    CAL_ROWS.forEach((row, i) => {
      const y = DATE_ROWS + i * CAL_ROW;
      svg.append(s('text', { class: 'cal-label', x: 4, y: y + 13 },
        g.wide ? row.long : row.short));
      for (let d = from; d < to; d++) {
        const v = r.get(d);
        if (!v) continue;
        const x = g.x(d);
        if (row.key === 'ca' || row.key === 'cd') {
          if (v[row.key]) {
            svg.append(s('rect', { class: `closed ${row.key}`, x: x + 0.5, y: y + 3, width: Math.max(1, g.px - 1),
              height: CAL_ROW - 6 }));
          }
          continue;
        }
        const value = row.key === 'min' ? v.minThrough : v.max;
        if (row.key === 'max' && v.full) {
          svg.append(s('rect', { class: 'full', x: x + 0.5, y: y + 3, width: Math.max(1, g.px - 1), height: CAL_ROW - 6 }));
          continue;
        }
        if (value === null || value === undefined) continue;
        if (g.px >= 14) {
          svg.append(s('text', { class: `cal-value ${row.key}`, x: x + g.px / 2, y: y + 13, 'text-anchor': 'middle' },
            String(value)));
        } else {
          const bar = Math.max(2, ((CAL_ROW - 4) * Math.min(value, maxValue)) / maxValue);
          svg.append(s('rect', { class: `cal-bar ${row.key}`, x: x + 0.5, y: y + CAL_ROW - 2 - bar,
            width: Math.max(1, g.px - 1), height: bar }));
        }
      }
      svg.append(s('line', { class: 'grid', x1: 0, x2: g.width, y1: y + CAL_ROW - 0.5, y2: y + CAL_ROW - 0.5 }));
    });
    // One hover target per night with the whole night's restrictions as its title.
    const maxWord = this.restrictions?.maxMeaning === 'arrival' ? 'on arrival' : 'through the night';
    for (let d = from; d < to; d++) {
      const v = r.get(d);
      const parts = [dateLabel(d)];
      if (v) {
        if (v.full) parts.push('fully booked');
        if (v.ca) parts.push('closed to arrival');
        if (v.cd) parts.push('closed to departure');
        if (v.minThrough != null) parts.push(`minimum stay ${v.minThrough}`
          + (v.minArrival != null && v.minArrival !== v.minThrough ? ` (${v.minArrival} on arrival)` : ''));
        if (v.max != null) parts.push(`maximum stay ${v.max} ${maxWord}`);
      }
      svg.append(s('rect', { class: 'hit', x: g.x(d), y: 0, width: g.px, height },
        s('title', {}, parts.join(', '))));
    }
  }

  renderBody(g) {
    const { model, from, to } = this;
    const height = model.rooms.length * ROW + 1;
    const svg = this.body;
    svg.replaceChildren();
    svg.setAttribute('width', g.width);
    svg.setAttribute('height', height);
    svg.setAttribute('viewBox', `0 0 ${g.width} ${height}`);
    const visible = model.stays.filter((st) => st.departure > from && st.arrival < to);
    svg.setAttribute('aria-label', `${this.label}: ${model.stays.length} stays in ${model.rooms.length} rooms, `
      + `${visible.length} shown from ${isoOf(from)} to ${isoOf(to - 1)}`);
    svg.dataset.stays = String(visible.length);
    // Room-type bands: alternate shading per run of rooms of one type, a type strip and its name.
    let runStart = 0;
    let band = 0;
    const typed = model.types.length > 1;
    model.rooms.forEach((room, i) => {
      const next = model.rooms[i + 1];
      if (next && next.type === room.type) return;
      const y = runStart * ROW;
      const hgt = (i - runStart + 1) * ROW;
      svg.append(s('rect', { class: `band band${band % 2}`, x: 0, y, width: g.width, height: hgt }));
      if (typed) {
        svg.append(s('rect', { class: `type-strip strip${model.types.indexOf(room.type) % 6}`, x: 0, y, width: 4, height: hgt }));
        if (g.wide) {
          svg.append(s('text', { class: 'type-name', x: 8, y: y + 14 }, fit(room.type, 11),
            s('title', {}, `Room type ${room.type}`)));
        }
        svg.append(s('line', { class: 'type-rule', x1: 0, x2: g.width, y1: y + 0.5, y2: y + 0.5 }));
      }
      runStart = i + 1;
      band++;
    });
    for (let d = from; d < to; d++) {
      if (isWeekend(d)) svg.append(s('rect', { class: 'weekend', x: g.x(d), y: 0, width: g.px, height }));
      if (weekdayOf(d) === 1 && g.px >= 3) {
        svg.append(s('line', { class: 'grid', x1: g.x(d), x2: g.x(d), y1: 0, y2: height }));
      }
    }
    model.rooms.forEach((room, i) => {
      svg.append(s('text', { class: 'room-label', x: g.labelW - 6, y: i * ROW + 14, 'text-anchor': 'end' },
        fit(room.number, g.wide ? 8 : 8)));
    });
    svg.append(s('line', { class: 'rule', x1: g.labelW - 0.5, x2: g.labelW - 0.5, y1: 0, y2: height }));
    const layer = s('g', { class: 'stays' });
    for (const st of visible) {
      const x0 = g.x(Math.max(st.arrival, from));
      const x1 = g.x(Math.min(st.departure, to));
      const y = st.room.index * ROW;
      const node = s('g', { class: `stay cat-${st.category}`, 'data-i': st.index },
        s('rect', { x: x0 + 0.5, y: y + 2, width: Math.max(1, x1 - x0 - 1), height: ROW - 4, rx: 2 }));
      const room = x1 - x0 - 6;
      if (room >= 14) {
        const text = fit(st.name, Math.floor(room / 6.5));
        if (text) node.append(s('text', { x: x0 + 4, y: y + 14 }, text));
      }
      layer.append(node);
    }
    svg.append(layer);
    this.selectionMark = s('rect', { class: 'selection', x: 0, y: 0, width: 0, height: 0, rx: 3, visibility: 'hidden' });
    svg.append(this.selectionMark);
    this.markSelection();
  }

  /**
   * The chart as shown (the nights in view, the calendar and every room) as a standalone SVG document,
   * with the page's chart styles inside it, under a title line.
   */
  exportSvg() {
    const width = Number(this.axis.getAttribute('width'));
    const axisH = Number(this.axis.getAttribute('height'));
    const bodyH = Number(this.body.getAttribute('height'));
    const titleH = 24;
    const height = titleH + axisH + bodyH;
    const css = [...document.styleSheets].flatMap((sheet) => {
      try { return [...sheet.cssRules]; } catch { return []; }
    }).filter((r) => r.selectorText === ':root' || r.selectorText?.includes('.plan')).map((r) => r.cssText).join('\n');
    const root = s('svg', { xmlns: SVG_NS, class: 'plan', width, height, viewBox: `0 0 ${width} ${height}`,
      'font-size': '11', 'font-family': getComputedStyle(this.root).fontFamily },
    s('style', {}, css),
    s('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
    s('text', { x: 4, y: 16, 'font-size': '13', 'font-weight': '600', fill: '#1f2933' },
      `${this.label}: ${isoOf(this.from)} to ${isoOf(this.to - 1)}`));
    const copy = (svg, y) => {
      const g = s('g', { transform: `translate(0 ${y})` });
      for (const child of svg.children) {
        if (!child.classList.contains('selection')) g.append(child.cloneNode(true));
      }
      return g;
    };
    root.append(copy(this.axis, titleH), copy(this.body, titleH + axisH));
    return new XMLSerializer().serializeToString(root);
  }

  /** The same as a PNG Blob, drawn at scale× the screen's pixels. */
  async exportPng(scale = 2) {
    const svg = this.exportSvg();
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    try {
      const img = new Image();
      img.src = url;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(img.naturalWidth * scale);
      canvas.height = Math.round(img.naturalHeight * scale);
      const ctx = canvas.getContext('2d');
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0);
      return await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  stayAt(target) {
    const node = target.closest?.('.stay');
    return node ? this.model.stays.find((st) => st.index === Number(node.dataset.i)) : null;
  }

  hover(e) {
    const stay = this.stayAt(e.target);
    if (!stay) {
      this.tooltip.hidden = true;
      return;
    }
    this.tooltip.replaceChildren(...describe(stay).map((line, i) => h(i ? 'div' : 'strong', {}, line)));
    this.tooltip.hidden = false;
    // Fixed to the viewport, so the plan's scroll box never clips it; flipped near the edges.
    const tipW = this.tooltip.offsetWidth;
    const tipH = this.tooltip.offsetHeight;
    let left = e.clientX + 14;
    if (left + tipW > window.innerWidth - 4) left = Math.max(4, e.clientX - tipW - 14);
    let top = e.clientY + 16;
    if (top + tipH > window.innerHeight - 4) top = Math.max(4, e.clientY - tipH - 12);
    this.tooltip.style.left = `${left}px`;
    this.tooltip.style.top = `${top}px`;
  }

  firstVisible() {
    for (const list of this.model.byRoom) {
      const st = list.find((x) => x.departure > this.from && x.arrival < this.to);
      if (st) return st;
    }
    return this.model.stays[0] || null;
  }

  select(stay, reveal = true) {
    this.selected = stay;
    if (!stay) {
      this.detail.textContent = 'No stay selected.';
      this.markSelection();
      return;
    }
    if (reveal && (stay.departure <= this.from || stay.arrival >= this.to)) {
      const span = this.to - this.from;
      this.setView(stay.arrival - Math.floor((span - stay.length) / 2), stay.arrival - Math.floor((span - stay.length) / 2) + span);
    } else {
      this.markSelection();
    }
    this.detail.textContent = describe(stay).join(' · ');
    const top = stay.room.index * ROW;
    if (top < this.scroll.scrollTop || top + ROW > this.scroll.scrollTop + this.scroll.clientHeight) {
      this.scroll.scrollTop = Math.max(0, top - this.scroll.clientHeight / 2);
    }
    this.onSelect(stay);
  }

  markSelection() {
    const mark = this.selectionMark;
    const st = this.selected;
    if (!mark) return;
    if (!st || !this.g || st.departure <= this.from || st.arrival >= this.to) {
      mark.setAttribute('visibility', 'hidden');
      return;
    }
    const x0 = this.g.x(Math.max(st.arrival, this.from));
    const x1 = this.g.x(Math.min(st.departure, this.to));
    mark.setAttribute('x', x0 - 1.5);
    mark.setAttribute('y', st.room.index * ROW + 0.5);
    mark.setAttribute('width', Math.max(4, x1 - x0 + 2));
    mark.setAttribute('height', ROW - 1);
    mark.setAttribute('visibility', 'visible');
  }

  key(e) {
    if (!this.model) return;
    const cur = this.selected || this.firstVisible();
    if (!cur) return;
    const row = this.model.byRoom[cur.room.index];
    const at = row.indexOf(cur);
    let next = null;
    switch (e.key) {
      case 'ArrowRight': next = row[at + 1] || cur; break;
      case 'ArrowLeft': next = row[at - 1] || cur; break;
      case 'Home': next = row[0]; break;
      case 'End': next = row[row.length - 1]; break;
      case 'ArrowDown': next = this.across(cur, 1); break;
      case 'ArrowUp': next = this.across(cur, -1); break;
      case '+': case '=': this.zoom(0.5); break;
      case '-': case '_': this.zoom(2); break;
      case '0': this.setView(this.model.start, this.model.end); break;
      case 'Escape': this.select(null); break;
      default: return;
    }
    e.preventDefault();
    if (next) this.select(next);
  }

  /** The stay in the next room (up or down) with stays that is nearest in time to cur. */
  across(cur, dir) {
    const mid = cur.arrival + cur.length / 2;
    for (let r = cur.room.index + dir; r >= 0 && r < this.model.byRoom.length; r += dir) {
      const list = this.model.byRoom[r];
      if (!list.length) continue;
      let best = list[0];
      let bestDistance = Infinity;
      for (const st of list) {
        const distance = st.arrival <= mid && mid < st.departure ? 0
          : Math.min(Math.abs(st.arrival - mid), Math.abs(st.departure - mid));
        if (distance < bestDistance) {
          best = st;
          bestDistance = distance;
        }
      }
      return best;
    }
    return cur;
  }
}

function daysInMonthAfter(day) {
  // Nights from day to the next 1st of a month.
  let n = 1;
  while (dayOfMonth(day + n) !== 1) n++;
  return n;
}

/** Text cut to at most n characters, with an ellipsis. */
function fit(text, n) {
  const t = String(text);
  if (n <= 1) return '';
  return t.length <= n ? t : `${t.slice(0, n - 1)}…`;
}

/** The lines describing a stay: who, when, where, why. */
export function describe(st) {
  const nights = `${st.length} night${st.length === 1 ? '' : 's'}`;
  const lines = [
    `${st.name || '(no name)'}${st.id !== undefined && st.id !== null && st.id !== -1 ? ` (Id ${st.id})` : ''}`,
    `${isoOf(st.arrival)} → ${isoOf(st.departure)}, ${nights}`,
    st.room.unassigned ? 'No room' : `Room ${st.room.number}${st.room.type !== 'Default' ? ` (${st.room.type})` : ''}`,
  ];
  if (st.reason) lines.push(`Why here: ${st.reason}${st.detail ? ` (${st.detail})` : ''}`);
  const tags = [CATEGORY_LABELS[st.category]];
  if (st.group !== null && st.group !== undefined && st.group !== '') tags.push(`group ${st.group}`);
  if (st.splitGroup !== null && st.splitGroup !== undefined) tags.push(`split group ${st.splitGroup}`);
  lines.push(tags.join(', '));
  return lines;
}

function legend() {
  const item = (cls, label) => h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), label);
  return h('ul', { class: 'legend', 'aria-label': 'Legend' },
    ...Object.entries(CATEGORY_LABELS).map(([cat, label]) => item(`cat-${cat}`, label)),
    item('weekend', 'Weekend night'),
    item('closed', 'Closed (arrival or departure)'),
    item('full', 'Fully booked'));
}

/** Every stay of a plan as a table (the chart's text alternative). */
export function planTable(model, caption) {
  const rows = [...model.stays].sort((a, b) => a.room.index - b.room.index || a.arrival - b.arrival);
  return h('table', { class: 'data' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...['Room', 'Guest', 'Arrival', 'Departure', 'Nights', 'Kind', 'Why here']
      .map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...rows.map((st) => h('tr', {},
      h('th', { scope: 'row' }, st.room.number),
      h('td', {}, st.name),
      h('td', {}, isoOf(st.arrival)),
      h('td', {}, isoOf(st.departure)),
      h('td', { class: 'num' }, formatNumber(st.length)),
      h('td', {}, CATEGORY_LABELS[st.category]),
      h('td', {}, st.detail || st.reason)))));
}
