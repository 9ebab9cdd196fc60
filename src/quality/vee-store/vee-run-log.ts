import type { Warehouse } from '../../warehouse/warehouse.js';
import type { VeeRuleSet } from '../vee/vee-rules.js';
import type { VeeRange } from './vee-window.js';

/** Name under which VEE's estimates of missing intervals are recorded in `sources`. */
export const VEE_SOURCE_NAME = 'GridLens VEE estimates';

export interface SkippedCheck {
  readonly check: string;
  readonly reason: string;
}

export interface VeeRunTotals {
  readonly meters: number;
  readonly series: number;
  readonly intervals: number;
  readonly flags: number;
  readonly edits: number;
}

async function nextId(wh: Warehouse, table: string, column: string): Promise<number> {
  const [row] = await wh.query<{ id: number | null }>(`SELECT max(${wh.dialect.quoteIdent(column)}) AS id FROM ${wh.dialect.quoteIdent(table)}`);
  return (row?.id ?? 0) + 1;
}

/** Opens a run in its own statement, so an interrupted run stays visible as `running`. */
export async function startVeeRun(wh: Warehouse, range: VeeRange, ruleSet: VeeRuleSet, skippedChecks: readonly SkippedCheck[]): Promise<number> {
  const runId = await nextId(wh, 'vee_runs', 'run_id');
  await wh.run(
    `INSERT INTO vee_runs (run_id, started_at, status, from_date, to_date, rule_set, rule_version, rules, skipped_checks, meters, series, intervals, flags, edits)
     VALUES (?, ?, 'running', CAST(? AS DATE), CAST(? AS DATE), ?, ?, ?, ?, 0, 0, 0, 0, 0)`,
    [runId, new Date(), range.from, range.to, ruleSet.name ?? 'unnamed', ruleSet.version, JSON.stringify(ruleSet), JSON.stringify(skippedChecks)]);
  return runId;
}

export async function finishVeeRun(wh: Warehouse, runId: number, totals: VeeRunTotals, error?: string): Promise<void> {
  await wh.run(
    `UPDATE vee_runs SET finished_at = ?, status = ?, meters = ?, series = ?, intervals = ?, flags = ?, edits = ?, error = ? WHERE run_id = ?`,
    [new Date(), error ? 'failed' : 'done', totals.meters, totals.series, totals.intervals, totals.flags, totals.edits, error ?? null, runId]);
}

/** The `sources` row of VEE's estimates, created on first use. */
export async function veeSourceId(wh: Warehouse): Promise<number> {
  const found = await wh.query<{ source_id: number }>('SELECT source_id FROM sources WHERE name = ?', [VEE_SOURCE_NAME]);
  if (found[0]) return found[0].source_id;
  const id = await nextId(wh, 'sources', 'source_id');
  await wh.run('INSERT INTO sources (source_id, name, kind, created_at) VALUES (?, ?, ?, ?)', [id, VEE_SOURCE_NAME, 'vee', new Date()]);
  return id;
}
