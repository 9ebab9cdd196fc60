import type { ProgressListener } from '../../core/record-batch.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { readingRules } from '../readings/reading-rules.js';
import { ingestFile, type FilePlan, type FileSummary } from './file-ingest.js';
import { finishRun, startRun } from './ingest-ledger.js';

export interface IngestRunOptions {
  /** "Now" for the future-timestamp rule (default: the clock). */
  readonly now?: Date;
  /** Slack before a timestamp counts as future, minutes (default 0). */
  readonly futureToleranceMinutes?: number;
  readonly allowNegativeImport?: boolean;
  readonly mergeRows?: number;
  /** What the caller asked for, kept in the run's ledger row. */
  readonly request?: unknown;
  readonly onProgress?: ProgressListener;
}

export interface RunTotals {
  readonly files: number;
  readonly ingested: number;
  readonly skipped: number;
  readonly failed: number;
  readonly read: number;
  readonly accepted: number;
  readonly quarantined: number;
  readonly inserted: number;
  readonly duplicates: number;
  readonly superseded: number;
}

export interface IngestRunSummary {
  readonly runId: number;
  readonly files: FileSummary[];
  readonly totals: RunTotals;
  readonly seconds: number;
  readonly rowsPerSecond: number;
}

/** Ingests files one after another, each in its own transaction, under one ledger run. */
export async function ingestFiles(wh: Warehouse, plans: readonly FilePlan[], options: IngestRunOptions = {}): Promise<IngestRunSummary> {
  const started = performance.now();
  const runId = await startRun(wh, 'ingest', options.request ?? { paths: plans.map((p) => p.file.path) });
  const rules = readingRules((options.now ?? new Date()).getTime(), options);
  const totalBytes = plans.reduce((sum, p) => sum + p.file.bytes, 0);
  const files: FileSummary[] = [];
  let doneBytes = 0;
  try {
    for (const plan of plans) {
      const onBytes = (bytes: number) => options.onProgress?.({ phase: 'ingest', done: doneBytes + Math.min(bytes, plan.file.bytes), total: totalBytes });
      files.push(await ingestFile(wh, plan, { runId, rules, mergeRows: options.mergeRows, onBytes }));
      doneBytes += plan.file.bytes;
      options.onProgress?.({ phase: 'ingest', done: doneBytes, total: totalBytes });
    }
  } catch (error) {
    await finishRun(wh, runId, sumTotals(files), error instanceof Error ? error.message : String(error));
    throw error;
  }
  const totals = sumTotals(files);
  await finishRun(wh, runId, totals);
  const seconds = (performance.now() - started) / 1000;
  return { runId, files, totals, seconds, rowsPerSecond: seconds > 0 ? totals.read / seconds : 0 };
}

export function sumTotals(files: readonly FileSummary[]): RunTotals {
  const sum = (f: (s: FileSummary) => number) => files.reduce((acc, s) => acc + f(s), 0);
  return {
    files: files.length,
    ingested: files.filter((f) => f.status === 'ingested').length,
    skipped: files.filter((f) => f.status === 'skipped').length,
    failed: files.filter((f) => f.status === 'failed').length,
    read: sum((f) => f.rowsRead), accepted: sum((f) => f.rowsAccepted), quarantined: sum((f) => f.rowsQuarantined),
    inserted: sum((f) => f.rowsInserted), duplicates: sum((f) => f.rowsDuplicate),
    superseded: sum((f) => f.rowsSuperseded),
  };
}
