import { WorkCalendar } from '../../core/time/index.js';
import { indexDeliveries, type DeliveryIndex } from './deliveries.js';
import { localDays, type LocalDays } from './local-days.js';
import type { MeterSeries } from './meter-series.js';

export interface VeeOptions {
  /** "Now" for the future-value check and for which slots are due; default `Date.now()`. */
  readonly nowMs?: number;
  /** Holidays and make-up working days; default the Chinese statutory calendar. */
  readonly calendar?: WorkCalendar;
}

/**
 * What checks and estimators share about a series' time axis: local days and their kinds, which
 * slots are due, and the delivery index. It depends on the time axis and the deliveries, never on
 * the values, so one context serves the delivered series and its corrected working copy.
 */
export interface VeeContext {
  readonly nowMs: number;
  readonly calendar: WorkCalendar;
  readonly days: LocalDays;
  /** `DayKind` of each local day. */
  readonly dayKind: Uint8Array;
  /** Slots `[0, dueEnd)` have ended by `nowMs`; later slots cannot be missing yet. */
  readonly dueEnd: number;
  /** Delivered timestamps grouped by slot, when the series carries raw deliveries. */
  readonly deliveryIndex: DeliveryIndex | undefined;
}

const defaultCalendar = new WorkCalendar();

export function createVeeContext(series: MeterSeries, options: VeeOptions = {}): VeeContext {
  const nowMs = options.nowMs ?? Date.now();
  const calendar = options.calendar ?? defaultCalendar;
  const days = localDays(series.startMs, series.intervalMs, series.length, series.timeZone);
  const dayKind = new Uint8Array(days.count);
  for (let d = 0; d < days.count; d++) dayKind[d] = calendar.dayKind(days.firstEpochDay + d);
  const deliveries = series.context.deliveries;
  return {
    nowMs,
    calendar,
    days,
    dayKind,
    dueEnd: slotsEndedBy(series, nowMs),
    deliveryIndex: deliveries ? indexDeliveries(deliveries, series.startMs, series.intervalMs, series.length) : undefined,
  };
}

/** Number of leading slots whose interval has ended by `ms`. */
export function slotsEndedBy(series: MeterSeries, ms: number): number {
  return Math.max(0, Math.min(series.length, Math.floor((ms - series.startMs) / series.intervalMs)));
}
