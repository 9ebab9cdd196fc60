import { ValidationError } from '../../core/errors.js';
import { MS_PER_MINUTE } from '../../core/time/index.js';

/** Readings on a regular grid, with what it took to get there. */
export interface RegularGrid {
  readonly start: number;
  readonly timestamps: Float64Array;
  /** One column per input column, NaN where no reading fell on a grid row. */
  readonly columns: Float64Array[];
  /** Readings that repeated an earlier timestamp (averaged, e.g. DST fall-back hours). */
  readonly duplicates: number;
  /** Grid rows without any reading (gaps, DST spring-forward hours). */
  readonly missing: number;
}

/**
 * Puts readings in any order onto a regular grid: sorted, duplicate timestamps averaged per
 * column, absent rows NaN. Timestamps must lie on the grid (a multiple of the interval from the
 * earliest one). This is how unsorted exports with repeated DST hours become a {@link LoadSeries}.
 */
export function toRegularGrid(timestamps: ArrayLike<number>, columns: readonly ArrayLike<number>[], intervalMinutes: number): RegularGrid {
  const n = timestamps.length;
  if (n === 0) throw new ValidationError('no readings to put on a grid');
  const step = intervalMinutes * MS_PER_MINUTE;
  let start = Infinity;
  let end = -Infinity;
  for (let i = 0; i < n; i++) {
    start = Math.min(start, timestamps[i]);
    end = Math.max(end, timestamps[i]);
  }
  const length = Math.round((end - start) / step) + 1;
  const sums = columns.map(() => new Float64Array(length));
  const counts = columns.map(() => new Int32Array(length));
  const seen = new Uint8Array(length);
  let duplicates = 0;
  for (let i = 0; i < n; i++) {
    const row = (timestamps[i] - start) / step;
    if (!Number.isInteger(row)) throw new ValidationError(`timestamp ${new Date(timestamps[i]).toISOString()} is off the ${intervalMinutes}-minute grid`, { row: i });
    if (seen[row]) duplicates++;
    seen[row] = 1;
    columns.forEach((column, c) => {
      const v = column[i];
      if (v !== v) return;
      sums[c][row] += v;
      counts[c][row]++;
    });
  }
  const out = sums.map((sum, c) => sum.map((s, row) => (counts[c][row] > 0 ? s / counts[c][row] : Number.NaN)));
  return {
    start,
    timestamps: Float64Array.from({ length }, (_, row) => start + row * step),
    columns: out,
    duplicates,
    missing: seen.reduce((m, s) => m + (s ? 0 : 1), 0),
  };
}
