import {
  baselineMethod, baselineRegistry, defaultTargetingParams, rankTargets, scoreCustomer, settleCustomer, simulateResponse, type BaselineMethod, type Settlement,
} from '../analytics/dr/index.js';
import { Mulberry32 } from '../analytics/ml/random.js';
import type { GridLensConfig } from '../core/config.js';
import { ValidationError } from '../core/errors.js';
import type { ProgressListener } from '../core/record-batch.js';
import { MS_PER_DAY, WorkCalendar } from '../core/time/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { programOrDefault } from './dr-programs.js';
import {
  customerIdsAndZone, dailyTemperatures, engagementCounts, eventDaysBefore, listEvents, loadCustomerLoads, pastResponses, readEnrolments, readEvent, readProgram,
  readResults, replaceEnrolments, replaceResults, setEventStatus, writeEvent, type EnrolmentRow, type StoredEvent, type StoredProgram, type StoredResult,
} from './dr-store.js';
import { eventWindow, hashString } from './dr-time.js';
import { withStore } from './store.js';

/** Calendar days of history loaded before an event: the longest baseline lookback (ERCOT, 120) plus slack. */
export const HISTORY_DAYS = 130;
const ENGAGEMENT_DAYS = 90;

export interface DrEventCreateRequest {
  readonly programId?: string;
  /** Local date YYYY-MM-DD. */
  readonly date: string;
  readonly start?: string;
  readonly end?: string;
  /** Customers to target (the best ranked). */
  readonly targets?: number;
  /** OpenADR SIMPLE level 0–3. */
  readonly signalLevel?: number;
  readonly onProgress?: ProgressListener;
}

export interface TargetView extends EnrolmentRow {
  readonly customerId: string;
}

export interface DrEventCreateResult {
  readonly event: StoredEvent;
  readonly program: StoredProgram;
  /** Customers with a positive expected kW, enrolled in the programme. */
  readonly enrolled: number;
  readonly targets: TargetView[];
  readonly expectedKw: number;
  readonly seconds: number;
}

/** `gridlens dr event create`: ranks customers for the event window and stores the event with its targets. */
export async function drEventCreate(config: Pick<GridLensConfig, 'db'>, request: DrEventCreateRequest, warehouse?: Warehouse): Promise<DrEventCreateResult> {
  const started = performance.now();
  const limit = request.targets ?? 50;
  const level = request.signalLevel ?? 2;
  if (!Number.isInteger(limit) || limit < 1) throw new ValidationError(`targets: expected a positive integer, got ${limit}`, { targets: limit });
  if (!Number.isInteger(level) || level < 0 || level > 3) throw new ValidationError(`signal level: expected 0 to 3 (OpenADR SIMPLE), got ${level}`, { signalLevel: level });
  return withStore(config, async (wh) => {
    const program = await programOrDefault(wh, request.programId);
    const { ids, timeZone } = await customerIdsAndZone(wh);
    const w = eventWindow(request.date, request.start ?? '17:00', request.end ?? '20:00', timeZone);
    const eventId = `${program.programId}-${request.date.replaceAll('-', '')}-${String(Math.floor(w.startMinute / 60)).padStart(2, '0')}${String(w.startMinute % 60).padStart(2, '0')}`;
    if ((await wh.query('SELECT 1 FROM dr_events WHERE event_id = ?', [eventId])).length) throw new ValidationError(`event ${eventId} already exists`, { eventId });
    request.onProgress?.({ phase: 'dr.targeting', done: 0, total: ids.length });
    const loads = await loadCustomerLoads(wh, { customerIds: null, firstDay: w.day - defaultTargetingParams.lookbackDays, days: defaultTargetingParams.lookbackDays + 1, utcOffsetMinutes: w.utcOffsetMinutes, calendar: new WorkCalendar() });
    const engagement = await engagementCounts(wh, new Date(w.startMs - ENGAGEMENT_DAYS * MS_PER_DAY), new Date(w.startMs));
    const past = await pastResponses(wh, request.date);
    const window = { startMinute: w.startMinute, endMinute: w.endMinute };
    const scores = [...loads.values()].map((c) => scoreCustomer({
      customerId: c.customerId, load: c.load, engagementEvents: engagement.get(c.customerId) ?? 0,
      pastEvents: past.get(c.customerId)?.events ?? 0, pastResponses: past.get(c.customerId)?.responses ?? 0,
    }, w.day, window));
    request.onProgress?.({ phase: 'dr.targeting', done: ids.length, total: ids.length });
    const ranked = rankTargets(scores, Number.MAX_SAFE_INTEGER).map((s, i): EnrolmentRow => ({ ...s, rank: i + 1 }));
    if (!ranked.length) throw new ValidationError(`no customer has interval data in the ${defaultTargetingParams.lookbackDays} days before ${request.date} to target`, { date: request.date });
    const targets = ranked.slice(0, limit);
    const now = new Date();
    const event: StoredEvent = {
      eventId, programId: program.programId, localDate: request.date, startMinute: w.startMinute, endMinute: w.endMinute, startMs: w.startMs, endMs: w.endMs,
      timeZone, signalLevel: level, status: 'created', targets: targets.map((t) => t.customerId), createdMs: now.getTime(), simulatedMs: null, settledMs: null,
    };
    await wh.transaction(async (tx) => {
      await replaceEnrolments(tx, program.programId, ranked, now);
      await writeEvent(tx, event);
    });
    return { event, program, enrolled: ranked.length, targets, expectedKw: targets.reduce((s, t) => s + t.scoreKw, 0), seconds: (performance.now() - started) / 1000 };
  }, { warehouse });
}

