import type { AppEvent } from '../../core/schemas/service.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../core/time/index.js';
import type { Rng } from '../rng.js';

export interface AppEventInput {
  readonly customerId: string;
  /** 0..1: how much the customer uses digital channels. */
  readonly engagement: number;
  readonly openMs: number;
  readonly endMs: number;
  /** Issue instants of the customer's bills. */
  readonly billDatesMs?: readonly number[];
  /** Start (local midnight, as UTC ms) of each outage day in the customer's area. */
  readonly outageDaysMs?: readonly number[];
}

type AppChannel = AppEvent['channel'];
type EventType = AppEvent['eventType'];
/** An event before it has an id; times stay numbers until the end (Date is slow to sort). */
interface Draft {
  readonly ms: number;
  readonly eventType: EventType;
  readonly channel: AppChannel;
  readonly properties: Record<string, unknown>;
}

/** Issue instants of the bills, sorted, with their local month (YYYY-MM). */
interface BillCalendar {
  readonly ms: readonly number[];
  readonly months: readonly string[];
}

const CHANNELS: readonly AppChannel[] = ['app', 'wechat', 'web'];
const MS_PER_WEEK = 7 * MS_PER_DAY;
const LOCAL_OFFSET_MS = 8 * MS_PER_HOUR;
/** Local-hour weights of app sessions: commute, lunch and evening peaks. */
const SESSION_HOURS = [0.3, 0.1, 0.05, 0.05, 0.05, 0.2, 0.8, 2, 2.5, 1.5, 1.2, 1.5, 2.5, 2, 1.2, 1.1, 1.2, 1.6, 2, 2.5, 3, 3, 2.2, 1];

/** Organic logins per week: about 3.5 for the most engaged, near zero for the least. */
export function loginsPerWeek(engagement: number): number {
  return 0.02 + 3.5 * engagement * engagement;
}

/** App, WeChat and web events of one customer, sorted by time. */
export function generateAppEvents(input: AppEventInput, rng: Rng): AppEvent[] {
  const e = Math.min(1, Math.max(0, input.engagement));
  const preferred = CHANNELS[rng.weightedIndex([0.55, 0.35, 0.1])];
  const billMs = [...(input.billDatesMs ?? [])].sort((a, b) => a - b);
  const bills: BillCalendar = { ms: billMs, months: billMs.map(monthOf) };
  const drafts: Draft[] = [];
  const session = (startMs: number): AppChannel => {
    const channel = rng.chance(0.8) ? preferred : rng.pick(CHANNELS);
    drafts.push(loginEvent(startMs, channel, rng));
    return channel;
  };
  for (const start of organicStarts(input, loginsPerWeek(e), rng)) {
    browse(drafts, start + rng.int(5, 90) * 1000, session(start), bills, rng);
  }
  bills.ms.forEach((ms, i) => {
    if (ms < input.openMs || ms >= input.endMs || !rng.chance(0.2 + 0.7 * e)) return;
    const start = atSessionHour(localDayStart(ms) + Math.floor(rng.exponential(1.5)) * MS_PER_DAY, rng);
    billVisit(drafts, start + rng.int(5, 90) * 1000, session(start), bills.months[i], e, rng);
  });
  for (const dayMs of input.outageDaysMs ?? []) {
    if (!rng.chance(0.6 * e)) continue;
    const start = atSessionHour(dayMs, rng);
    const source = rng.pick(['self_report', 'self_report', 'neighbour']);
    drafts.push({ ms: start + rng.int(5, 90) * 1000, eventType: 'outage_report', channel: session(start), properties: { source } });
  }
  return finish(input, drafts);
}

