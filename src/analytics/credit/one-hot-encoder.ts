import { z } from 'zod';
import { Dataset } from '../ml/dataset.js';
import type { CreditDataset } from './credit-dataset.js';

/** One column of the encoded matrix: a (standardised) numeric feature or a 0/1 level indicator. */
export const EncodedColumn = z.discriminatedUnion('kind', [
  /** Encoded as ((x, or `fill` when missing) − shift) / scale. */
  z.object({ kind: z.literal('numeric'), feature: z.string(), fill: z.number(), shift: z.number(), scale: z.number().gt(0) }),
  z.object({ kind: z.literal('level'), feature: z.string(), level: z.string() }),
]);
export type EncodedColumn = z.infer<typeof EncodedColumn>;

/**
 * Learns the columns of a one-hot encoding from training data: every numeric feature (z-scored
 * with the population standard deviation when `standardize`, as scikit-learn's StandardScaler)
 * and one indicator per categorical level seen, sorted (scikit-learn's OneHotEncoder, no level
 * dropped). Missing numbers become the training mean; missing or unseen levels all-zero indicators.
 */
export function fitOneHot(data: CreditDataset, standardize: boolean): EncodedColumn[] {
  return data.features.flatMap((f): EncodedColumn[] => {
    if (f.kind === 'categorical') {
      const levels = [...new Set(data.categorical(f.name).filter((v): v is string => v !== null))].sort();
      return levels.map((level) => ({ kind: 'level', feature: f.name, level }));
    }
    const { mean, sd } = moments(data.numeric(f.name));
    return [{ kind: 'numeric', feature: f.name, fill: mean, shift: standardize ? mean : 0, scale: standardize && sd > 0 ? sd : 1 }];
  });
}

/** The numeric dataset of a credit dataset under an encoding, with the target when present. */
export function encodeOneHot(columns: readonly EncodedColumn[], data: CreditDataset): Dataset {
  const names = columns.map((c) => (c.kind === 'numeric' ? c.feature : `${c.feature}=${c.level}`));
  const p = columns.length;
  const values = new Float64Array(data.nRows * p);
  columns.forEach((c, j) => {
    if (c.kind === 'numeric') {
      const x = data.numeric(c.feature);
      for (let r = 0; r < data.nRows; r++) values[r * p + j] = ((Number.isNaN(x[r]) ? c.fill : x[r]) - c.shift) / c.scale;
      return;
    }
    const levels = data.categorical(c.feature);
    for (let r = 0; r < data.nRows; r++) values[r * p + j] = levels[r] === c.level ? 1 : 0;
  });
  return new Dataset({ featureNames: names, values, target: data.target && Float64Array.from(data.target) });
}

function moments(x: Float64Array): { mean: number; sd: number } {
  let n = 0;
  let sum = 0;
  for (const v of x) {
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
  }
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (const v of x) if (!Number.isNaN(v)) ss += (v - mean) ** 2;
  return { mean, sd: n > 0 ? Math.sqrt(ss / n) : 0 };
}