export async function drEventList(config: Pick<GridLensConfig, 'db'>, request: { programId?: string } = {}, warehouse?: Warehouse): Promise<{ events: (Omit<StoredEvent, 'targets'> & { targetCount: number })[] }> {
  return withStore(config, async (wh) => ({
    events: (await listEvents(wh, request.programId)).map(({ targets, ...e }) => ({ ...e, targetCount: targets.length })),
  }), { warehouse });
}

/** One customer's line of an event under the programme's baseline. */
export interface EventCustomerResult {
  readonly customerId: string;
  readonly responded: boolean;
  readonly committedKw: number;
  readonly baselineKwh: number;
  readonly actualKwh: number;
  readonly reductionKwh: number;
  /** Null until the event is settled. */
  readonly paymentCny: number | null;
  readonly penaltyCny: number | null;
}

/**
 * One event with each targeted customer's result under its programme's baseline method (empty
 * before `simulate`): what the dashboard's DR page shows and `gridlens dr settle` pays.
 */
export async function drEventShow(
  config: Pick<GridLensConfig, 'db'>, request: { eventId: string }, warehouse?: Warehouse,
): Promise<{ event: Omit<StoredEvent, 'targets'> & { targetCount: number }; method: string; settlement: EventCustomerResult[] }> {
  return withStore(config, async (wh) => {
    const { targets, ...event } = await readEvent(wh, request.eventId);
    const program = (await readProgram(wh, event.programId))!;
    const rows = await readResults(wh, event.eventId, program.baselineMethod);
    const settlement = rows.map((r) => ({
      customerId: r.customerId, responded: r.responded, committedKw: r.committedKw, baselineKwh: r.baselineKwh, actualKwh: r.actualKwh,
      reductionKwh: r.reductionKwh, paymentCny: r.paymentCny, penaltyCny: r.penaltyCny,
    }));
    return { event: { ...event, targetCount: targets.length }, method: program.baselineMethod, settlement };
  }, { warehouse });
}

/** Delivered reduction of every baseline against what the response model really removed. */
export interface MethodSummary {
  readonly method: string;
  readonly customers: number;
  readonly insufficient: number;
  readonly baselineKwh: number;
  readonly actualKwh: number;
  /** Settled reduction (floored per the programme rule). */
  readonly reductionKwh: number;
  readonly simulatedReductionKwh: number;
  /** (reduction − simulated) / simulated: how far the baseline over- or under-credits. */
  readonly creditError: number | null;
}

export interface DrEventSimulateResult {
  readonly event: StoredEvent;
  readonly program: StoredProgram;
  readonly seed: number;
  readonly targeted: number;
  readonly responded: number;
  /** Targets with no metered load on the event day. */
  readonly skipped: { readonly customerId: string; readonly reason: string }[];
  readonly methods: MethodSummary[];
  readonly seconds: number;
}

