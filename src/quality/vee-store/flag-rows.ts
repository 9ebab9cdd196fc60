import type { Flag } from '../vee/flag.js';
import type { StoredSeries } from './stored-series.js';

/** A VEE finding as stored in `vee_flags`. */
export interface FlagRow {
  readonly meterId: number;
  readonly channel: number;
  readonly check: string;
  readonly code: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly severity: string;
  readonly reason: string;
  readonly reasonZh: string;
  readonly facts: string | null;
  readonly runId: number;
}

/** The flags of one series with their slot ranges as UTC instants. */
export function flagRows(stored: StoredSeries, flags: readonly Flag[], runId: number): FlagRow[] {
  const { startMs, intervalMs } = stored.window;
  return flags.map((f) => ({
    meterId: stored.meter.meterId, channel: stored.channel, check: f.check, code: f.code,
    startMs: startMs + f.startIndex * intervalMs, endMs: startMs + f.endIndex * intervalMs, severity: f.severity,
    reason: f.reason, reasonZh: f.reasonZh, facts: f.facts ? JSON.stringify(f.facts) : null, runId,
  }));
}

/** Identity of a finding: the same check, code, range, severity and reason. */
export function flagKey(row: FlagRow): string {
  return [row.meterId, row.channel, row.check, row.code, row.startMs, row.endMs, row.severity, row.reason].join('|');
}

/**
 * The stored findings of a series after this run. Findings already stored keep the run that first
 * found them; `changed` is false when the store already holds exactly these findings.
 */
export function reconcileFlags(found: readonly FlagRow[], existing: readonly FlagRow[]): { changed: boolean; rows: FlagRow[] } {
  const before = new Map(existing.map((r) => [flagKey(r), r]));
  const rows = found.map((r) => before.get(flagKey(r)) ?? r);
  const changed = existing.length !== found.length || rows.some((r, i) => r !== before.get(flagKey(found[i])));
  return { changed, rows };
}
