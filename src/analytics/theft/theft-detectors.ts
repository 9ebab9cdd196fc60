import { z } from 'zod';
import { GradientBoostingModel, parseWith, type Contributions, type Dataset, type GbdtParamsInput } from '../ml/index.js';
import { IsolationForest, type IsolationForestParamsInput } from './isolation-forest.js';
import { ranksOf } from './series-stats.js';
import { SuspicionScaler } from './suspicion-scaler.js';
import { featureDirections } from './theft-features.js';

/**
 * The shape every theft detector shares: `fit` on a feature dataset (with a 0/1 target when
 * supervised), `predict` a suspicion score per row, higher = more suspicious.
 */
export interface TheftDetector {
  readonly kind: string;
  readonly supervised: boolean;
  fit(train: Dataset): this;
  predict(data: Dataset): Float64Array;
}

/** Gradient-boosted trees on inspection labels; explains each score by Saabas path contributions. */
export class GbdtTheftDetector implements TheftDetector {
  readonly kind = 'gbdt';
  readonly supervised = true;
  private readonly model: GradientBoostingModel;

  constructor(params: GbdtParamsInput = {}) {
    this.model = new GradientBoostingModel({ ...gbdtDefaults, ...params, objective: 'binary_logistic' });
  }

  fit(train: Dataset): this {
    this.model.fit(train);
    return this;
  }

  predict(data: Dataset): Float64Array {
    return this.model.predict(data);
  }

  contributions(data: Dataset, row: number): Contributions {
    return this.model.contributions(data, row);
  }
}

/** Small trees and row/column subsampling: labels are few (tens to hundreds of thieves). */
export const gbdtDefaults: GbdtParamsInput = {
  nEstimators: 200, learningRate: 0.05, maxDepth: 3, numLeaves: 8, minDataInLeaf: 10, subsample: 0.8, colsample: 0.8, earlyStoppingRounds: 0,
};

const RobustZParams = z.object({ topK: z.number().int().min(1).default(5) });

/** Peer-relative robust scores: the mean of the `topK` largest one-sided robust z-scores of a row. */
export class RobustZDetector implements TheftDetector {
  readonly kind = 'robust-z';
  readonly supervised = false;
  private readonly scaler = new SuspicionScaler(featureDirections);
  private readonly topK: number;

  constructor(params: unknown = {}) {
    this.topK = parseWith(RobustZParams, params, 'robust-z parameter').topK;
  }

  fit(train: Dataset): this {
    this.scaler.fit(train);
    return this;
  }

  predict(data: Dataset): Float64Array {
    const z = this.scaler.transform(data);
    const p = z.nFeatures;
    return Float64Array.from({ length: z.nRows }, (_, r) => {
      const top = Array.from(z.values.subarray(r * p, r * p + p)).sort((a, b) => b - a).slice(0, this.topK);
      return top.reduce((s, v) => s + v, 0) / top.length;
    });
  }
}

/** Isolation forest over the one-sided robust z-scores (only suspicious deviations isolate a customer). */
export class IsolationTheftDetector implements TheftDetector {
  readonly kind = 'isolation-forest';
  readonly supervised = false;
  private readonly scaler = new SuspicionScaler(featureDirections);
  private readonly forest: IsolationForest;

  constructor(params: IsolationForestParamsInput = {}) {
    this.forest = new IsolationForest(params);
  }

  fit(train: Dataset): this {
    this.forest.fit(this.scaler.fit(train).transform(train));
    return this;
  }

  predict(data: Dataset): Float64Array {
    return this.forest.predict(this.scaler.transform(data));
  }
}

/** The average rank (0..1) of the robust-z and isolation-forest scores. */
export class PeerIsolationDetector implements TheftDetector {
  readonly kind = 'peer-isolation';
  readonly supervised = false;
  private readonly parts: readonly TheftDetector[];

  constructor(params: { seed?: number } = {}) {
    this.parts = [new RobustZDetector(), new IsolationTheftDetector({ seed: params.seed ?? 42 })];
  }

  fit(train: Dataset): this {
    for (const part of this.parts) part.fit(train);
    return this;
  }

  predict(data: Dataset): Float64Array {
    return meanRank(this.parts.map((part) => part.predict(data)));
  }
}

/** Mean over score vectors of their ranks scaled to 0..1. */
export function meanRank(scores: readonly Float64Array[]): Float64Array {
  const n = scores[0]?.length ?? 0;
  const out = new Float64Array(n);
  for (const s of scores) {
    const ranks = ranksOf(s);
    for (let i = 0; i < n; i++) out[i] += (n > 1 ? (ranks[i] - 1) / (n - 1) : 1) / scores.length;
  }
  return out;
}
