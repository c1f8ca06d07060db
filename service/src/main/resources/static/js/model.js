// Reads a result object (SPEC §9.1) into what the page draws: days as whole numbers (days since
// 1970-01-01, UTC), rooms in the result's order, stays with their colour category, restrictions per date.

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'YYYY-MM-DD' → day number, or NaN. */
export function dayOf(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso ?? ''));
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS : NaN;
}

export function isoOf(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOf(day) {
  return new Date(day * DAY_MS).getUTCDay();
}

export const weekdayName = (day) => WEEKDAYS[weekdayOf(day)];
export const monthName = (day) => MONTHS[new Date(day * DAY_MS).getUTCMonth()];
export const dayOfMonth = (day) => new Date(day * DAY_MS).getUTCDate();
export const isWeekend = (day) => [0, 6].includes(weekdayOf(day));

/** Human date: 'Mon 2021-03-01'. */
export const dateLabel = (day) => `${weekdayName(day)} ${isoOf(day)}`;

/**
 * The colour category of a stay, as the previous system drew them: grey plain, red locked, blue in an
 * adjacency group, purple locked and grouped, green a new (test) stay.
 */
export function category(row) {
  if (row.TestStay) return 'new';
  const grouped = row.AdjacencyGroup !== null && row.AdjacencyGroup !== undefined && row.AdjacencyGroup !== '';
  if (row.IsLocked && grouped) return 'locked-group';
  if (row.IsLocked) return 'locked';
  if (grouped) return 'group';
  return 'plain';
}

export const CATEGORY_LABELS = {
  plain: 'Stay',
  locked: 'Locked',
  group: 'In an adjacency group',
  'locked-group': 'Locked, in an adjacency group',
  new: 'New reservation (test stay)',
};

/** The plans a result carries: the optimized one, and the current one ("before") when given. */
export function availablePlans(result) {
  const plans = [];
  if (Array.isArray(result.OptimizedPlan) && result.OptimizedPlan.length) {
    plans.push({ key: 'optimized', label: 'Optimized plan', rows: result.OptimizedPlan });
  }
  if (Array.isArray(result.InitialPlanWithNewReservations) && result.InitialPlanWithNewReservations.length) {
    plans.push({ key: 'initial-new', label: 'Current plan with the new reservations',
      rows: result.InitialPlanWithNewReservations });
  }
  if (Array.isArray(result.InitialPlan) && result.InitialPlan.length) {
    plans.push({ key: 'initial', label: 'Current plan (before)', rows: result.InitialPlan });
  }
  return plans;
}

/**
 * Rooms × days: {rooms: [{number, type, index}], stays: [...], start, end, types: [..]}; a stay
 * whose room is not in the hotel goes to a last row "unassigned".
 */
export function planModel(result, rows) {
  const rooms = (result.Rooms || []).map((r, index) => ({
    number: String(r.RoomNumber), type: r.RoomType ?? 'Default', index,
  }));
  const byNumber = new Map(rooms.map((r) => [r.number, r]));
  const stays = [];
  let unassigned = null;
  rows.forEach((row, index) => {
    const arrival = dayOf(row.Arrival);
    const length = Number(row.Length);
    if (Number.isNaN(arrival) || !(length > 0)) return;
    let room = byNumber.get(String(row.AssignedRoom ?? ''));
    if (!room) {
      if (!unassigned) {
        unassigned = { number: '—', type: 'Unassigned', index: rooms.length, unassigned: true };
      }
      room = unassigned;
    }
    stays.push({
      index, name: String(row.Name ?? ''), id: row.Id, room, arrival, length, departure: arrival + length,
      locked: !!row.IsLocked, group: row.AdjacencyGroup, test: !!row.TestStay, splitGroup: row.SplitGroup,
      reason: row.Reason || '', detail: row.ReasonDetail || '', category: category(row),
    });
  });
  if (unassigned) rooms.push(unassigned);
  let start = dayOf(result.ScheduleStart);
  let end = dayOf(result.ScheduleEnd);
  for (const s of stays) {
    if (!(s.arrival >= start)) start = Number.isNaN(start) ? s.arrival : Math.min(start, s.arrival);
    if (!(s.departure <= end)) end = Number.isNaN(end) ? s.departure : Math.max(end, s.departure);
  }
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) return null;
  const types = [...new Set(rooms.map((r) => r.type))];
  // Per room, its stays by arrival: for keyboard moves along a row.
  const byRoom = rooms.map(() => []);
  for (const s of stays) byRoom[s.room.index].push(s);
  byRoom.forEach((list) => list.sort((a, b) => a.arrival - b.arrival || a.length - b.length));
  return { rooms, stays, start, end, types, byRoom };
}

/**
 * The restrictions calendar per night: {ca, cd, minThrough, minArrival, max, full} by day number.
 * From the pooled ChannelRestrictions rows when the result has them (every night), else from
 * ClosedArrivals, ClosedDepartures, MinStays and the sparse MaxStays.
 */
export function restrictionsByDay(result) {
  const byDay = new Map();
  const at = (day) => {
    if (!byDay.has(day)) byDay.set(day, { ca: false, cd: false, minThrough: null, minArrival: null, max: null, full: false });
    return byDay.get(day);
  };
  const pooled = (result.ChannelRestrictions || []).filter((r) => r.RoomType === null);
  if (pooled.length) {
    for (const row of pooled) {
      for (let d = dayOf(row.From); d <= dayOf(row.To); d++) {
        Object.assign(at(d), {
          ca: !!row.ClosedToArrival, cd: !!row.ClosedToDeparture, minThrough: row.MinStayThrough,
          minArrival: row.MinStayOnArrival, max: row.MaxStay, full: !!row.FullyBooked,
        });
      }
    }
    return { byDay, maxMeaning: 'arrival' };
  }
  for (const d of Object.keys(result.ClosedArrivals || {})) at(dayOf(d)).ca = true;
  for (const d of Object.keys(result.ClosedDepartures || {})) at(dayOf(d)).cd = true;
  for (const [d, v] of Object.entries(result.MinStays || {})) at(dayOf(d)).minThrough = v;
  for (const [d, v] of Object.entries(result.MaxStays || {})) at(dayOf(d)).max = v;
  return { byDay, maxMeaning: 'through' };
}

/** QualityComparison buckets in numeric order: [{bucket, initial, optimized}]. */
export function qualityBuckets(result) {
  return Object.entries(result.QualityComparison || {})
    .map(([bucket, v]) => ({ bucket, initial: Number(v.Initial) || 0, optimized: Number(v.Optimized) || 0 }))
    .sort((a, b) => Number(a.bucket) - Number(b.bucket));
}

/** A number for people: the objective's powers of two in full (up to 10 decimals), no trailing zeros. */
export function formatNumber(v) {
  if (v === null || v === undefined || v === '') return '—';
  const n = Number(v);
  if (!Number.isFinite(n)) return String(v);
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 10 });
}

export function formatSeconds(s) {
  const n = Number(s);
  if (!Number.isFinite(n)) return '—';
  if (n < 1) return `${Math.round(n * 1000)} ms`;
  if (n < 120) return `${n.toFixed(1)} s`;
  return `${Math.floor(n / 60)} min ${Math.round(n % 60)} s`;
}
