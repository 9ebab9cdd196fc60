import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import { parseWith } from '../ml/model.js';
import { chooseK, type KCandidate } from './choose-k.js';
import { assign, fitKMeans } from './k-means.js';
import { Mulberry32 } from '../ml/random.js';
import { selectRows, squaredDistance, type RowMatrix } from './row-matrix.js';
import { describeShape, shapeFacts, type SegmentShapeFacts, type SegmentText } from './segment-description.js';
import { stableSegmentIds } from './stable-labels.js';
import { dayKinds, seasons, type ProfileBlock } from './typical-day-profiles.js';

/** Options of {@link fitSegmentModel}. */
export const SegmentParams = z.object({
  /** Range of k tried; below 4 groups a segmentation rarely says anything a marketer can act on. */
  kMin: z.number().int().min(2).max(50).default(4),
  kMax: z.number().int().min(2).max(50).default(12),
  /**
   * k-means++ starts per k in the k search, at least (small searches get more, see `searchBudget`);
   * the final fit on a larger sample uses at most 3.
   */
  restarts: z.number().int().min(1).max(50).default(6),
  /**
   * Rows × starts each k of the search may cost: a search sample of n rows gets
   * max(restarts, ⌈searchBudget / n⌉) starts per k, at most {@link MAX_SEARCH_RESTARTS}. Small searches
   * are cheap, and the extra starts make them find the lowest inertia of every k whatever the seed.
   */
  searchBudget: z.number().int().min(0).default(16_000),
  seed: z.number().int().default(42),
  /** Points scored by the silhouette (exact below this many customers). */
  silhouetteSample: z.number().int().min(100).max(5000).default(1000),
  /**
   * k and the centroids are fitted on a seeded sample of at most this many rows; every row is then
   * assigned to its nearest centroid (the same as assigning new customers).
   */
  fitSample: z.number().int().min(100).default(10_000),
  /** k is chosen on a seeded sample of at most this many rows (the range search costs |range| fits). */
  chooseSample: z.number().int().min(100).default(3000),
});
export type SegmentParamsInput = z.input<typeof SegmentParams>;

/** One segment of a fitted model. */
export interface SegmentInfo extends SegmentText {
  readonly segment: number;
  readonly size: number;
  readonly share: number;
  readonly facts: SegmentShapeFacts;
}

/** A fitted load-shape segmentation: what is stored in `segment_models` and used to assign new customers. */
export interface SegmentModel {
  readonly version: 1;
  readonly blocks: readonly ProfileBlock[];
  readonly k: number;
  /** Centroids, one per segment, in the order of `segments`. */
  readonly centroids: readonly (readonly number[])[];
  readonly segments: readonly SegmentInfo[];
  readonly candidates: readonly KCandidate[];
  readonly rule: string;
}

export interface SegmentFit {
  readonly model: SegmentModel;
  /** Segment number of each input row. */
  readonly segments: Int32Array;
  /** Euclidean distance of each row to its centroid. */
  readonly distances: Float64Array;
}

