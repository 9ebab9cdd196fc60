import type { FaultedSeries } from './anomalies/index.js';

/** A value the store does not keep because a later delivery replaced it, or an identical re-send. */
export interface SupersededDelivery {
  readonly index: number;
  readonly kwh: number;
  /** 0 = arrived before the kept value, 2 = after it (an identical re-send). */
  readonly delivery: 0 | 2;
}

export interface ReportedSeries {
  /** Value per interval slot; NaN where nothing was reported. */
  readonly kwh: Float64Array;
  readonly superseded: SupersededDelivery[];
}

/** Smart meters resolve 1 Wh: values are kept with three decimals of a kWh. */
export const quantizeKwh = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * What the store holds after de-duplication of what the head-end exported: one value per interval
 * slot, the latest delivery winning (clock-shifted values land on the slot of their wrong timestamp
 * and replace what was there; corrected re-sends replace the first delivery).
 */
export function reportedSeries(series: FaultedSeries): ReportedSeries {
  const n = series.values.length;
  const kwh = new Float64Array(n).fill(Number.NaN);
  const superseded: SupersededDelivery[] = [];
  const { values, present, timeShiftSteps } = series;
  for (let i = 0; i < n; i++) if (present[i] === 1 && timeShiftSteps[i] === 0) kwh[i] = quantizeKwh(values[i]);
  for (let i = 0; i < n; i++) {
    if (present[i] !== 1 || timeShiftSteps[i] === 0) continue;
    const slot = i + timeShiftSteps[i];
    if (slot < 0 || slot >= n) continue;
    if (!Number.isNaN(kwh[slot])) superseded.push({ index: slot, kwh: kwh[slot], delivery: 0 });
    kwh[slot] = quantizeKwh(values[i]);
  }
  for (const extra of series.extra) {
    const value = quantizeKwh(extra.value);
    if (value === kwh[extra.index]) {
      superseded.push({ index: extra.index, kwh: value, delivery: 2 });
    } else {
      if (!Number.isNaN(kwh[extra.index])) superseded.push({ index: extra.index, kwh: kwh[extra.index], delivery: 0 });
      kwh[extra.index] = value;
    }
  }
  return { kwh, superseded };
}
