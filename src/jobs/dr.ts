import { baselineMethod, baselineRegistry, buildOpenAdr3Export, type OpenAdr3Export } from '../analytics/dr/index.js';
import type { GridLensConfig } from '../core/config.js';
import { ValidationError } from '../core/errors.js';
import { isoDateOfEpochDay, WorkCalendar } from '../core/time/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { HISTORY_DAYS, hhmm } from './dr-events.js';
import { customerExists, dailyTemperatures, eventDaysBefore, loadCustomerLoads, readEvent, readProgram, readResults } from './dr-store.js';
import { eventWindow } from './dr-time.js';
import { withStore } from './store.js';

export * from './dr-events.js';
export * from './dr-programs.js';
export type { StoredEvent, StoredProgram } from './dr-store.js';

export interface DrBaselineRequest {
  readonly customerId: string;
  /** Local date of the (pseudo-)event, YYYY-MM-DD. */
  readonly date: string;
  /** One registry method; all of them when absent. */
  readonly method?: string;
  readonly start?: string;
  readonly end?: string;
}

export interface BaselineInterval {
  /** Local start time HH:MM. */
  readonly time: string;
  readonly baselineKwh: number;
  readonly actualKwh: number | null;
}

export interface MethodBaseline {
  readonly method: string;
  readonly description: string;
  readonly status: 'baseline' | 'insufficient';
  /** Comparison days used (local dates, newest first). */
  readonly days: string[];
  readonly adjustment: { readonly kind: string; readonly raw: number; readonly applied: number; readonly capped: boolean } | null;
  readonly baselineKwh: number | null;
  readonly actualKwh: number | null;
  readonly intervals: BaselineInterval[];
  /** Why no baseline: too few eligible days (how many were found and needed) or no event-day temperature. */
  readonly reason?: 'eligible-days' | 'temperature';
  readonly eligibleDays?: number;
  readonly required?: number;
}

export interface DrBaselineResult {
  readonly customerId: string;
  readonly date: string;
  readonly window: { readonly start: string; readonly end: string; readonly timeZone: string };
  readonly intervalMinutes: number;
  /** Station whose daily temperatures the weather-matched baseline used (null: method not run). */
  readonly weatherStation: string | null;
  readonly dayKind: 'workday' | 'weekend' | 'holiday';
  readonly excludedEventDays: string[];
  readonly methods: MethodBaseline[];
}

const KINDS = ['workday', 'weekend', 'holiday'] as const;

/** `gridlens dr baseline`: a customer's baseline for a date and window under one or every method. */
export async function drBaseline(config: Pick<GridLensConfig, 'db'>, request: DrBaselineRequest, warehouse?: Warehouse): Promise<DrBaselineResult> {
  const requested = request.method ? [baselineMethod(request.method)] : [...baselineRegistry.values()];
  return withStore(config, async (wh) => {
    const timeZone = await customerExists(wh, request.customerId);
    const start = request.start ?? '17:00', end = request.end ?? '20:00';
    const w = eventWindow(request.date, start, end, timeZone);
    const weather = await dailyTemperatures(wh, { firstDay: w.day - HISTORY_DAYS, days: HISTORY_DAYS + 1, utcOffsetMinutes: w.utcOffsetMinutes });
    if (request.method && requested[0].needsTemperature && !weather) {
      throw new ValidationError(`baseline ${request.method} needs daily temperatures: the store must hold exactly one weather station`, { method: request.method });
    }
    const methods = requested.filter((m) => !m.needsTemperature || weather);
    const loads = await loadCustomerLoads(wh, { customerIds: [request.customerId], firstDay: w.day - HISTORY_DAYS, days: HISTORY_DAYS + 1, utcOffsetMinutes: w.utcOffsetMinutes, calendar: new WorkCalendar() });
    const c = loads.get(request.customerId);
    if (!c) throw new ValidationError(`customer ${request.customerId} has no interval readings in the ${HISTORY_DAYS} days before ${request.date}`, { customerId: request.customerId });
    const excluded = await eventDaysBefore(wh, request.date);
    const window = { startMinute: w.startMinute, endMinute: w.endMinute };
    const actualDay = c.load.day(c.load.dayIndex(w.day));
    return {
      customerId: request.customerId, date: request.date, window: { start, end, timeZone }, intervalMinutes: c.intervalMinutes, weatherStation: weather?.stationId ?? null,
      dayKind: KINDS[c.load.dayKinds[c.load.dayIndex(w.day)]], excludedEventDays: [...excluded].sort().map(isoDateOfEpochDay),
      methods: methods.map((m): MethodBaseline => {
        const outcome = m.compute({ load: c.load, eventDay: w.day, window, excludedDays: excluded, dailyTemperature: weather?.temperature });
        if (outcome.kind === 'insufficient') {
          return {
            method: m.name, description: m.description, status: 'insufficient', reason: outcome.reason, days: [], adjustment: null, baselineKwh: null, actualKwh: null, intervals: [],
            eligibleDays: outcome.eligibleDays, required: outcome.required,
          };
        }
        const intervals: BaselineInterval[] = [];
        for (let s = outcome.startStep; s < outcome.endStep; s++) {
          intervals.push({ time: hhmm(s * c.intervalMinutes), baselineKwh: outcome.kwh[s], actualKwh: Number.isNaN(actualDay[s]) ? null : actualDay[s] });
        }
        const actualKnown = intervals.every((i) => i.actualKwh !== null);
        return {
          method: m.name, description: m.description, status: 'baseline', days: outcome.days.map(isoDateOfEpochDay), adjustment: outcome.adjustment,
          baselineKwh: intervals.reduce((s, i) => s + i.baselineKwh, 0), actualKwh: actualKnown ? intervals.reduce((s, i) => s + (i.actualKwh ?? 0), 0) : null, intervals,
        };
      }),
    };
  }, { warehouse });
}

/** `gridlens dr export EVENT_ID --format openadr3`: the programme, event and (once simulated) reports, schema-checked. */
export async function drExport(config: Pick<GridLensConfig, 'db'>, request: { eventId: string; format: string }, warehouse?: Warehouse): Promise<OpenAdr3Export> {
  if (request.format !== 'openadr3') throw new ValidationError(`export format "${request.format}" is not supported (supported: openadr3)`, { format: request.format });
  return withStore(config, async (wh) => {
    const event = await readEvent(wh, request.eventId);
    const program = (await readProgram(wh, event.programId))!;
    const results = await readResults(wh, event.eventId, program.baselineMethod);
    const intervalMinutes = results.length ? (event.endMinute - event.startMinute) / results[0].intervals.baseline.length : event.endMinute - event.startMinute;
    const offset = eventWindow(event.localDate, hhmm(event.startMinute), hhmm(event.endMinute), event.timeZone).utcOffsetMinutes;
    return buildOpenAdr3Export({ ...program, utcOffsetMinutes: offset }, {
      eventId: event.eventId, startMs: event.startMs, endMs: event.endMs, intervalMinutes, signalLevel: event.signalLevel, targets: event.targets,
      createdMs: event.createdMs, modifiedMs: event.settledMs ?? event.simulatedMs ?? event.createdMs,
    }, results.map((r) => ({ customerId: r.customerId, baseline: r.intervals.baseline, actual: r.intervals.actual })));
  }, { warehouse });
}

