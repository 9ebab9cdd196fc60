import { z } from 'zod';

/** A comparison feature and its agreement levels, best first. */
export interface FeatureSpec {
  readonly name: string;
  readonly levels: readonly string[];
}

export const FellegiSunterParams = z.object({
  /** EM stops after this many iterations at the latest. */
  maxIterations: z.number().int().min(1).max(1000).default(200),
  /** ...or once no probability moves by more than this. */
  tolerance: z.number().positive().default(1e-7),
  /** Starting guess of the share of candidate pairs that are matches. */
  initialMatchShare: z.number().gt(0).lt(1).default(0.2),
  /** Pseudo-count added to every level, so that no weight is infinite. */
  smoothing: z.number().min(0).default(0.5),
});
export type FellegiSunterParams = z.infer<typeof FellegiSunterParams>;

/** Comparison vectors: `features.length` level indices per pair, -1 where not comparable. */
export type ComparisonVectors = Int8Array;

/**
 * The Fellegi–Sunter model: features independent given match status, with m (match) and u
 * (non-match) probabilities per level and the match share λ estimated by EM without labels.
 */
export class FellegiSunter {
  readonly m: Float64Array[];
  readonly u: Float64Array[];
  matchShare: number;
  iterations = 0;
  private readonly params: FellegiSunterParams;
  /** log2(m/u) per feature and level, refreshed whenever m or u change. */
  private weights: Float64Array[] = [];

  constructor(readonly features: readonly FeatureSpec[], params: Partial<FellegiSunterParams> = {}) {
    this.params = FellegiSunterParams.parse(params);
    this.matchShare = this.params.initialMatchShare;
    this.m = features.map((f) => normalised(f.levels.map((_, l) => Math.exp(-2 * l))));
    this.u = features.map((f) => normalised(f.levels.map((_, l) => Math.exp(2 * (l - f.levels.length + 1)))));
    this.refreshWeights();
  }

  /** Estimates m, u and λ from the comparison vectors of the candidate pairs. */
  fit(vectors: ComparisonVectors): this {
    const patterns = countPatterns(vectors, this.features.length);
    for (this.iterations = 1; this.iterations <= this.params.maxIterations; this.iterations++) {
      if (this.step(patterns) < this.params.tolerance) break;
    }
    return this;
  }

  /** log2(m/u) of one level of one feature: what the agreement level says for a match. */
  weight(feature: number, level: number): number {
    return this.weights[feature][level];
  }

  /** Log-likelihood ratio (base 2) of the pair at `offset` in the vectors. */
  logLikelihoodRatio(vectors: ComparisonVectors, offset: number): number {
    let llr = 0;
    for (let f = 0; f < this.weights.length; f++) {
      const level = vectors[offset + f];
      if (level >= 0) llr += this.weights[f][level];
    }
    return llr;
  }

  /** Posterior match probability of a pair with the given log-likelihood ratio. */
  probability(llr: number): number {
    const priorOdds = Math.log2(this.matchShare / (1 - this.matchShare));
    return 1 / (1 + 2 ** -(llr + priorOdds));
  }

  /** One EM iteration; returns the largest change of any probability. */
  private step(patterns: Patterns): number {
    const n = this.features.length;
    const mCounts = this.features.map((f) => new Float64Array(f.levels.length).fill(this.params.smoothing));
    const uCounts = this.features.map((f) => new Float64Array(f.levels.length).fill(this.params.smoothing));
    let matches = 0;
    for (let p = 0; p < patterns.counts.length; p++) {
      const offset = p * n;
      const w = this.probability(this.logLikelihoodRatio(patterns.levels, offset));
      const count = patterns.counts[p];
      matches += w * count;
      for (let f = 0; f < n; f++) {
        const level = patterns.levels[offset + f];
        if (level < 0) continue;
        mCounts[f][level] += w * count;
        uCounts[f][level] += (1 - w) * count;
      }
    }
    let change = Math.abs(matches / patterns.total - this.matchShare);
    this.matchShare = Math.min(1 - 1e-9, Math.max(1e-9, matches / patterns.total));
    for (let f = 0; f < n; f++) {
      change = Math.max(change, replace(this.m[f], normalised(Array.from(mCounts[f]))), replace(this.u[f], normalised(Array.from(uCounts[f]))));
    }
    this.refreshWeights();
    return change;
  }

  private refreshWeights(): void {
    this.weights = this.m.map((m, f) => m.map((p, l) => Math.log2(p / this.u[f][l])));
  }
}

/** Distinct comparison patterns and how often each occurs: EM then costs nothing per pair. */
interface Patterns {
  readonly levels: Int8Array;
  readonly counts: Float64Array;
  readonly total: number;
}

function countPatterns(vectors: ComparisonVectors, width: number): Patterns {
  const index = new Map<number, number>();
  const levels: number[] = [];
  const counts: number[] = [];
  for (let offset = 0; offset < vectors.length; offset += width) {
    let code = 0;
    for (let f = 0; f < width; f++) code = code * 64 + vectors[offset + f] + 1;
    const found = index.get(code);
    if (found !== undefined) {
      counts[found]++;
      continue;
    }
    index.set(code, counts.length);
    counts.push(1);
    for (let f = 0; f < width; f++) levels.push(vectors[offset + f]);
  }
  return { levels: Int8Array.from(levels), counts: Float64Array.from(counts), total: vectors.length / width };
}

function normalised(values: readonly number[]): Float64Array {
  const total = values.reduce((s, v) => s + v, 0);
  return Float64Array.from(values, (v) => v / total);
}

function replace(target: Float64Array, source: Float64Array): number {
  let change = 0;
  for (let i = 0; i < target.length; i++) {
    change = Math.max(change, Math.abs(target[i] - source[i]));
    target[i] = source[i];
  }
  return change;
}
