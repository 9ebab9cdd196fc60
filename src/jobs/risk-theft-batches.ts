import { ValidationError } from '../core/errors.js';
import type { ProgressListener } from '../core/record-batch.js';
import {
  detectTheft, loadTheftInputs, parseTheftOptions, type AreaLossSummary, type InspectionEntry, type InspectionLabel, type TheftDetectionOptions, type TheftDetectionOptionsInput, type TheftInputs, type TheftRunStats,
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
 * Reads of the batches, one ahead: once batch i is read, batch i + 1 is, so that the warehouse
 * aggregates the next batch's readings on its own threads while detection runs on this one. One
 * read at a time: queries on one connection must not interleave.
 */
class BatchReads {
  private ahead: { index: number; read: Promise<TheftInputs | null> } | null = null;

  constructor(private readonly wh: Warehouse, private readonly batches: readonly TheftDetectionOptions[]) {}

  async take(index: number): Promise<TheftInputs | null> {
    const read = this.ahead?.index === index ? this.ahead.read : loadTheftInputs(this.wh, this.batches[index]);
    this.ahead = null;
    if (index + 1 < this.batches.length) {
      const next = read.then(() => loadTheftInputs(this.wh, this.batches[index + 1]));
      // Awaited on the next take; a failure meanwhile must not count as unhandled.
      next.catch(() => undefined);
      this.ahead = { index: index + 1, read: next };
    }
    return read;
  }
}

/** The `keep` best entries by score (ties: lower meter id first). */
function bestEntries(entries: InspectionEntry[], keep: number): InspectionEntry[] {
  return entries.sort((a, b) => b.score - a.score || a.meterId - b.meterId).slice(0, keep);
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
  let inspections: InspectionEntry[] = [];
  const areas: AreaLossSummary[] = [];
  const batchStats: TheftRunStats[] = [];
  const batchOptions = batches.map((areaIds) => parseTheftOptions({ ...options.detection, labels, areaIds, top: options.keep }));
  const reads = new BatchReads(wh, batchOptions);
  for (let i = 0; i < batches.length; i++) {
    options.onProgress?.({ phase: options.phase ?? 'theft', done: i, total: batches.length });
    const inputs = await reads.take(i);
    if (!inputs) continue;
    // Only entries that can still make the kept list get their evidence built.
    const minScore = inspections.length >= options.keep ? inspections[options.keep - 1].score : undefined;
    const result = await detectTheft(inputs, { ...batchOptions[i], minScore });
    inspections = bestEntries([...inspections, ...result.inspections], options.keep);
    areas.push(...result.areas);
    batchStats.push(result.stats);
  }
  options.onProgress?.({ phase: options.phase ?? 'theft', done: batches.length, total: batches.length });
  const kept = inspections.map((e, i) => ({ ...e, rank: i + 1 }));
  return {
    inspections: kept, areas, batches: batches.length, meters: batchStats.reduce((s, b) => s + b.meters, 0),
    labels: { confirmed: labels.filter((l) => l.outcome === 'confirmed').length, clear: labels.filter((l) => l.outcome === 'clear').length },
    supervisedBatches: batchStats.filter((b) => b.supervised).length, batchStats,
  };
}
