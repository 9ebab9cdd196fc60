/**
 * Small robust statistics over numeric arrays. NaN marks a missing value and is skipped by every
 * function here; an empty input gives NaN.
 */

/** The finite values of `values[start, end)`. */
export function present(values: ArrayLike<number>, start = 0, end = values.length): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, start); i < Math.min(end, values.length); i++) if (Number.isFinite(values[i])) out.push(values[i]);
  return out;
}

export function mean(values: ArrayLike<number>, start = 0, end = values.length): number {
  let sum = 0;
  let n = 0;
  for (let i = Math.max(0, start); i < Math.min(end, values.length); i++) {
    if (Number.isFinite(values[i])) {
      sum += values[i];
      n++;
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}

/** Quantile by linear interpolation between order statistics (type 7, as numpy's default). */
export function quantile(values: ArrayLike<number>, q: number, start = 0, end = values.length): number {
  const sorted = present(values, start, end).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function median(values: ArrayLike<number>, start = 0, end = values.length): number {
  return quantile(values, 0.5, start, end);
}

/** Median absolute deviation scaled to the standard deviation of a normal distribution (×1.4826). */
export function mad(values: ArrayLike<number>, center = median(values)): number {
  const deviations = present(values).map((v) => Math.abs(v - center));
  return 1.4826 * median(deviations);
}

/** Pearson correlation over the positions where both values are present; NaN if undefined. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const a = x[i];
    const b = y[i];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    n++; sx += a; sy += b; sxx += a * a; syy += b * b; sxy += a * b;
  }
  if (n < 3) return Number.NaN;
  const cov = sxy - (sx * sy) / n;
  const vx = sxx - (sx * sx) / n;
  const vy = syy - (sy * sy) / n;
  return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : Number.NaN;
}

/** Ranks (1-based, ties averaged) of the present values; NaN stays NaN. */
export function ranksOf(values: ArrayLike<number>): Float64Array {
  const idx = Array.from({ length: values.length }, (_, i) => i).filter((i) => Number.isFinite(values[i]));
  idx.sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(values.length).fill(Number.NaN);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && values[idx[j + 1]] === values[idx[i]]) j++;
    for (let k = i; k <= j; k++) ranks[idx[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return ranks;
}

/** Spearman rank correlation over the positions where both values are present. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const both = Array.from({ length: Math.min(x.length, y.length) }, (_, i) => i).filter((i) => Number.isFinite(x[i]) && Number.isFinite(y[i]));
  return pearson(ranksOf(both.map((i) => x[i])), ranksOf(both.map((i) => y[i])));
}

/** `value` if finite, otherwise `fallback`. */
export function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