/** Chooses k, fits k-means, numbers the segments stably (matching `previous` when given) and describes each. */
export function fitSegmentModel(data: RowMatrix, blocks: readonly ProfileBlock[], input: SegmentParamsInput = {}, previous?: SegmentModel): SegmentFit {
  const params = parseWith(SegmentParams, input, 'segmentation parameter');
  if (data.cols !== blocks.length * 24) throw new ValidationError(`profiles have ${data.cols} columns, expected ${blocks.length} blocks × 24`);
  const sampleOf = (size: number) => (data.rows > size ? selectRows(data, new Mulberry32(params.seed).sampleIndices(data.rows, size)) : data);
  const sample = sampleOf(params.fitSample);
  const search = sampleOf(Math.min(params.chooseSample, params.fitSample));
  const restarts = searchRestarts(search.rows, params.restarts, params.searchBudget);
  const chosen = chooseK(search, { kMin: params.kMin, kMax: params.kMax, restarts, seed: params.seed, silhouetteSample: params.silhouetteSample });
  // One fit at the chosen k on the larger sample, with fewer restarts (each costs a full Lloyd run).
  const fit = search === sample ? chosen.fit : fitKMeans(sample, { k: chosen.fit.k, restarts: Math.min(params.restarts, 3), seed: params.seed });
  const sameLayout = previous && JSON.stringify(previous.blocks) === JSON.stringify(blocks);
  const ids = stableSegmentIds(fit.centroids, fit.k, blocks.length, sameLayout ? {
    centroids: Float64Array.from(previous.centroids.flat()), ids: previous.segments.map((s) => s.segment),
  } : undefined);
  const all = sample === data ? fit.labels : assignAll(data, fit.centroids, fit.k);
  const sizes = new Int32Array(fit.k);
  for (const c of all) sizes[c]++;
  const order = Array.from({ length: fit.k }, (_, c) => c).sort((a, b) => ids[a] - ids[b]);
  const segments = order.map((c) => {
    const facts = shapeFacts(fit.centroids, c, blocks);
    const share = sizes[c] / data.rows;
    return { segment: ids[c], size: sizes[c], share, facts, ...describeShape(facts, sizes[c], share) };
  });
  const centroids = order.map((c) => Array.from(fit.centroids.subarray(c * data.cols, (c + 1) * data.cols)));
  const model: SegmentModel = { version: 1, blocks, k: fit.k, centroids, segments, candidates: chosen.candidates, rule: chosen.rule };
  const distances = new Float64Array(data.rows);
  for (let i = 0; i < data.rows; i++) distances[i] = Math.sqrt(squaredDistance(data.values, i, fit.centroids, all[i], data.cols));
  return { model, segments: Int32Array.from(all, (c) => ids[c]), distances };
}

/** Most k-means++ starts per k in the k search, however small the sample. */
export const MAX_SEARCH_RESTARTS = 16;

/** Starts per k for a search over `rows` rows: `restarts`, raised to spend `budget` row-fits, capped. */
export function searchRestarts(rows: number, restarts: number, budget: number): number {
  return Math.max(restarts, Math.min(MAX_SEARCH_RESTARTS, Math.ceil(budget / rows)));
}

function assignAll(data: RowMatrix, centroids: Float64Array, k: number): Int32Array {
  const labels = new Int32Array(data.rows);
  assign(data, centroids, k, labels, new Float64Array(data.rows));
  return labels;
}

/**
 * Assigns customers to the nearest segment of a fitted model without re-clustering. The profiles
 * must have the model's blocks (same seasons and day kinds, in the same order).
 */
export function assignSegments(model: SegmentModel, data: RowMatrix, blocks: readonly ProfileBlock[]): { segments: Int32Array; distances: Float64Array } {
  if (JSON.stringify(model.blocks) !== JSON.stringify(blocks)) {
    throw new ValidationError(`profiles cover ${blockNames(blocks)} but the segment model was fitted on ${blockNames(model.blocks)}; use the same date range or re-fit`);
  }
  const centroids = Float64Array.from(model.centroids.flat());
  const labels = new Int32Array(data.rows);
  const sq = new Float64Array(data.rows);
  assign(data, centroids, model.k, labels, sq);
  return { segments: Int32Array.from(labels, (c) => model.segments[c].segment), distances: sq.map(Math.sqrt) };
}

const blockNames = (blocks: readonly ProfileBlock[]) => blocks.map((b) => `${b.season}/${b.dayKind}`).join(', ') || 'nothing';

const SegmentModelJson = z.object({
  version: z.literal(1),
  blocks: z.array(z.object({ season: z.enum(seasons), dayKind: z.enum(dayKinds) })),
  k: z.number().int().min(1),
  centroids: z.array(z.array(z.number())),
  segments: z.array(z.looseObject({ segment: z.number().int(), size: z.number(), share: z.number() })),
  candidates: z.array(z.looseObject({ k: z.number() })),
  rule: z.string(),
});

/** Restores a model from its stored JSON, rejecting a malformed one. */
export function segmentModelFromJson(json: unknown): SegmentModel {
  const parsed = parseWith(SegmentModelJson, json, 'stored segment model') as unknown as SegmentModel;
  if (parsed.centroids.length !== parsed.k || parsed.segments.length !== parsed.k || parsed.centroids.some((c) => c.length !== parsed.blocks.length * 24)) {
    throw new ValidationError(`stored segment model is inconsistent: k ${parsed.k}, ${parsed.centroids.length} centroids, ${parsed.segments.length} segments`);
  }
  return parsed;
}
