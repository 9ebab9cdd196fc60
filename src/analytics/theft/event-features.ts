import type { TamperRow } from './roster-queries.js';
import { clamp, finiteOr, median } from './series-stats.js';
import type { UsagePanel } from './usage-panel.js';

/** Names of the meter-event and reverse-energy features, in order. */
export const eventFeatureNames = ['tamper_events', 'tamper_drop', 'reverse_share', 'negative_readings'] as const;
export type EventFeatures = Readonly<Record<(typeof eventFeatureNames)[number], number>>;

/** Tamper events of one meter: how many, and the local day of the first. */
export interface MeterTamper {
  readonly count: number;
  readonly firstDay: number;
  readonly types: readonly string[];
}

/** Groups tamper rows by meter. */
export function tamperByMeter(rows: readonly TamperRow[]): Map<number, MeterTamper> {
  const out = new Map<number, MeterTamper>();
  for (const r of rows) {
    const seen = out.get(r.meterId);
    out.set(r.meterId, {
      count: (seen?.count ?? 0) + r.count,
      firstDay: Math.min(seen?.firstDay ?? Infinity, r.firstDay),
      types: [...(seen?.types ?? []), r.eventType].sort(),
    });
  }
  return out;
}

/**
 * Tamper and cover-open events, how much usage fell in the weeks after the first one, and energy
 * flowing backwards through a meter that has no PV (export readings or negative import readings).
 */
export function eventFeatures(panel: UsagePanel, meter: number, relative: Float64Array, tamper: MeterTamper | undefined, windowDays: number): EventFeatures {
  const exported = sum(panel.series(meter, 'exportKwh'));
  const imported = sum(panel.series(meter, 'kwh'));
  const noPv = !panel.meters[meter].hasExport;
  return {
    tamper_events: tamper?.count ?? 0,
    tamper_drop: tamper ? dropAround(relative, tamper.firstDay - panel.shape.firstDay, windowDays) : 0,
    reverse_share: noPv && imported > 0 ? exported / imported : 0,
    negative_readings: noPv ? panel.negatives[meter] : 0,
  };
}

/** 1 − median after / median before day `at`, over `windowDays` each side. */
function dropAround(relative: Float64Array, at: number, windowDays: number): number {
  const before = median(relative, at - windowDays, at);
  const after = median(relative, at, at + windowDays);
  return before > 0 ? clamp(finiteOr(1 - after / before, 0), -1, 1) : 0;
}

function sum(values: Float32Array): number {
  let total = 0;
  for (const v of values) if (Number.isFinite(v)) total += v;
  return total;
}
