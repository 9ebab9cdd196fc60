import { InsufficientDataError } from '../../../core/errors.js';

/** The quantile levels forecasts report by default: an 80% interval and the median. */
export const DEFAULT_QUANTILES: readonly number[] = [0.1, 0.5, 0.9];

/** Fewer residuals than this in a group fall back to the pooled residuals. */
const MIN_GROUP_SIZE = 50;

/**
 * Prediction intervals from the empirical distribution of a model's residuals (actual − point),
 * optionally per group (e.g. hour of day, where errors differ most): the q-quantile forecast is
 * the point forecast plus the q-quantile of the residuals of its group.
 */
export class ResidualQuantiles {
  private constructor(
    private readonly pooled: Float64Array,
    private readonly groups: ReadonlyMap<number, Float64Array>,
  ) {}

  /** Residuals with NaN skipped; `groupOf[i]` (optional) is residual i's group. */
  static fit(residuals: ArrayLike<number>, groupOf?: ArrayLike<number>): ResidualQuantiles {
    const pooled: number[] = [];
    const grouped = new Map<number, number[]>();
    for (let i = 0; i < residuals.length; i++) {
      const r = residuals[i];
      if (r !== r) continue;
      pooled.push(r);
      if (!groupOf) continue;
      const list = grouped.get(groupOf[i]) ?? [];
      list.push(r);
      grouped.set(groupOf[i], list);
    }
    if (pooled.length < MIN_GROUP_SIZE) throw new InsufficientDataError('residuals for prediction intervals', pooled.length / MIN_GROUP_SIZE, 1);
    const sorted = (values: number[]) => Float64Array.from(values).sort();
    const groups = new Map([...grouped].filter(([, v]) => v.length >= MIN_GROUP_SIZE).map(([g, v]) => [g, sorted(v)]));
    return new ResidualQuantiles(sorted(pooled), groups);
  }

  /** The residual quantile at `level` of a group (pooled when the group is unknown or small). */
  offset(level: number, group?: number): number {
    const values = (group !== undefined && this.groups.get(group)) || this.pooled;
    return quantileOfSorted(values, level);
  }

  /** Quantile forecasts for each level: point + the residual quantile of each row's group. */
  apply(point: Float64Array, levels: readonly number[], groupOf?: ArrayLike<number>): Map<number, Float64Array> {
    const out = new Map<number, Float64Array>();
    for (const level of levels) {
      const cache = new Map<number | undefined, number>();
      out.set(level, point.map((p, i) => {
        const group = groupOf?.[i];
        let offset = cache.get(group);
        if (offset === undefined) {
          offset = this.offset(level, group);
          cache.set(group, offset);
        }
        return p + offset;
      }));
    }
    return out;
  }
}

/** Linear interpolation between order statistics (numpy's default) of sorted values. */
export function quantileOfSorted(sorted: Float64Array, level: number): number {
  const pos = level * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}