/**
 * `gridlens dr event simulate`: applies the response model to each targeted customer's metered
 * event day, then computes the delivered reduction against every baseline (event days and the
 * response itself excluded from comparison days) and stores it per customer and method.
 */
export async function drEventSimulate(config: Pick<GridLensConfig, 'db'>, request: { eventId: string; seed?: number; onProgress?: ProgressListener }, warehouse?: Warehouse): Promise<DrEventSimulateResult> {
  const started = performance.now();
  const seed = request.seed ?? 42;
  return withStore(config, async (wh) => {
    const event = await readEvent(wh, request.eventId);
    if (event.status === 'settled') throw new ValidationError(`event ${event.eventId} is settled; it cannot be simulated again`, { eventId: event.eventId });
    const program = (await readProgram(wh, event.programId))!;
    const w = eventWindow(event.localDate, hhmm(event.startMinute), hhmm(event.endMinute), event.timeZone);
    const enrolments = await readEnrolments(wh, event.programId, event.targets);
    const loads = await loadCustomerLoads(wh, { customerIds: event.targets, firstDay: w.day - HISTORY_DAYS, days: HISTORY_DAYS + 1, utcOffsetMinutes: w.utcOffsetMinutes, calendar: new WorkCalendar() });
    const excludedDays = await eventDaysBefore(wh, event.localDate);
    const weather = await dailyTemperatures(wh, { firstDay: w.day - HISTORY_DAYS, days: HISTORY_DAYS + 1, utcOffsetMinutes: w.utcOffsetMinutes });
    const methods = [...baselineRegistry.values()].filter((m) => !m.needsTemperature || weather);
    const results: StoredResult[] = [];
    const skipped: DrEventSimulateResult['skipped'] = [];
    let responded = 0;
    event.targets.forEach((customerId, i) => {
      request.onProgress?.({ phase: 'dr.simulate', done: i, total: event.targets.length });
      const c = loads.get(customerId);
      const enrolment = enrolments.get(customerId);
      const dayIndex = c ? c.load.dayIndex(w.day) : -1;
      if (!c || !enrolment || dayIndex < 0 || !c.load.isComplete(dayIndex)) {
        skipped.push({ customerId, reason: !enrolment ? 'not enrolled' : 'no complete metered load on the event day' });
        return;
      }
      const [startStep, endStep] = [c.load.stepOf(w.startMinute), c.load.stepOf(w.endMinute)];
      const response = simulateResponse(c.load.day(dayIndex), {
        startStep, endStep, intervalMinutes: c.intervalMinutes, shiftableKw: enrolment.shiftableKw, baseKw: enrolment.baseKw,
        likelihood: enrolment.responseLikelihood, rng: new Mulberry32(seed ^ hashString(customerId)),
      });
      if (response.responded) responded++;
      c.load.setDay(dayIndex, response.actual);
      const truth = response.reductionKwh.reduce((s, v) => s + v, 0);
      for (const method of methods) {
        const row = resultFor(method, { load: c.load, eventDay: w.day, excludedDays, window: { startMinute: w.startMinute, endMinute: w.endMinute }, dailyTemperature: weather?.temperature }, { event, program, customerId, enrolment, responded: response.responded, truth, intervalMinutes: c.intervalMinutes });
        if (row) results.push(row);
      }
    });
    await wh.transaction(async (tx) => {
      await replaceResults(tx, event.eventId, results);
      await setEventStatus(tx, event.eventId, 'simulated', new Date());
    });
    return {
      event: { ...event, status: 'simulated' as const }, program, seed, targeted: event.targets.length, responded, skipped,
      methods: summarise(methods, results, event.targets.length - skipped.length), seconds: (performance.now() - started) / 1000,
    };
  }, { warehouse });
}

