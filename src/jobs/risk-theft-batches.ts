import { ValidationError } from '../core/errors.js';
import type { ProgressListener } from '../core/record-batch.js';
import {
  runTheftDetection, type AreaLossSummary, type InspectionEntry, type InspectionLabel, type TheftDetectionOptionsInput, type TheftRunStats,
} from '../analytics/theft/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { latestInspectionOutcomes } from './risk-store.js';

/** Meters analysed together by default: bounds memory whatever the size of the store. */
export const DEFAULT_BATCH_METERS = 4000;

export interface BatchedDetection {
  /** Best entries over all batches, by score, ranks renumbered. */
  readonly inspections: InspectionEntry[];
  readonly areas: AreaLossSummary[];
  readonly batches: number;
  readonly meters: number;
  readonly labels: { readonly confirmed: number; readonly clear: number };
  readonly supervisedBatches: number;
  readonly batchStats: TheftRunStats[];
}

/** Transformer areas cut into batches of whole areas with at most about `batchMeters` meters each. */
export async function areaBatches(wh: Warehouse, batchMeters: number): Promise<string[][]> {
  const rows = await wh.query<{ area_id: string; n: number }>('SELECT area_id, count(*) AS n FROM meters GROUP BY area_id ORDER BY area_id');
  const batches: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const r of rows) {
    if (current.length && size + Number(r.n) > batchMeters) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(String(r.area_id));
    size += Number(r.n);
  }
  if (current.length) batches.push(current);
  return batches;
}

/**
 * Theft and line-loss detection over the store, batch of transformer areas by batch, so memory
 * stays flat as the store grows: each batch reads only its meters' daily aggregates. Peer groups
 * and the unsupervised detector are fitted per batch; the latest inspection outcomes are the labels.
 */
export async function detectByAreaBatches(
  wh: Warehouse,
  options: { keep: number; batchMeters?: number; detection?: TheftDetectionOptionsInput; onProgress?: ProgressListener; phase?: string },
): Promise<BatchedDetection> {
  const outcomes = await latestInspectionOutcomes(wh);
  const labels: InspectionLabel[] = outcomes.map((o) => ({ customerId: o.customerId, outcome: o.outcome, ...(o.meterId === null ? {} : { meterId: o.meterId }) }));
  const batches = await areaBatches(wh, options.batchMeters ?? DEFAULT_BATCH_METERS);
  if (batches.length === 0) throw new ValidationError('theft detection: the store has no meters');
  const inspections: InspectionEntry[] = [];
  const areas: AreaLossSummary[] = [];
  const batchStats: TheftRunStats[] = [];
  for (const [i, areaIds] of batches.entries()) {
    options.onProgress?.({ phase: options.phase ?? 'theft', done: i, total: batches.length });
    const hasReadings = await wh.query('SELECT 1 AS x FROM readings WHERE meter_id IN (SELECT meter_id FROM meters WHERE area_id IN (' + areaIds.map(() => '?').join(', ') + ')) LIMIT 1', areaIds);
    if (hasReadings.length === 0) continue;
    const result = await runTheftDetection(wh, { ...options.detection, labels, areaIds, top: options.keep });
    inspections.push(...result.inspections);
    areas.push(...result.areas);
    batchStats.push(result.stats);
  }
  options.onProgress?.({ phase: options.phase ?? 'theft', done: batches.length, total: batches.length });
  inspections.sort((a, b) => b.score - a.score || a.meterId - b.meterId);
  const kept = inspections.slice(0, options.keep).map((e, i) => ({ ...e, rank: i + 1 }));
  return {
    inspections: kept, areas, batches: batches.length, meters: batchStats.reduce((s, b) => s + b.meters, 0),
    labels: { confirmed: labels.filter((l) => l.outcome === 'confirmed').length, clear: labels.filter((l) => l.outcome === 'clear').length },
    supervisedBatches: batchStats.filter((b) => b.supervised).length, batchStats,
  };
}
