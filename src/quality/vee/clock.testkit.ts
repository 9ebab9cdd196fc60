import { deliveriesFromRecords, slotDeliveries, type Deliveries } from './deliveries.js';
import { daily, hour, monday } from './series.testkit.js';

/** A household-like hourly profile with a morning and an evening peak and a little day-to-day variation. */
export function shapedTruth(days: number): number[] {
  return daily(days, (h, d) => +(((0.3 + 1.2 * Math.exp(-((h - 19) ** 2) / 4) + 0.6 * Math.exp(-((h - 8) ** 2) / 2)) * (1 + 0.05 * Math.sin(d + h)))).toFixed(3));
}

/**
 * What a head-end delivers when the meter clock is off by `shift` hours for the intervals
 * `[start, end)`: reading i stamped at slot i + shift, readings in time order.
 */
export function clockShifted(truth: readonly number[], start: number, end: number, shift: number): { deliveries: Deliveries; values: Float64Array } {
  const records = truth.map((value, i) => ({ tsMs: monday + (i + (i >= start && i < end ? shift : 0)) * hour, value, arrival: i }));
  const deliveries = deliveriesFromRecords(records);
  return { deliveries, values: slotDeliveries(deliveries, monday, 60, truth.length) };
}
