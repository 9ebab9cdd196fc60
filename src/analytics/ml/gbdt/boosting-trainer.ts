import { InsufficientDataError } from '../../../core/errors.js';
import type { Dataset } from '../dataset.js';
import { Mulberry32 } from '../random.js';
import { binDataset, fitBins } from './binning.js';
import type { GbdtParams } from './gbdt-params.js';
import { histogramSize, HistogramPool } from './histogram.js';
import type { Objective } from './objectives.js';
import type { NodeStats } from './split-finder.js';
import { TreeEnsemble } from './tree-ensemble.js';
import { growTree, type GrowContext, type LeafSegment } from './tree-grower.js';
import type { TreeNodes } from './tree.js';

/**
 * Validation loss after each boosting round (the objective's mean loss; MSE for squared error),
 * empty without a validation set. The training loss is not tracked: it cost about an eighth of a
 * fit and nothing read it (`predictRaw` on the training set gives it when wanted).
 */
export interface TrainingHistory {
  readonly validation: number[];
}

export interface TrainingResult {
  /** All trees, or those up to the best validation round when early stopping is on. */
  readonly ensemble: TreeEnsemble;
  /** Zero-based round with the lowest validation loss (the last round without validation). */
  readonly bestIteration: number;
  readonly stoppedEarly: boolean;
  readonly history: TrainingHistory;
}

/** Raw scores of a dataset kept up to date tree by tree. */
interface Track {
  readonly data: Dataset;
  readonly y: Float64Array;
  readonly raw: Float64Array;
  readonly columns: Int32Array;
}

/** Runs the boosting rounds: gradients, one tree, score update, early-stopping check. */
export function trainBoosting(params: GbdtParams, objective: Objective, train: Dataset, validation?: Dataset): TrainingResult {
  const y = train.requireTarget('gradient boosting');
  objective.checkTarget(y);
  if (train.nRows < 2 * params.minDataInLeaf) {
    throw new InsufficientDataError('gradient boosting training rows', train.nRows / (2 * params.minDataInLeaf), 1);
  }
  const baseScore = objective.initScore(y, train.weights);
  const fit = track(train, train.featureNames, baseScore);
  const held = validation && track(validation, train.featureNames, baseScore);
  if (held) objective.checkTarget(held.y);
  const growNext = treeGrower(params, objective, fit);
  const trees: TreeNodes[] = [];
  const history: TrainingHistory = { validation: [] };
  let best = { iteration: 0, loss: Infinity };
  for (let round = 0; round < params.nEstimators; round++) {
    const tree = growNext();
    trees.push(tree);
    if (!held) continue;
    TreeEnsemble.addTree(held.raw, tree, held.data, held.columns);
    const loss = objective.loss(held.y, held.raw, held.data.weights);
    history.validation.push(loss);
    if (loss < best.loss) best = { iteration: round, loss };
    if (params.earlyStoppingRounds > 0 && round - best.iteration >= params.earlyStoppingRounds) break;
  }
  const bestIteration = held ? best.iteration : trees.length - 1;
  const stoppedEarly = trees.length < params.nEstimators;
  const kept = held && params.earlyStoppingRounds > 0 ? bestIteration + 1 : trees.length;
  return { ensemble: new TreeEnsemble(trees.slice(0, kept), baseScore), bestIteration, stoppedEarly, history };
}

/**
 * Bins the training data once and returns a function that runs one boosting round: gradients at
 * the current scores, row and column samples, one tree, and the training-score update.
 */
function treeGrower(params: GbdtParams, objective: Objective, fit: Track): () => TreeNodes {
  const { data: train, y } = fit;
  const featureBins = fitBins(train, params.maxBins, params.binSampleRows, params.seed);
  const matrix = binDataset(train, featureBins);
  const rng = new Mulberry32(params.seed);
  const splittable = Int32Array.from(matrix.valueBins.keys()).filter((f) => matrix.valueBins[f] > 1);
  const grad = new Float64Array(train.nRows);
  const hess = new Float64Array(train.nRows);
  const rows = new Uint32Array(train.nRows);
  const scratch = new Uint32Array(train.nRows);
  const pool = new HistogramPool(histogramSize(matrix));
  const unitHessian = objective.unitHessian && !train.weights;
  const leafValue = leafValueFn(objective, params, fit, train.weights);
  return () => {
    objective.gradients(y, fit.raw, train.weights, grad, hess);
    const count = sampleRows(rows, params.subsample, rng);
    const features = sampleFeatures(splittable, params.colsample, rng);
    const ctx: GrowContext = { matrix, featureBins, grad, hess, unitHessian, pool, scratch, params, features, leafValue };
    const { tree, leaves } = growTree(ctx, rows, count);
    updateTrainScores(fit, tree, leaves, rows, count);
    return tree;
  };
}

function track(data: Dataset, featureNames: readonly string[], baseScore: number): Track {
  const y = data.requireTarget('gradient boosting validation');
  return { data, y, raw: new Float64Array(data.nRows).fill(baseScore), columns: data.columnsOf(featureNames) };
}

/** Newton leaf −G/(H+λ), or the objective's own leaf value from the leaf's residuals. */
function leafValueFn(objective: Objective, params: GbdtParams, fit: Track, weights: Float64Array | undefined): GrowContext['leafValue'] {
  const renew = objective.leafValue?.bind(objective);
  if (!renew) return (_rows, _start, _end, stats: NodeStats) => -stats.g / (stats.h + params.lambda);
  return (rows, start, end) => {
    const residuals = new Float64Array(end - start);
    for (let i = start; i < end; i++) residuals[i - start] = fit.y[rows[i]] - fit.raw[rows[i]];
    const w = weights && Float64Array.from({ length: end - start }, (_, i) => weights[rows[start + i]]);
    return renew(residuals, w);
  };
}

/** In-bag rows get their leaf from the grown ordering; with subsampling every row walks the tree. */
function updateTrainScores(fit: Track, tree: TreeNodes, leaves: readonly LeafSegment[], rows: Uint32Array, count: number): void {
  if (count < fit.data.nRows) {
    TreeEnsemble.addTree(fit.raw, tree, fit.data, fit.columns);
    return;
  }
  for (const leaf of leaves) {
    const value = tree.value[leaf.node];
    for (let i = leaf.start; i < leaf.end; i++) fit.raw[rows[i]] += value;
  }
}

/** Fills rows with this round's sample (Bernoulli per row) and returns how many were drawn. */
function sampleRows(rows: Uint32Array, rate: number, rng: Mulberry32): number {
  let count = 0;
  for (let i = 0; i < rows.length; i++) if (rate >= 1 || rng.next() < rate) rows[count++] = i;
  return count;
}

function sampleFeatures(candidates: Int32Array, rate: number, rng: Mulberry32): Int32Array {
  if (rate >= 1) return candidates;
  const k = Math.max(1, Math.round(rate * candidates.length));
  return Int32Array.from(rng.sampleIndices(candidates.length, k), (i) => candidates[i]);
}
