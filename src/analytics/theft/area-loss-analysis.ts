import { identifyGroup, type GroupSuspect } from './group-identification.js';
import { areaBalances, judgeAreaLoss, type AreaBalance, type AreaLossVerdict, type LossReason, type LossThresholds } from './line-loss.js';
import type { PeerGroups } from './peer-groups.js';
import type { AreaDayRow } from './roster-queries.js';
import type { UsagePanel } from './usage-panel.js';

/** A suspect of group identification, named. */
export interface AreaSuspect {
  readonly rank: number;
  readonly customerId: string;
  readonly meterId: number;
  readonly score: number;
  readonly correlation: number;
  readonly dropShare: number;
  readonly stepMatch: number;
}

/** One transformer area's line loss, as reported. Rates are shares (0.06 = 6%). */
export interface AreaLossSummary {
  readonly areaId: string;
  readonly customers: number;
  readonly days: number;
  readonly medianRate: number;
  readonly recentRate: number;
  readonly daysAbove: number;
  readonly recentShareAbove: number;
  /** Loss rate before and after the largest step up, its size and standardised size, and its first day. */
  readonly baselineRate: number | null;
  readonly currentRate: number | null;
  readonly rise: number;
  readonly riseZ: number;
  readonly stepDate: string | null;
  readonly lossKwh: number;
  readonly flagged: boolean;
  readonly reasons: readonly LossReason[];
  /** Group identification: the customers whose usage moves most against the area's loss. */
  readonly suspects: readonly AreaSuspect[];
}

/** What each meter takes from its area's analysis. */
export interface MeterLossLink {
  readonly areaId: string;
  readonly suspect: GroupSuspect;
  /** 1-based place in the area's group identification. */
  readonly rank: number;
  readonly areaRise: number;
  readonly areaFlagged: boolean;
}

export interface AreaLossSettings extends LossThresholds {
  readonly minDayCoverage: number;
  readonly blockDays: number;
  /** Suspects kept per area summary. */
  readonly suspectsPerArea: number;
}

export interface AreaLossAnalysis {
  readonly areas: AreaLossSummary[];
  readonly byMeter: ReadonlyMap<number, MeterLossLink>;
}

/** Line loss of every transformer area, its flags, and group identification of its customers. */
export function analyseAreaLoss(panel: UsagePanel, peers: PeerGroups, areaDays: readonly AreaDayRow[], s: AreaLossSettings): AreaLossAnalysis {
  const areas: AreaLossSummary[] = [];
  const byMeter = new Map<number, MeterLossLink>();
  for (const balance of areaBalances(panel, peers, areaDays, s.minDayCoverage)) {
    const verdict = judgeAreaLoss(balance, s);
    const ranked = identifyGroup(panel, peers, balance, verdict, s.blockDays);
    ranked.forEach((suspect, i) => byMeter.set(suspect.meter, {
      areaId: balance.areaId, suspect, rank: i + 1, areaRise: verdict.rise, areaFlagged: verdict.flagged,
    }));
    areas.push(summarise(panel, balance, verdict, ranked.slice(0, s.suspectsPerArea)));
  }
  return { areas, byMeter };
}

function summarise(panel: UsagePanel, balance: AreaBalance, v: AreaLossVerdict, suspects: readonly GroupSuspect[]): AreaLossSummary {
  const usable = balance.rate.filter((x) => !Number.isNaN(x));
  return {
    areaId: balance.areaId,
    customers: balance.meters.length,
    days: usable.length,
    medianRate: v.medianRate,
    recentRate: v.recentRate,
    daysAbove: v.daysAbove,
    recentShareAbove: v.recentShareAbove,
    baselineRate: v.shift?.before ?? null,
    currentRate: v.shift?.after ?? null,
    rise: v.rise,
    riseZ: v.shift?.z ?? 0,
    stepDate: v.shift ? isoDay(panel.shape.firstDay + v.shift.index) : null,
    lossKwh: balance.loss.reduce((sum, x) => (Number.isNaN(x) ? sum : sum + x), 0),
    flagged: v.flagged,
    reasons: v.reasons,
    suspects: suspects.map((s, i) => ({
      rank: i + 1, customerId: panel.meters[s.meter].customerId, meterId: panel.meters[s.meter].meterId,
      score: s.score, correlation: s.correlation, dropShare: s.dropShare, stepMatch: s.stepMatch,
    })),
  };
}

/** 'YYYY-MM-DD' of a local day number. */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
