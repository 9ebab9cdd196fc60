import { fitSegmentModel, readTypicalDayProfiles, type TypicalDayProfiles } from '../../analytics/segments/index.js';
import type { SynthOptionsInput } from '../../synth/synth-options.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { DEFAULT_SEED, type EvalOptions, type EvalResult } from '../credit/eval-types.js';
import { StepTimer } from '../credit/step-timer.js';
import { adjustedRandIndex } from '../metrics/index.js';
import { generateDemoUtility } from '../theft/demo-utility.js';

export const SEGMENTS_DEMO_EVAL_NAME = 'segments-demo';
export const SEGMENTS_DEMO_EVAL_DESCRIPTION =
  'Load-shape segmentation on a generated utility (300 customers × 365 days, hourly): k-means on typical-day profiles, ' +
  'k chosen by the Calinski–Harabasz ratio with a silhouette guard; adjusted Rand index against the generator\'s 17 load archetypes';

/** The standard demo seed; `seed` of the eval options seeds k-means only. */
export const SEGMENTS_DEMO_SYNTH_SEED = 20260101;
export const segmentsDemoSynth = (customers = 300): SynthOptionsInput => ({ customers, days: 365, intervalMinutes: 60, start: '2025-01-01', seed: SEGMENTS_DEMO_SYNTH_SEED });

export const MIN_ARI = 0.7;

export async function runSegmentsDemoEval(options: EvalOptions & { customers?: number } = {}): Promise<EvalResult> {
  const timer = new StepTimer();
  const seed = options.seed ?? DEFAULT_SEED;
  const demo = await timer.runAsync('generate', () => generateDemoUtility(segmentsDemoSynth(options.customers)));
  try {
    return await evaluateSegmentsDemo(demo.warehouse, seed, timer);
  } finally {
    await demo.warehouse.close();
  }
}

/** A generated store's typical-day profiles and each profiled customer's generator archetype. */
export interface SegmentsDemoData {
  readonly profiles: TypicalDayProfiles;
  readonly archetypes: readonly string[];
}

/** Scores the segmentation of a store holding a generated utility against `truth.customers.archetype`. */
export async function evaluateSegmentsDemo(wh: Warehouse, seed: number, timer = new StepTimer()): Promise<EvalResult> {
  const data = await timer.runAsync('profiles', () => readSegmentsDemoData(wh));
  return scoreSegmentsDemo(data, seed, timer);
}

/** Reads the profiles and the archetypes once; {@link scoreSegmentsDemo} can then score any seed. */
export async function readSegmentsDemoData(wh: Warehouse): Promise<SegmentsDemoData> {
  const profiles = await readTypicalDayProfiles(wh);
  const truth = new Map((await wh.query<{ customer_id: string; archetype: string }>('SELECT customer_id, archetype FROM truth.customers')).map((r) => [r.customer_id, r.archetype]));
  return { profiles, archetypes: profiles.customerIds.map((c) => truth.get(c) ?? 'unknown') };
}

/** Segments the profiles with k-means seeded by `seed` and scores them against the archetypes. */
export function scoreSegmentsDemo({ profiles, archetypes }: SegmentsDemoData, seed: number, timer = new StepTimer()): EvalResult {
  const fit = timer.run('cluster', () => fitSegmentModel(profiles.matrix, profiles.blocks, { seed }));
  const ari = adjustedRandIndex(Array.from(fit.segments), archetypes);
  const chosen = fit.model.candidates.find((c) => c.k === fit.model.k);
  const typical = typicalArchetypes(fit.segments, archetypes);
  return {
    name: SEGMENTS_DEMO_EVAL_NAME,
    description: SEGMENTS_DEMO_EVAL_DESCRIPTION,
    passed: ari >= MIN_ARI,
    metrics: {
      adjustedRandIndex: ari, k: fit.model.k, calinskiHarabasz: chosen?.calinskiHarabasz ?? Number.NaN, silhouette: chosen?.silhouette ?? Number.NaN,
      daviesBouldin: chosen?.daviesBouldin ?? Number.NaN, customers: profiles.customerIds.length, archetypes: new Set(archetypes).size,
    },
    reference: { metric: 'adjusted Rand index against the generator\'s archetypes', low: MIN_ARI, high: 1, minimum: MIN_ARI, source: 'issue 4 target' },
    checks: [{ name: 'adjusted Rand index', passed: ari >= MIN_ARI, detail: `${ari.toFixed(4)} ≥ ${MIN_ARI} with k = ${fit.model.k}` }],
    details: {
      seed, synth: segmentsDemoSynth(), rule: fit.model.rule, candidates: fit.model.candidates,
      segments: fit.model.segments.map((s) => ({ segment: s.segment, size: s.size, name: s.name, text: s.text, typicalArchetype: typical.get(s.segment) })),
    },
    timings: timer.timings,
  };
}

/** The most common archetype of each segment and its share (eval only: analytics never see archetypes). */
function typicalArchetypes(segments: Int32Array, archetypes: readonly string[]): Map<number, { archetype: string; share: number }> {
  const counts = new Map<number, Map<string, number>>();
  segments.forEach((s, i) => {
    const m = counts.get(s) ?? new Map<string, number>();
    m.set(archetypes[i], (m.get(archetypes[i]) ?? 0) + 1);
    counts.set(s, m);
  });
  return new Map([...counts].map(([s, m]) => {
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    const [archetype, n] = [...m].sort((a, b) => b[1] - a[1])[0];
    return [s, { archetype, share: n / total }];
  }));
}
