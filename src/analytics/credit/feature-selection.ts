import type { FeatureBinning } from './feature-binning.js';

export interface SelectionParams {
  /** Features with a lower IV are dropped (0.02: DOMAIN.md's "useless" bound). */
  readonly minIv: number;
  /** A feature whose WoE correlates beyond this (in absolute value) with a stronger selected one is dropped. */
  readonly maxCorrelation: number;
  readonly maxFeatures: number;
}

/** Why a candidate feature is or is not in the scorecard. */
export type SelectionReason = 'selected' | 'low-iv' | 'correlated' | 'limit' | 'wrong-sign';

export interface SelectionDecision {
  readonly feature: string;
  readonly reason: SelectionReason;
  /** The stronger selected feature it correlates with ('correlated'). */
  readonly correlatedWith?: string;
  readonly correlation?: number;
}

/**
 * Greedy selection by information value: candidates in decreasing IV order are kept unless
 * their IV is below `minIv`, the limit is reached, or their WoE column is too correlated with an
 * already kept one. Returns one decision per candidate, in decreasing IV order.
 */
export function selectFeatures(binnings: readonly FeatureBinning[], woe: ReadonlyMap<string, Float64Array>, params: SelectionParams): SelectionDecision[] {
  const kept: string[] = [];
  return [...binnings]
    .sort((a, b) => b.iv - a.iv || a.feature.localeCompare(b.feature))
    .map((binning): SelectionDecision => {
      const feature = binning.feature;
      if (binning.iv < params.minIv) return { feature, reason: 'low-iv' };
      if (kept.length >= params.maxFeatures) return { feature, reason: 'limit' };
      const clash = strongestCorrelation(woe.get(feature)!, kept, woe);
      if (clash && Math.abs(clash.correlation) > params.maxCorrelation) {
        return { feature, reason: 'correlated', correlatedWith: clash.feature, correlation: clash.correlation };
      }
      kept.push(feature);
      return { feature, reason: 'selected' };
    });
}

function strongestCorrelation(column: Float64Array, kept: readonly string[], woe: ReadonlyMap<string, Float64Array>) {
  let best: { feature: string; correlation: number } | undefined;
  for (const other of kept) {
    const correlation = pearson(column, woe.get(other)!);
    if (!best || Math.abs(correlation) > Math.abs(best.correlation)) best = { feature: other, correlation };
  }
  return best;
}

/** Pearson correlation; 0 when either column is constant. */
export function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}
