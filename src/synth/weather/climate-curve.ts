import { MS_PER_DAY } from '../../core/time/index.js';

/**
 * Smooth annual curves through monthly tables. A table value is read as the value at the middle of
 * its month; between middles the curve is linear and wraps from December to January.
 */

/** Continuous month coordinate of a (local) epoch day: 0 at 1 January 00:00, 12 at year end. */
export function monthPosition(epochDay: number): number {
  const date = new Date(epochDay * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const length = daysInMonth(year, month);
  return month + (date.getUTCDate() - 0.5) / length;
}

export function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** Value of a 12-entry table at a month coordinate, linear between month middles, cyclic. */
export function cyclicMonthly(table: readonly number[], position: number): number {
  const x = position - 0.5;
  const lower = Math.floor(x);
  const frac = x - lower;
  const a = table[(lower + 12) % 12];
  const b = table[(lower + 13) % 12];
  return a + (b - a) * frac;
}

/**
 * Node values whose piecewise-linear curve has the given monthly means. The mean over a month of
 * the curve is (x[m-1] + 6·x[m] + x[m+1]) / 8, so reading the table directly would flatten the
 * peaks by ~0.5 °C; this solves the cyclic tridiagonal system by Jacobi iteration instead.
 */
export function meanPreservingNodes(monthlyMeans: readonly number[]): number[] {
  let nodes = [...monthlyMeans];
  for (let iteration = 0; iteration < 60; iteration++) {
    nodes = monthlyMeans.map((target, m) => (target - (nodes[(m + 11) % 12] + nodes[(m + 1) % 12]) / 8) / 0.75);
  }
  return nodes;
}
