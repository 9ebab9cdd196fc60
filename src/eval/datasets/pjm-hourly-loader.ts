import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LoadSeries, toRegularGrid, UsFederalHolidayCalendar } from '../../analytics/forecast/index.js';
import { ValidationError } from '../../core/errors.js';
import { MS_PER_HOUR } from '../../core/time/index.js';
import { datasetFolder } from './data-root.js';

export const PJM_DATASET = 'pjm_hourly';

/** One PJM zone's hourly load on a regular grid, with what the cleaning found. */
export interface PjmHourly {
  readonly zone: string;
  readonly path: string;
  /** MW on US/Eastern wall-clock hours (interval starts), US federal holidays attached. */
  readonly series: LoadSeries;
  readonly rows: number;
  /** Repeated timestamps (DST fall-back hours), averaged. */
  readonly duplicates: number;
  /** Hours without a row (DST spring-forward hours, gaps), NaN in the series. */
  readonly missing: number;
}

const DAY_FIRST = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2})/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/;

/**
 * Wall-clock time of the start of the hour of a PJM timestamp. The files give the hour ending
 * ("01:00" is the hour from midnight) as "DD-MM-YYYY HH:MM" (spreadsheet re-saves) or
 * "YYYY-MM-DD HH:MM:SS" (the Kaggle original).
 */
export function pjmHourStart(text: string): number {
  const dayFirst = DAY_FIRST.exec(text);
  const iso = dayFirst ? null : ISO.exec(text);
  if (!dayFirst && !iso) throw new ValidationError(`unreadable PJM timestamp "${text}"`, { text });
  const [year, month, day, hour, minute] = dayFirst
    ? [dayFirst[3], dayFirst[2], dayFirst[1], dayFirst[4], dayFirst[5]]
    : [iso![1], iso![2], iso![3], iso![4], iso![5]];
  return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute)) - MS_PER_HOUR;
}

/** Reads `<ZONE>_hourly.csv`: unsorted rows in either date format, sorted onto an hourly grid. */
export async function loadPjmHourly(dataDir: string | undefined, zone: string): Promise<PjmHourly> {
  const file = `${zone}_hourly.csv`;
  const path = join(datasetFolder(dataDir, PJM_DATASET, [file]), file);
  const lines = (await readFile(path, 'utf8')).split(/\r?\n/).filter((line) => line.length > 0);
  if (lines[0] !== `Datetime,${zone}_MW`) throw new ValidationError(`${file}: unexpected header "${lines[0]}"`, { file });
  const n = lines.length - 1;
  const timestamps = new Float64Array(n);
  const load = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const line = lines[i + 1];
    const comma = line.indexOf(',');
    timestamps[i] = pjmHourStart(line.slice(0, comma));
    load[i] = Number(line.slice(comma + 1));
  }
  const grid = toRegularGrid(timestamps, [load], 60);
  const series = new LoadSeries({ timestamps: grid.timestamps, intervalMinutes: 60, load: grid.columns[0], holidays: new UsFederalHolidayCalendar() });
  return { zone, path, series, rows: n, duplicates: grid.duplicates, missing: grid.missing };
}
