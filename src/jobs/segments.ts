import {
  assignSegments, behaviouralSegments, fitSegmentModel, readBehaviourFacts, readTypicalDayProfiles, segmentModelFromJson,
  type KCandidate, type SegmentInfo, type SegmentModel,
} from '../analytics/segments/index.js';
import type { GridLensConfig } from '../core/config.js';
import { ValidationError } from '../core/errors.js';
import type { ProgressListener } from '../core/record-batch.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { withStore } from './store.js';

export interface SegmentsRequest {
  readonly from?: string;
  readonly to?: string;
  readonly kMin?: number;
  readonly kMax?: number;
  readonly seed?: number;
  /** Assign customers to the latest stored model instead of re-clustering. */
  readonly assignOnly?: boolean;
}

export interface SegmentSummary extends SegmentInfo {
  readonly code: string;
  /** Billed revenue of the segment's members in the window, CNY. */
  readonly revenueCny: number;
}

export interface BehaviourSummary {
  readonly dimension: string;
  readonly code: string;
  readonly label: { readonly 'zh-CN': string; readonly en: string };
  readonly definition: string;
  readonly customers: number;
}

export interface SegmentsResult {
  readonly runId: number;
  readonly mode: 'fit' | 'assign';
  /** Run whose model was used (the previous one when assigning). */
  readonly modelRunId: number;
  readonly customers: number;
  readonly blocks: readonly string[];
  readonly k: number;
  readonly rule: string;
  readonly candidates: readonly KCandidate[];
  readonly segments: readonly SegmentSummary[];
  readonly behavioural: readonly BehaviourSummary[];
  readonly seconds: number;
}

const segmentCode = (n: number) => `S${String(n).padStart(2, '0')}`;

/** `gridlens run segments`: load-shape segmentation (k-means on typical-day profiles) and behavioural segments. */
export async function runSegments(config: Pick<GridLensConfig, 'db'>, request: SegmentsRequest = {}, warehouse?: Warehouse, onProgress?: ProgressListener): Promise<SegmentsResult> {
  const started = performance.now();
  return withStore(config, async (wh) => {
    const progress = (done: number) => onProgress?.({ phase: 'segments', done, total: 4 });
    progress(0);
    const profiles = await readTypicalDayProfiles(wh, { from: request.from, to: request.to });
    if (profiles.customerIds.length < 2) {
      throw new ValidationError(`segmentation needs at least 2 customers with 14 or more days of readings in the window; found ${profiles.customerIds.length} (widen --from/--to)`, { customers: profiles.customerIds.length, from: request.from, to: request.to });
    }
    progress(1);
    const previous = await latestModel(wh);
    const runId = await nextRunId(wh);
    let model: SegmentModel;
    let assigned: { segments: Int32Array; distances: Float64Array };
    if (request.assignOnly && previous) {
      model = previous.model;
      assigned = assignSegments(model, profiles.matrix, profiles.blocks);
    } else {
      const fit = fitSegmentModel(profiles.matrix, profiles.blocks, { kMin: request.kMin, kMax: Math.min(request.kMax ?? 12, profiles.customerIds.length - 1), seed: request.seed }, previous?.model);
      model = fit.model;
      assigned = fit;
      await writeModel(wh, runId, model, profiles.customerIds.length, request);
    }
    progress(2);
    const facts = await readBehaviourFacts(wh);
    const behaviour = facts.map((f) => behaviouralSegments(f)); // once per customer, for the rows and the summary
    await writeAssignments(wh, runId, profiles.customerIds, assigned, Boolean(request.assignOnly && previous), facts, behaviour);
    progress(3);
    const revenue = await revenueBySegment(wh, runId, request);
    progress(4);
    return {
      runId, mode: request.assignOnly && previous ? 'assign' : 'fit', modelRunId: request.assignOnly && previous ? previous.runId : runId,
      customers: profiles.customerIds.length, blocks: profiles.blocks.map((b) => `${b.season}/${b.dayKind}`), k: model.k, rule: model.rule,
      candidates: model.candidates,
      segments: model.segments.map((s) => ({ ...s, code: segmentCode(s.segment), revenueCny: revenue.get(segmentCode(s.segment)) ?? 0 })),
      behavioural: behaviourSummary(behaviour), seconds: (performance.now() - started) / 1000,
    };
  }, { warehouse });
}

