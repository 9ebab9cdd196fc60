import { describeError } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { Reject } from '../connector.js';
import type { FileCounts } from '../pipeline/ingest-ledger.js';
import { finishRun, startRun } from '../pipeline/ingest-ledger.js';
import { loadMeters, sourceIdOf } from '../pipeline/meter-registry.js';
import type { MeterResolver } from '../readings/meter-resolver.js';
import { readingRules } from '../readings/reading-rules.js';
import { commitStreamBatch } from './stream-batch-commit.js';
import type { StreamBatch, StreamConnector, StreamContext, StreamEvent } from '../stream-connector.js';

export interface StreamIngestOptions {
  /** Stops the stream; the batch being collected is still committed. */
  readonly signal?: AbortSignal;
  /** Stops after this many messages. */
  readonly maxMessages?: number;
  /** Slack before a timestamp counts as future, minutes (default 0). */
  readonly futureToleranceMinutes?: number;
  readonly allowNegativeImport?: boolean;
  /** Reload the meters table this often to learn meters added meanwhile (default 5 minutes). */
  readonly meterReloadMs?: number;
  /** What the caller asked for, kept in the run's ledger row (default: location and redacted config). */
  readonly request?: unknown;
  /** After each committed batch: running totals and the batch's rejects. */
  readonly onProgress?: (progress: StreamProgress) => void;
  readonly onEvent?: (event: StreamEvent) => void;
}

/** Running totals of a stream run. */
export interface StreamTotals {
  batches: number;
  messages: number;
  /** Messages the broker redelivered (not acknowledged before: a reconnect or a restart). */
  redelivered: number;
  bytes: number;
  /** Records read: readings and rejected records. */
  read: number;
  accepted: number;
  /** New quarantine rows (a redelivered bad record is not quarantined twice). */
  quarantined: number;
  /** New keys stored. */
  inserted: number;
  /** Accepted readings whose key was stored already (redeliveries, re-publishes, corrections). */
  duplicates: number;
  superseded: number;
  metersRegistered: number;
}

export interface StreamProgress {
  readonly totals: Readonly<StreamTotals>;
  readonly seconds: number;
  /** Rejects of the batch just committed (already quarantined ones included). */
  readonly rejects: readonly Reject[];
}

export interface StreamSummary {
  readonly runId: number;
  readonly source: string;
  readonly location: string;
  readonly totals: Readonly<StreamTotals>;
  readonly seconds: number;
  readonly messagesPerSecond: number;
  readonly readingsPerSecond: number;
  /** The first few rejects (all are in `quarantine`). */
  readonly rejectSample: readonly Reject[];
}

const REJECT_SAMPLE = 5;

/**
 * Runs a stream connector into the store under one ledger run: each batch is committed in its own
 * transaction and acknowledged to the source only afterwards, so a crash loses nothing (the
 * source redelivers) and a redelivery changes nothing (the merge is idempotent).
 */
export async function ingestStream(wh: Warehouse, connector: StreamConnector, options: StreamIngestOptions = {}): Promise<StreamSummary> {
  const started = performance.now();
  const runId = await startRun(wh, 'ingest', options.request ?? { stream: connector.location, options: connector.printableConfig });
  const totals = emptyTotals();
  const sample: Reject[] = [];
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const meters = new MeterCache(wh, options.meterReloadMs ?? 300_000);
    await meters.reload();
    const context: StreamContext = {
      sourceId: await sourceIdOf(wh, connector.sourceName, connector.name), meters: () => meters.current,
      rules: () => readingRules(Date.now(), options), onEvent: options.onEvent,
    };
    const target = { runId, source: connector.name, path: connector.location, options: connector.printableConfig };
    for await (const batch of connector.read(context, { signal: options.signal, maxMessages: options.maxMessages })) {
      const counts = await commitStreamBatch(wh, batch, target);
      batch.ack();
      addBatch(totals, batch, counts);
      if (sample.length < REJECT_SAMPLE) sample.push(...batch.rejects.slice(0, REJECT_SAMPLE - sample.length));
      options.onProgress?.({ totals: { ...totals }, seconds: seconds(), rejects: batch.rejects });
      await meters.refreshIfDue();
    }
  } catch (error) {
    await finishRun(wh, runId, runTotals(totals), describeError(error));
    throw error;
  }
  await finishRun(wh, runId, runTotals(totals));
  const s = seconds();
  return {
    runId, source: connector.name, location: connector.location, totals, seconds: s,
    messagesPerSecond: s > 0 ? totals.messages / s : 0, readingsPerSecond: s > 0 ? totals.accepted / s : 0, rejectSample: sample,
  };
}

/**
 * The meter numbers a long-running stream resolves: reloaded now and then so meters added by
 * reference-data ingest are known — but never while it holds meters it registered itself and
 * has ids for (they would be reissued).
 */
class MeterCache {
  current!: MeterResolver;
  private loadedAt = 0;

  constructor(private readonly wh: Warehouse, private readonly reloadMs: number) {}

  async reload(): Promise<void> {
    this.current = await loadMeters(this.wh);
    this.loadedAt = performance.now();
  }

  async refreshIfDue(): Promise<void> {
    if (performance.now() - this.loadedAt >= this.reloadMs && this.current.newMeters.length === 0) await this.reload();
  }
}

export const emptyTotals = (): StreamTotals => ({
  batches: 0, messages: 0, redelivered: 0, bytes: 0, read: 0, accepted: 0, quarantined: 0, inserted: 0, duplicates: 0, superseded: 0, metersRegistered: 0,
});

function addBatch(totals: StreamTotals, batch: StreamBatch, counts: FileCounts): void {
  totals.batches++;
  totals.messages += batch.messages;
  totals.redelivered += batch.redelivered;
  totals.bytes += batch.bytes;
  totals.read += counts.rowsRead;
  totals.accepted += counts.rowsAccepted;
  totals.quarantined += counts.rowsQuarantined;
  totals.inserted += counts.rowsInserted;
  totals.duplicates += counts.rowsDuplicate;
  totals.superseded += counts.rowsSuperseded;
  totals.metersRegistered += counts.metersRegistered;
}

const runTotals = (t: StreamTotals) => ({ files: t.batches, read: t.read, accepted: t.accepted, quarantined: t.quarantined });
