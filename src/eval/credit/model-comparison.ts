import { concatFloat64 } from '../../core/typed-arrays.js';
import type { CreditDataset, CreditModel } from '../../analytics/credit/index.js';
import { ksStatistic, rocAuc } from '../metrics/index.js';
import type { Split } from './stratified-split.js';

/** A model taking part in a comparison, made fresh for every split. */
export interface Contender {
  readonly name: string;
  readonly description: string;
  make(): CreditModel;
}

/** The data of one split, materialised once and shared by all contenders. */
export interface SplitData {
  readonly train: CreditDataset;
  readonly test: CreditDataset;
  readonly testRows: Int32Array;
  readonly testLabels: Uint8Array;
}

/** A contender's fitted models and test predictions, one per split. */
export interface ContenderRun {
  readonly contender: Contender;
  readonly models: readonly CreditModel[];
  readonly predictions: readonly Float64Array[];
  readonly milliseconds: number;
}

/** A contender's numbers: mean and spread of the per-split AUC, and AUC and KS of all test predictions pooled. */
export interface ContenderSummary {
  readonly name: string;
  readonly description: string;
  readonly meanAuc: number;
  readonly sdAuc: number;
  readonly splitAucs: readonly number[];
  readonly pooledAuc: number;
  readonly ks: number;
  readonly milliseconds: number;
}

export function materialise(data: CreditDataset, splits: readonly Split[]): SplitData[] {
  const labels = data.requireTarget('model comparison');
  return splits.map((s) => ({
    train: data.subset(s.train),
    test: data.subset(s.test),
    testRows: s.test,
    testLabels: Uint8Array.from(s.test, (r) => labels[r]),
  }));
}

/** Fits the contender on every training part (binning included: no leakage) and predicts the test part. */
export function runContender(contender: Contender, parts: readonly SplitData[]): ContenderRun {
  const start = performance.now();
  const models: CreditModel[] = [];
  const predictions = parts.map((part) => {
    const model = contender.make().fit(part.train);
    models.push(model);
    return model.predict(part.test);
  });
  return { contender, models, predictions, milliseconds: performance.now() - start };
}

export function summarise(run: ContenderRun, parts: readonly SplitData[]): ContenderSummary {
  const splitAucs = parts.map((part, i) => rocAuc(part.testLabels, run.predictions[i]));
  const mean = splitAucs.reduce((s, a) => s + a, 0) / splitAucs.length;
  const sd = Math.sqrt(splitAucs.reduce((s, a) => s + (a - mean) ** 2, 0) / splitAucs.length);
  const labels = concatFloat64(parts.map((p) => p.testLabels));
  const scores = concatFloat64(run.predictions);
  return {
    name: run.contender.name,
    description: run.contender.description,
    meanAuc: mean,
    sdAuc: sd,
    splitAucs,
    pooledAuc: rocAuc(labels, scores),
    ks: ksStatistic(labels, scores),
    milliseconds: run.milliseconds,
  };
}
