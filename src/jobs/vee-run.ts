import type { GridLensConfig } from '../core/config.js';
import { ValidationError } from '../core/errors.js';
import type { ProgressListener } from '../core/record-batch.js';
import { utcOffsetMinutes } from '../core/time/index.js';
import { localIsoDate, runVeeOverStore, type StoreVeeSummary, type VeeRange } from '../quality/vee-store/index.js';
import { defaultVeeRuleSet, loadVeeRuleFile } from '../quality/vee/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { withStore } from './store.js';

/** What a caller (CLI, API, test) asks `vee run` to do. Unset fields take the documented defaults. */
export interface VeeRunRequest {
  /** First local day (YYYY-MM-DD); default the first day with readings. */
  readonly from?: string;
  /** Last local day, included; default the last day with readings. */
  readonly to?: string;
  /** Only these meter ids; default every meter. */
  readonly meters?: readonly number[];
  /** A JSON rule file; default the shipped rule set (`gridlens-default`). */
  readonly rules?: string;
  /** "Now" for the future-value check (tests); default the clock. */
  readonly now?: Date;
  /** Intervals read per batch of meters (memory bound). */
  readonly batchIntervals?: number;
}

export interface VeeRunResult extends StoreVeeSummary {
  /** Facts a reader of the summary should know (checks not run, meters skipped). */
  readonly notes: string[];
}

export interface VeeRunOptions {
  readonly warehouse?: Warehouse;
  readonly onProgress?: ProgressListener;
}

/** `gridlens vee run`: re-validates stored readings over a range and writes flags, estimates and their audit trail. */
export async function veeRun(config: Pick<GridLensConfig, 'db' | 'timeZone'>, request: VeeRunRequest = {}, options: VeeRunOptions = {}): Promise<VeeRunResult> {
  const ruleSet = request.rules ? await loadVeeRuleFile(request.rules) : defaultVeeRuleSet;
  return withStore(config, async (wh) => {
    const range = await resolveRange(wh, request, config.timeZone);
    const summary = await runVeeOverStore(wh, {
      range, meterIds: request.meters, ruleSet, nowMs: (request.now ?? new Date()).getTime(), defaultTimeZone: config.timeZone,
      batchIntervals: request.batchIntervals, onProgress: options.onProgress,
    });
    return { ...summary, notes: notesOf(summary) };
  }, { warehouse: options.warehouse });
}

async function resolveRange(wh: Warehouse, request: VeeRunRequest, timeZone: string): Promise<VeeRange> {
  if (request.from && request.to) return { from: request.from, to: request.to };
  const [row] = await wh.query<{ first: Date | null; last: Date | null }>('SELECT min(ts) AS first, max(ts) AS last FROM readings');
  if (!row?.first || !row.last) throw new ValidationError('vee run: the store has no readings; ingest some or give --from and --to');
  const day = (d: Date) => localIsoDate(d.getTime(), utcOffsetMinutes(timeZone, d.getTime()));
  return { from: request.from ?? day(row.first), to: request.to ?? day(row.last) };
}

function notesOf(summary: StoreVeeSummary): string[] {
  const notes = summary.skippedChecks.map((c) => `check ${c.check} not run: ${c.reason}`);
  if (summary.skippedMeters.length) notes.push(`${summary.skippedMeters.length} meter channels skipped (see skippedMeters)`);
  if (summary.misalignedRows) notes.push(`${summary.misalignedRows} readings off their meter's interval grid were left as they are`);
  return notes;
}
