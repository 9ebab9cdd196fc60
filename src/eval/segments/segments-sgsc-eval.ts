import { fitSegmentModel, type ProfileBlock, type RowMatrix } from '../../analytics/segments/index.js';
import { DEFAULT_SEED, type EvalOptions, type EvalResult } from '../credit/eval-types.js';
import { StepTimer } from '../credit/step-timer.js';
import { DEFAULT_DATA_DIR } from '../datasets/index.js';
import { loadSgscHouseholds, SGSC_STEPS_PER_DAY, type Household } from '../theft/sgsc-households.js';

export const SEGMENTS_SGSC_EVAL_NAME = 'segments-sgsc';
export const SEGMENTS_SGSC_EVAL_DESCRIPTION =
  'Clustering of household-days of the SGSC smart-meter sample (10 Ausgrid households, half-hourly, 2012–2014): ' +
  'k-means on normalised 24-hour shapes, k by the Calinski–Harabasz ratio with a silhouette guard, each segment described (shape, size, households, weekdays)';

const DAY_BLOCK: readonly ProfileBlock[] = [{ season: 'all', dayKind: 'any' }];

interface DayRows {
  readonly matrix: RowMatrix;
  readonly household: string[];
  readonly weekday: Int32Array;
  readonly month: Int32Array;
  readonly skipped: number;
}

/** Complete days (48 readings, positive total) as normalised hourly shapes, one row per household-day. */
export function householdDays(households: readonly Household[]): DayRows {
  const values: number[] = [];
  const household: string[] = [];
  const weekday: number[] = [];
  const month: number[] = [];
  let skipped = 0;
  for (const h of households) {
    for (let d = 0; d < h.days; d++) {
      const day = h.kwh.subarray(d * SGSC_STEPS_PER_DAY, (d + 1) * SGSC_STEPS_PER_DAY);
      let total = 0;
      let complete = true;
      for (const v of day) {
        if (Number.isNaN(v)) complete = false;
        else total += v;
      }
      if (!complete || total <= 0) {
        skipped++;
        continue;
      }
      for (let hr = 0; hr < 24; hr++) values.push((day[2 * hr] + day[2 * hr + 1]) / total);
      household.push(h.id);
      const date = new Date((h.firstDay + d) * 86_400_000);
      weekday.push(date.getUTCDay());
      month.push(date.getUTCMonth() + 1);
    }
  }
  return { matrix: { values: Float64Array.from(values), rows: household.length, cols: 24 }, household, weekday: Int32Array.from(weekday), month: Int32Array.from(month), skipped };
}

export async function runSegmentsSgscEval(options: EvalOptions = {}): Promise<EvalResult> {
  const timer = new StepTimer();
  const seed = options.seed ?? DEFAULT_SEED;
  const households = await timer.runAsync('load', () => loadSgscHouseholds(options.dataDir ?? DEFAULT_DATA_DIR));
  const days = timer.run('shapes', () => householdDays(households));
  const fit = timer.run('cluster', () => fitSegmentModel(days.matrix, DAY_BLOCK, { seed, restarts: 4, kMin: 3, kMax: 10 }));
  const chosen = fit.model.candidates.find((c) => c.k === fit.model.k);
  const segments = fit.model.segments.map((s) => {
    const members = [...fit.segments.keys()].filter((i) => fit.segments[i] === s.segment);
    const weekend = members.filter((i) => days.weekday[i] === 0 || days.weekday[i] === 6).length / Math.max(1, members.length);
    const byHousehold = new Map<string, number>();
    for (const i of members) byHousehold.set(days.household[i], (byHousehold.get(days.household[i]) ?? 0) + 1);
    const summer = members.filter((i) => [12, 1, 2].includes(days.month[i])).length / Math.max(1, members.length);
    return {
      segment: s.segment, size: s.size, share: s.share, name: s.name, text: s.text, peakHour: s.facts.peakHour,
      weekendShare: weekend, australianSummerShare: summer, households: byHousehold.size,
      topHouseholds: [...byHousehold].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id, n]) => ({ household: id, days: n })),
    };
  });
  const checks = [
    { name: 'household-days clustered', passed: days.matrix.rows > 1000, detail: `${days.matrix.rows} complete days (${days.skipped} incomplete left out)` },
    { name: 'k chosen, clusters separated', passed: chosen !== undefined && chosen.silhouette > 0, detail: `k = ${fit.model.k}: Calinski–Harabasz ${chosen?.calinskiHarabasz.toFixed(1)}, silhouette ${chosen?.silhouette.toFixed(3)}, Davies–Bouldin ${chosen?.daviesBouldin.toFixed(3)}` },
    { name: 'every segment described', passed: segments.every((s) => s.text.en.length > 0 && s.text['zh-CN'].length > 0), detail: `${segments.length} segments with zh-CN and en descriptions` },
  ];
  return {
    name: SEGMENTS_SGSC_EVAL_NAME, description: SEGMENTS_SGSC_EVAL_DESCRIPTION, passed: checks.every((c) => c.passed),
    metrics: { householdDays: days.matrix.rows, k: fit.model.k, calinskiHarabasz: chosen?.calinskiHarabasz ?? Number.NaN, silhouette: chosen?.silhouette ?? Number.NaN, daviesBouldin: chosen?.daviesBouldin ?? Number.NaN },
    reference: { metric: 'silhouette of the chosen k (no published clustering benchmark for this sample)', low: 0, high: 1, minimum: 0, source: 'exploratory use only (Gupta et al. 2021)' },
    checks, details: { seed, rule: fit.model.rule, candidates: fit.model.candidates, segments }, timings: timer.timings,
  };
}
