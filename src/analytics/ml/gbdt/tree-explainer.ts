import type { TreeEnsemble } from './tree-ensemble.js';

/** Total split gain of one feature over all trees. */
export interface FeatureImportance {
  readonly feature: string;
  readonly gain: number;
  readonly splits: number;
  /** gain / total gain of all features (0 when no tree split). */
  readonly share: number;
}

/**
 * Why one row got its score, in raw (margin) units — log-odds for binary models:
 * bias + Σ values = the raw prediction.
 */
export interface Contributions {
  /** Base score plus every tree's root value: the expected raw score before any split. */
  readonly bias: number;
  /** Contribution of each model feature, in the model's feature order. */
  readonly values: Float64Array;
  readonly featureNames: readonly string[];
}

/** Gain importance, largest first. */
export function gainImportance(ensemble: TreeEnsemble, featureNames: readonly string[]): FeatureImportance[] {
  const gain = new Float64Array(featureNames.length);
  const splits = new Int32Array(featureNames.length);
  for (const tree of ensemble.trees) {
    for (let n = 0; n < tree.feature.length; n++) {
      const f = tree.feature[n];
      if (f < 0) continue;
      gain[f] += tree.gain[n];
      splits[f]++;
    }
  }
  const total = gain.reduce((a, b) => a + b, 0);
  return featureNames
    .map((feature, f) => ({ feature, gain: gain[f], splits: splits[f], share: total > 0 ? gain[f] / total : 0 }))
    .sort((a, b) => b.gain - a.gain || a.feature.localeCompare(b.feature));
}

/**
 * Saabas path attribution: along the row's path in every tree, the change of node value at each
 * split is credited to the split's feature. Exact additivity; cheap (one path per tree); unlike
 * SHAP it favours features split near the leaves, which is acceptable for reason codes.
 */
export function pathContributions(
  ensemble: TreeEnsemble,
  featureNames: readonly string[],
  values: Float64Array,
  base: number,
  columns: Int32Array,
): Contributions {
  const out = new Float64Array(featureNames.length);
  let bias = ensemble.baseScore;
  for (const tree of ensemble.trees) {
    let node = 0;
    bias += tree.value[0];
    let f = tree.feature[0];
    while (f >= 0) {
      const x = values[base + columns[f]];
      const next = x <= tree.threshold[node] || (x !== x && tree.defaultLeft[node] === 1) ? tree.left[node] : tree.right[node];
      out[f] += tree.value[next] - tree.value[node];
      node = next;
      f = tree.feature[node];
    }
  }
  return { bias, values: out, featureNames };
}
