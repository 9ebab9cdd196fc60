import { calendarColumns, localClock, type LoadSeries } from '../../analytics/forecast/index.js';

interface Cells {
  readonly cell: Int32Array;
  readonly year: Int32Array;
}

/** Each row's (week of year, hour, day kind) cell and its year. */
function cellsOf(series: LoadSeries): Cells {
  const columns = calendarColumns(localClock(series), series.holidays, ['dayOfYear', 'hour', 'dayKind', 'year']);
  const get = (name: string) => columns.get(name) as Float64Array;
  const [dayOfYear, hour, kind] = [get('dayOfYear'), get('hour'), get('dayKind')];
  return {
    cell: Int32Array.from(dayOfYear, (d, i) => (Math.floor((d - 1) / 7) * 24 + hour[i]) * 3 + kind[i]),
    year: Int32Array.from(get('year')),
  };
}

/** RMSE over rows [from, end) of each row's cell mean taken over the rows `use` accepts (NaN loads skipped). */
function cellMeanRmse(series: LoadSeries, cells: Cells, from: number, use: (row: number, scored: number) => boolean): number {
  let squares = 0;
  let n = 0;
  const years = new Set(cells.year.subarray(from));
  for (const year of years) {
    const sums = new Map<number, { sum: number; n: number }>();
    series.load.forEach((y, row) => {
      if (y !== y || !use(row, year)) return;
      const entry = sums.get(cells.cell[row]) ?? { sum: 0, n: 0 };
      entry.sum += y;
      entry.n++;
      sums.set(cells.cell[row], entry);
    });
    for (let row = from; row < series.length; row++) {
      const entry = sums.get(cells.cell[row]);
      if (cells.year[row] !== year || series.load[row] !== series.load[row] || !entry) continue;
      squares += (series.load[row] - entry.sum / entry.n) ** 2;
      n++;
    }
  }
  return Math.sqrt(squares / n);
}

/**
 * How much of a calendar-only error on rows [from, end) is the weather of those years, measured
 * with "climatologies": the mean load of each (week of year, hour, day kind) cell.
 * `inSample` takes the means over the scored rows themselves (it already knows the test weather,
 * an optimistic floor); `otherYears` takes them, for each scored year, over every other year of
 * the series, future test years included (what a perfect calendar model could know at best).
 */
export function calendarFloors(series: LoadSeries, from: number): { inSample: number; otherYears: number } {
  const cells = cellsOf(series);
  return {
    inSample: cellMeanRmse(series, cells, from, (row) => row >= from),
    otherYears: cellMeanRmse(series, cells, from, (row, year) => cells.year[row] !== year),
  };
}