/** Keeps events inside the window, sorts them and numbers them. */
function finish(input: AppEventInput, drafts: Draft[]): AppEvent[] {
  const kept = drafts.filter((d) => d.ms >= input.openMs && d.ms < input.endMs).sort((a, b) => a.ms - b.ms);
  const events: AppEvent[] = new Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const d = kept[i];
    const eventId = `${input.customerId}-E${String(i + 1).padStart(6, '0')}`;
    events[i] = { eventId, customerId: input.customerId, ts: new Date(d.ms), eventType: d.eventType, channel: d.channel, properties: d.properties };
  }
  return events;
}

/** Session starts of a Poisson process on days, each at a typical hour of that day. */
function organicStarts(input: AppEventInput, perWeek: number, rng: Rng): number[] {
  const starts: number[] = [];
  const meanGap = MS_PER_WEEK / perWeek;
  for (let t = input.openMs + rng.exponential(meanGap); t < input.endMs; t += rng.exponential(meanGap)) {
    starts.push(atSessionHour(localDayStart(t), rng));
  }
  return starts;
}

/** What a customer looks at after logging in: usage often, the bill near bill dates, offers rarely. */
function browse(out: Draft[], at: number, channel: AppChannel, bills: BillCalendar, rng: Rng): void {
  let ms = at;
  const next = (eventType: EventType, properties: Record<string, unknown>) => {
    out.push({ ms, eventType, channel, properties });
    ms += rng.int(10, 240) * 1000;
  };
  if (rng.chance(0.45)) next('usage_view', { granularity: rng.pick(['day', 'month', 'year']) });
  const last = latestAtOrBefore(bills.ms, at);
  if (last >= 0 && rng.chance(at - bills.ms[last] < 7 * MS_PER_DAY ? 0.6 : 0.1)) next('bill_view', { billMonth: bills.months[last] });
  if (rng.chance(0.04)) {
    const offerId = `OF-${String(rng.int(1, 12)).padStart(3, '0')}`;
    next('offer_view', { offerId });
    if (rng.chance(0.25)) next('offer_click', { offerId });
  }
}

/** A visit prompted by a new bill: view it and, for engaged customers, pay it in the app. */
function billVisit(out: Draft[], at: number, channel: AppChannel, billMonth: string, engagement: number, rng: Rng): void {
  out.push({ ms: at, eventType: 'bill_view', channel, properties: { billMonth } });
  if (rng.chance(0.3 + 0.5 * engagement)) {
    const method = channel === 'wechat' ? 'wechat_pay' : rng.pick(['alipay', 'wechat_pay', 'bank_card']);
    out.push({ ms: at + rng.int(1, 5) * MS_PER_MINUTE, eventType: 'payment', channel, properties: { billMonth, method } });
  }
}

function loginEvent(ms: number, channel: AppChannel, rng: Rng): Draft {
  const method = channel === 'wechat' ? 'wechat_oauth' : rng.pick(['password', 'sms_code', 'sms_code', 'face_id']);
  return { ms, eventType: 'login', channel, properties: { method } };
}

function atSessionHour(dayStartMs: number, rng: Rng): number {
  return dayStartMs + rng.weightedIndex(SESSION_HOURS) * MS_PER_HOUR + rng.int(0, 3599) * 1000;
}

function localDayStart(ms: number): number {
  return Math.floor((ms + LOCAL_OFFSET_MS) / MS_PER_DAY) * MS_PER_DAY - LOCAL_OFFSET_MS;
}

const monthByLocalDay = new Map<number, string>();

/** The local calendar month (YYYY-MM) of an instant; memoised per day since bill dates repeat. */
function monthOf(ms: number): string {
  const day = Math.floor((ms + LOCAL_OFFSET_MS) / MS_PER_DAY);
  let month = monthByLocalDay.get(day);
  if (month === undefined) {
    month = new Date(day * MS_PER_DAY).toISOString().slice(0, 7);
    monthByLocalDay.set(day, month);
  }
  return month;
}

/** Index of the last element <= ms in a sorted array, or -1. */
function latestAtOrBefore(sorted: readonly number[], ms: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= ms) lo = mid + 1; else hi = mid;
  }
  return lo - 1;
}
