import type { BinnedMatrix } from './binning.js';
import { SLOT } from './histogram.js';

/** Sums of gradients, hessians and rows of a node or child. */
export interface NodeStats {
  readonly g: number;
  readonly h: number;
  readonly count: number;
}

/** The best split of a node: rows with bin <= `bin` go left, missing values go `defaultLeft`. */
export interface Split {
  readonly feature: number;
  readonly bin: number;
  readonly defaultLeft: boolean;
  /** Reduction of the second-order loss approximation, ½[G²ₗ/(Hₗ+λ) + G²ᵣ/(Hᵣ+λ) − G²/(H+λ)]. */
  readonly gain: number;
  readonly left: NodeStats;
  readonly right: NodeStats;
}

export interface SplitConstraints {
  readonly lambda: number;
  readonly minDataInLeaf: number;
  readonly minChildWeight: number;
  readonly minSplitGain: number;
}

/** Structure score G²/(H+λ) of a node (twice the negated optimal second-order loss). */
export function score(g: number, h: number, lambda: number): number {
  return (g * g) / (h + lambda);
}

/**
 * Scans every bin boundary of every given feature, trying the node's missing values on both
 * sides, and returns the split with the largest gain above `minSplitGain`, or null.
 */
export function findBestSplit(
  hist: Float64Array,
  matrix: BinnedMatrix,
  features: Int32Array,
  node: NodeStats,
  c: SplitConstraints,
): Split | null {
  const parentScore = score(node.g, node.h, c.lambda);
  let best: Split | null = null;
  let bestGain = 2 * c.minSplitGain;
  for (let j = 0; j < features.length; j++) {
    const f = features[j];
    const base = matrix.offsets[f] * SLOT;
    const nb = matrix.valueBins[f];
    const missing = base + nb * SLOT;
    const gm = hist[missing];
    const hm = hist[missing + 1];
    const cm = hist[missing + 2];
    let gl = 0;
    let hl = 0;
    let cl = 0;
    for (let t = 0; t + 1 < nb; t++) {
      const k = base + t * SLOT;
      gl += hist[k];
      hl += hist[k + 1];
      cl += hist[k + 2];
      // Missing values to the right.
      const gainRight = splitGain(gl, hl, cl, node.g - gl, node.h - hl, node.count - cl, parentScore, c);
      if (gainRight > bestGain) {
        bestGain = gainRight;
        best = makeSplit(f, t, cm === 0 ? cl >= node.count - cl : false, gainRight, gl, hl, cl, node);
      }
      if (cm === 0) continue;
      const gainLeft = splitGain(gl + gm, hl + hm, cl + cm, node.g - gl - gm, node.h - hl - hm, node.count - cl - cm, parentScore, c);
      if (gainLeft > bestGain) {
        bestGain = gainLeft;
        best = makeSplit(f, t, true, gainLeft, gl + gm, hl + hm, cl + cm, node);
      }
    }
  }
  return best;
}

/** Twice the gain of a split, or -Infinity when a child breaks a constraint. */
function splitGain(gl: number, hl: number, cl: number, gr: number, hr: number, cr: number, parentScore: number, c: SplitConstraints): number {
  if (cl < c.minDataInLeaf || cr < c.minDataInLeaf || hl < c.minChildWeight || hr < c.minChildWeight) return -Infinity;
  return score(gl, hl, c.lambda) + score(gr, hr, c.lambda) - parentScore;
}

function makeSplit(feature: number, bin: number, defaultLeft: boolean, twiceGain: number, gl: number, hl: number, cl: number, node: NodeStats): Split {
  return {
    feature,
    bin,
    defaultLeft,
    gain: twiceGain / 2,
    left: { g: gl, h: hl, count: cl },
    right: { g: node.g - gl, h: node.h - hl, count: node.count - cl },
  };
}
