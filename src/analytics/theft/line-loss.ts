import { largestLevelShift, type LevelShift } from './change-point.js';
import { groupBy } from './group-by.js';
import type { PeerGroups } from './peer-groups.js';
import type { AreaDayRow } from './roster-queries.js';
import { median } from './series-stats.js';
import type { UsagePanel } from './usage-panel.js';

/** One transformer area's daily energy balance on the panel's calendar (NaN = day not usable). */
export interface AreaBalance {
  readonly areaId: string;
  /** Meter positions of the area's customers. */
  readonly meters: readonly number[];
  /** Area meter (台区总表) input, kWh per day. */
  readonly input: Float64Array;
  /** Σ customer import and Σ export (PV), kWh per day; a missing customer day is estimated from its peers. */
  readonly imported: Float64Array;
  readonly exported: Float64Array;
  /** input − imported + exported. */
  readonly loss: Float64Array;
  /** loss / input. */
  readonly rate: Float64Array;
}

export interface LossThresholds {
  /** Daily loss rate above which a day counts as high (e.g. 0.06). */
  readonly lossThreshold: number;
  /** Share of the recent days above the threshold that flags the area. */
  readonly lossDayShare: number;
  readonly lossRecentDays: number;
  /** Rise over the area's own baseline (absolute) and its standardised size that flag the area. */
  readonly lossRise: number;
  readonly lossRiseZ: number;
  readonly minSegmentDays: number;
}

export type LossReason = 'above_threshold' | 'rise_over_baseline';

/** How an area's loss behaves: level, recent days above threshold and the largest step up. */
export interface AreaLossVerdict {
  readonly medianRate: number;
  readonly recentRate: number;
  readonly recentShareAbove: number;
  readonly daysAbove: number;
  readonly shift: LevelShift | null;
  /** after − before of the largest step up (0 when none). */
  readonly rise: number;
  readonly flagged: boolean;
  readonly reasons: readonly LossReason[];
}

/**
 * Daily energy balance per transformer area: loss rate = (area input − Σ customer import + Σ export)
 * / area input. Days with less than `minCoverage` of the area meter's intervals are left out; the
 * area meter's interval count per day is taken as the most it reports on any day.
 */
export function areaBalances(panel: UsagePanel, peers: PeerGroups, areaDays: readonly AreaDayRow[], minCoverage: number): AreaBalance[] {
  const byArea = groupBy(areaDays, (r) => r.areaId);
  const metersByArea = groupBy(panel.meters.map((_, i) => i), (i) => panel.meters[i].areaId);
  const out: AreaBalance[] = [];
  for (const [areaId, rows] of [...byArea].sort(([a], [b]) => a.localeCompare(b))) {
    const meters = metersByArea.get(areaId) ?? [];
    if (meters.length === 0) continue;
    out.push(balanceOf(areaId, meters, areaInput(panel, rows, minCoverage), panel, peers));
  }
  return out;
}

function areaInput(panel: UsagePanel, rows: readonly AreaDayRow[], minCoverage: number): Float64Array {
  const input = new Float64Array(panel.nDays).fill(Number.NaN);
  const expected = Math.max(...rows.map((r) => r.n));
  for (const r of rows) {
    const d = r.day - panel.shape.firstDay;
    if (d >= 0 && d < panel.nDays && r.n >= minCoverage * expected) input[d] = (r.kwh * expected) / r.n;
  }
  return input;
}

function balanceOf(areaId: string, meters: readonly number[], input: Float64Array, panel: UsagePanel, peers: PeerGroups): AreaBalance {
  const n = panel.nDays;
  const imported = new Float64Array(n);
  const exported = new Float64Array(n);
  for (const m of meters) {
    const kwh = panel.series(m, 'kwh');
    const exp = panel.series(m, 'exportKwh');
    const index = peers.index(m);
    for (let d = 0; d < n; d++) {
      imported[d] += Number.isNaN(kwh[d]) ? peers.baseline[m] * index[d] : kwh[d];
      exported[d] += exp[d];
    }
  }
  const loss = Float64Array.from(input, (v, d) => v - imported[d] + exported[d]);
  const rate = Float64Array.from(loss, (v, d) => (input[d] > 0 ? v / input[d] : Number.NaN));
  return { areaId, meters, input, imported, exported, loss, rate };
}

/** Judges an area's loss series against the absolute threshold and against its own baseline. */
export function judgeAreaLoss(balance: AreaBalance, t: LossThresholds): AreaLossVerdict {
  const rate = balance.rate;
  const recentStart = Math.max(0, rate.length - t.lossRecentDays);
  let recentDays = 0;
  let recentAbove = 0;
  let daysAbove = 0;
  rate.forEach((v, d) => {
    if (Number.isNaN(v)) return;
    if (v > t.lossThreshold) daysAbove++;
    if (d < recentStart) return;
    recentDays++;
    if (v > t.lossThreshold) recentAbove++;
  });
  const recentShareAbove = recentDays > 0 ? recentAbove / recentDays : 0;
  const shift = largestLevelShift(rate, t.minSegmentDays, 'up', 0.002);
  const rise = shift ? shift.after - shift.before : 0;
  const reasons: LossReason[] = [];
  if (recentShareAbove >= t.lossDayShare) reasons.push('above_threshold');
  if (shift && rise >= t.lossRise && shift.z >= t.lossRiseZ) reasons.push('rise_over_baseline');
  return {
    medianRate: median(rate), recentRate: median(rate, recentStart), recentShareAbove, daysAbove, shift, rise,
    flagged: reasons.length > 0, reasons,
  };
}
