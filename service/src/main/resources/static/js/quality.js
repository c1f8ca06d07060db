// The QualityComparison histogram (SPEC §7.2): for each minimum stay n, on how many nights (not fully
// booked) the current plan ("before") and the optimized plan have a minimum stay of n. A low minimum stay
// comes from a short gap; fewer of them after optimization means fewer short, hard-to-sell gaps.
import { h, s } from './dom.js';
import { formatNumber } from './model.js';

export function qualityChart(buckets) {
  const width = 560;
  const height = 220;
  const left = 40;
  const bottom = 28;
  const top = 12;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...buckets.flatMap((b) => [b.initial, b.optimized]));
  const slot = (width - left - 8) / Math.max(1, buckets.length);
  const bar = Math.min(28, slot / 2 - 4);
  const y = (v) => top + plotH - (plotH * v) / max;
  const ticks = niceTicks(max);
  const summary = buckets.map((b) => `minimum stay ${b.bucket}: ${b.initial} nights before, ${b.optimized} after`)
    .join('; ');
  const svg = s('svg', { class: 'quality-chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Nights by minimum stay, before and after: ${summary}` });
  for (const t of ticks) {
    svg.append(s('line', { class: 'grid', x1: left, x2: width - 4, y1: y(t), y2: y(t) }),
      s('text', { class: 'tick', x: left - 6, y: y(t) + 4, 'text-anchor': 'end' }, formatNumber(t)));
  }
  buckets.forEach((b, i) => {
    const cx = left + slot * i + slot / 2;
    svg.append(
      s('rect', { class: 'q-initial', x: cx - bar - 1, y: y(b.initial), width: bar, height: top + plotH - y(b.initial) },
        s('title', {}, `Minimum stay ${b.bucket}: ${b.initial} nights before`)),
      s('rect', { class: 'q-optimized', x: cx + 1, y: y(b.optimized), width: bar, height: top + plotH - y(b.optimized) },
        s('title', {}, `Minimum stay ${b.bucket}: ${b.optimized} nights after`)),
      s('text', { class: 'tick', x: cx, y: height - bottom + 16, 'text-anchor': 'middle' }, b.bucket));
  });
  svg.append(s('line', { class: 'rule', x1: left, x2: width - 4, y1: top + plotH, y2: top + plotH }));
  return h('figure', { class: 'quality' },
    svg,
    h('figcaption', {},
      h('ul', { class: 'legend' },
        h('li', {}, h('span', { class: 'swatch q-initial', 'aria-hidden': 'true' }), 'Before (current plan)'),
        h('li', {}, h('span', { class: 'swatch q-optimized', 'aria-hidden': 'true' }), 'After (optimized plan)')),
      'Nights that are not fully booked, by their minimum stay; a short minimum stay comes from a short gap.'),
    h('details', {}, h('summary', {}, 'Histogram as a table'),
      h('table', { class: 'data' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Minimum stay'), h('th', { scope: 'col' }, 'Nights before'),
          h('th', { scope: 'col' }, 'Nights after'))),
        h('tbody', {}, ...buckets.map((b) => h('tr', {}, h('th', { scope: 'row' }, b.bucket),
          h('td', { class: 'num' }, formatNumber(b.initial)), h('td', { class: 'num' }, formatNumber(b.optimized))))))));
}

function niceTicks(max) {
  const raw = max / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((v) => v >= raw) || pow * 10;
  const ticks = [];
  for (let t = 0; t <= max + 1e-9; t += Math.max(1, Math.round(step))) ticks.push(t);
  return ticks;
}
