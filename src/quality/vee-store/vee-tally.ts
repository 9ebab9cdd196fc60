import type { VeeResult } from '../vee/run-vee.js';
import type { ReadingChange } from './reading-changes.js';

/** Counts of a store VEE run, added up series by series. */
export class VeeTally {
  meters = 0;
  series = 0;
  intervals = 0;
  flags = 0;
  edits = 0;
  misalignedRows = 0;
  readonly flagsByCheck: Record<string, number> = {};
  readonly flagsBySeverity: Record<string, number> = {};
  readonly editsByMethod: Record<string, number> = {};
  /** Values VEE estimated or edited that the store already held (a re-run). */
  unchanged = 0;

  addSeries(result: VeeResult, changes: readonly ReadingChange[], misaligned: number): void {
    this.series++;
    this.intervals += result.stats.intervals;
    this.misalignedRows += misaligned;
    this.flags += result.flags.length;
    for (const f of result.flags) {
      this.flagsByCheck[f.check] = (this.flagsByCheck[f.check] ?? 0) + 1;
      this.flagsBySeverity[f.severity] = (this.flagsBySeverity[f.severity] ?? 0) + 1;
    }
    this.edits += changes.length;
    for (const c of changes) this.editsByMethod[c.method] = (this.editsByMethod[c.method] ?? 0) + 1;
    const changed = new Set(changes.map((c) => c.index));
    this.unchanged += result.edits.filter((e) => !changed.has(e.index)).length;
  }
}