async function latestModel(wh: Warehouse): Promise<{ runId: number; model: SegmentModel } | null> {
  const rows = await wh.query<{ run_id: number; model: string }>("SELECT run_id, CAST(model AS VARCHAR) AS model FROM segment_models WHERE kind = 'load-shape' ORDER BY run_id DESC LIMIT 1");
  return rows.length ? { runId: Number(rows[0].run_id), model: segmentModelFromJson(JSON.parse(rows[0].model)) } : null;
}

async function nextRunId(wh: Warehouse): Promise<number> {
  const [{ n }] = await wh.query<{ n: number }>('SELECT coalesce(max(run_id), 0) + 1 AS n FROM (SELECT run_id FROM segment_models UNION ALL SELECT run_id FROM customer_segments)');
  return Number(n);
}

async function writeModel(wh: Warehouse, runId: number, model: SegmentModel, customers: number, request: SegmentsRequest): Promise<void> {
  await wh.append('segment_models', {
    rowCount: 1,
    columns: {
      run_id: [runId], created_at: [new Date()], kind: ['load-shape'], from_date: [request.from ?? null], to_date: [request.to ?? null],
      k: [model.k], customers: [customers], model: [model], metrics: [{ rule: model.rule, candidates: model.candidates }],
    },
  });
}

type Behaviour = ReturnType<typeof behaviouralSegments>;

async function writeAssignments(
  wh: Warehouse, runId: number, ids: readonly string[], assigned: { segments: Int32Array; distances: Float64Array }, isAssign: boolean,
  facts: Awaited<ReturnType<typeof readBehaviourFacts>>, behaviour: readonly Behaviour[],
): Promise<void> {
  const n = behaviour.reduce((s, b) => s + b.length, ids.length);
  const customerIds = new Array<string>(n);
  const kinds = new Array<string>(n);
  const segments = new Array<string>(n);
  const distances = new Float64Array(n).fill(Number.NaN);
  const flags = new Array<boolean>(n).fill(false);
  for (let i = 0; i < ids.length; i++) {
    customerIds[i] = ids[i];
    kinds[i] = 'load-shape';
    segments[i] = segmentCode(assigned.segments[i]);
    distances[i] = assigned.distances[i];
    flags[i] = isAssign;
  }
  let at = ids.length;
  facts.forEach((f, c) => {
    for (const b of behaviour[c]) {
      customerIds[at] = f.customerId;
      kinds[at] = b.dimension;
      segments[at++] = b.rule.code;
    }
  });
  await wh.append('customer_segments', {
    rowCount: n,
    columns: { run_id: new Int32Array(n).fill(runId), customer_id: customerIds, kind: kinds, segment: segments, distance: distances, assigned: flags },
  });
}

async function revenueBySegment(wh: Warehouse, runId: number, request: SegmentsRequest): Promise<Map<string, number>> {
  const rows = await wh.query<{ segment: string; revenue: number }>(`
    SELECT s.segment, coalesce(sum(b.amount), 0) AS revenue FROM customer_segments s
    LEFT JOIN bills b ON b.customer_id = s.customer_id AND (CAST(? AS DATE) IS NULL OR b.period_start >= CAST(? AS DATE)) AND (CAST(? AS DATE) IS NULL OR b.period_end <= CAST(? AS DATE))
    WHERE s.run_id = ? AND s.kind = 'load-shape' GROUP BY s.segment`, [request.from ?? null, request.from ?? null, request.to ?? null, request.to ?? null, runId]);
  return new Map(rows.map((r) => [r.segment, Number(r.revenue)]));
}

function behaviourSummary(behaviour: readonly Behaviour[]): BehaviourSummary[] {
  const counts = new Map<string, { rule: Behaviour[number]['rule']; n: number }>();
  for (const segments of behaviour) {
    for (const { rule } of segments) {
      const key = `${rule.dimension}/${rule.code}`;
      const entry = counts.get(key) ?? { rule, n: 0 };
      entry.n++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].map(({ rule, n }) => ({ dimension: rule.dimension, code: rule.code, label: { 'zh-CN': rule.labelZh, en: rule.labelEn }, definition: rule.definition, customers: n }));
}