function resultFor(method: BaselineMethod, input: Parameters<BaselineMethod['compute']>[0], ctx: {
  event: StoredEvent; program: StoredProgram; customerId: string; enrolment: EnrolmentRow; responded: boolean; truth: number; intervalMinutes: number;
}): StoredResult | null {
  const outcome = method.compute(input);
  if (outcome.kind !== 'baseline') return null;
  const actualDay = input.load.day(input.load.dayIndex(input.eventDay));
  const baseline = Array.from(outcome.kwh.subarray(outcome.startStep, outcome.endStep));
  const actual = Array.from(actualDay.subarray(outcome.startStep, outcome.endStep));
  const s = settleCustomer({ baseline, actual, intervalMinutes: ctx.intervalMinutes, committedKw: ctx.enrolment.scoreKw }, ctx.program);
  return {
    eventId: ctx.event.eventId, customerId: ctx.customerId, method: method.name, responded: ctx.responded, committedKw: ctx.enrolment.scoreKw,
    baselineKwh: s.baselineKwh, actualKwh: s.actualKwh, reductionKwh: s.reductionKwh, simulatedReductionKwh: ctx.truth, paymentCny: null, penaltyCny: null,
    intervals: { baseline, actual },
  };
}

function summarise(methods: readonly BaselineMethod[], results: readonly StoredResult[], simulated: number): MethodSummary[] {
  return methods.map((m) => {
    const rows = results.filter((r) => r.method === m.name);
    const sum = (f: (r: StoredResult) => number) => rows.reduce((s, r) => s + f(r), 0);
    const truth = sum((r) => r.simulatedReductionKwh);
    const reduction = sum((r) => r.reductionKwh);
    return {
      method: m.name, customers: rows.length, insufficient: simulated - rows.length, baselineKwh: sum((r) => r.baselineKwh), actualKwh: sum((r) => r.actualKwh),
      reductionKwh: reduction, simulatedReductionKwh: truth, creditError: truth > 0 ? (reduction - truth) / truth : null,
    };
  });
}

export interface CustomerSettlement extends Settlement {
  readonly customerId: string;
  readonly committedKw: number;
}

export interface DrSettleResult {
  readonly event: StoredEvent;
  readonly program: StoredProgram;
  readonly method: string;
  readonly customers: CustomerSettlement[];
  readonly totals: { readonly reductionKwh: number; readonly paymentCny: number; readonly penaltyCny: number; readonly netCny: number };
}

/** `gridlens dr settle EVENT_ID`: pays each customer's reduction under the programme's baseline and rules. */
export async function drSettle(config: Pick<GridLensConfig, 'db'>, request: { eventId: string }, warehouse?: Warehouse): Promise<DrSettleResult> {
  return withStore(config, async (wh) => {
    const event = await readEvent(wh, request.eventId);
    const program = (await readProgram(wh, event.programId))!;
    baselineMethod(program.baselineMethod);
    const rows = await readResults(wh, event.eventId, program.baselineMethod);
    if (!rows.length) throw new ValidationError(`event ${event.eventId} has no results under ${program.baselineMethod}: run gridlens dr event simulate ${event.eventId} first`, { eventId: event.eventId });
    const intervalMinutes = (event.endMinute - event.startMinute) / rows[0].intervals.baseline.length;
    const customers: CustomerSettlement[] = [];
    const settled = rows.map((r) => {
      const s = settleCustomer({ baseline: r.intervals.baseline, actual: r.intervals.actual, intervalMinutes, committedKw: r.committedKw }, program);
      customers.push({ customerId: r.customerId, committedKw: r.committedKw, baselineKwh: s.baselineKwh, actualKwh: s.actualKwh, reductionKwh: s.reductionKwh, reductionKw: s.reductionKw, paymentCny: s.paymentCny, penaltyCny: s.penaltyCny, netCny: s.netCny });
      return { ...r, reductionKwh: s.reductionKwh, paymentCny: s.paymentCny, penaltyCny: s.penaltyCny };
    });
    const now = new Date();
    await wh.transaction(async (tx) => {
      await replaceResults(tx, event.eventId, settled, program.baselineMethod);
      await setEventStatus(tx, event.eventId, 'settled', now);
    });
    const total = (f: (c: CustomerSettlement) => number) => Math.round(customers.reduce((s, c) => s + f(c), 0) * 100) / 100;
    return {
      event: { ...event, status: 'settled' as const, settledMs: now.getTime() }, program, method: program.baselineMethod, customers,
      totals: { reductionKwh: customers.reduce((s, c) => s + c.reductionKwh, 0), paymentCny: total((c) => c.paymentCny), penaltyCny: total((c) => c.penaltyCny), netCny: total((c) => c.netCny) },
    };
  }, { warehouse });
}

export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
