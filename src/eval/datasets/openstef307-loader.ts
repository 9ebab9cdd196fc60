import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LoadSeries, toRegularGrid } from '../../analytics/forecast/index.js';
import { ValidationError } from '../../core/errors.js';
import { parseCsv, parseNumber, type CsvTable } from './csv-table.js';
import { datasetFolder } from './data-root.js';

export const OPENSTEF307_DATASET = 'openstef_substation_307';
export const OPENSTEF307_FILES = ['307-train-data.csv', '307-test-data.csv', 'predicted_load_307.csv'] as const;

/** OpenSTEF's reference set for prediction job 307: 15-minute load (MW) with weather, prices and profiles. */
export interface Openstef307 {
  readonly folder: string;
  /** Train and test rows on one UTC grid (Europe/Amsterdam clock for calendar features). */
  readonly series: LoadSeries;
  /** First test row (epoch ms); the train file's last row is the same instant and is dropped. */
  readonly testStart: number;
  readonly testRows: number;
  /** OpenSTEF's own forecast of the test rows, aligned with them. */
  readonly openstefForecast: Float64Array;
  /** Exogenous column names (every column but the load). */
  readonly exogenous: readonly string[];
}

interface Rows {
  readonly timestamps: Float64Array;
  readonly columns: Map<string, Float64Array>;
}

function readRows(table: CsvTable, file: string): Rows {
  const names = table.header.slice(1);
  const timestamps = Float64Array.from(table.rows, (row) => {
    const t = Date.parse(row[0].replace(' ', 'T'));
    if (Number.isNaN(t)) throw new ValidationError(`${file}: unreadable timestamp "${row[0]}"`, { file });
    return t;
  });
  const columns = new Map(names.map((name, c) => [name, Float64Array.from(table.rows, (row) => parseNumber(row[c + 1]))]));
  return { timestamps, columns };
}

/** Reads the train, test and OpenSTEF-forecast CSVs and joins train and test on one grid. */
export async function loadOpenstef307(dataDir?: string): Promise<Openstef307> {
  const folder = datasetFolder(dataDir, OPENSTEF307_DATASET, OPENSTEF307_FILES);
  const read = async (file: string) => readRows(parseCsv(await readFile(join(folder, file), 'utf8')), file);
  const [train, test, predicted] = await Promise.all(OPENSTEF307_FILES.map(read));
  const testStart = test.timestamps[0];
  const kept = Int32Array.from(train.timestamps.keys()).filter((i) => train.timestamps[i] < testStart);
  const names = [...train.columns.keys()];
  const joined = (head: Float64Array, tail: Float64Array | undefined) => Float64Array.from([...Array.from(kept, (i) => head[i]), ...(tail ?? [])]);
  const timestamps = joined(train.timestamps, test.timestamps);
  const grid = toRegularGrid(timestamps, names.map((name) => joined(train.columns.get(name) as Float64Array, test.columns.get(name))), 15);
  const columns = new Map(names.map((name, c) => [name, grid.columns[c]]));
  const exogenous = names.filter((name) => name !== 'load');
  const series = new LoadSeries({
    timestamps: grid.timestamps,
    intervalMinutes: 15,
    load: columns.get('load') as Float64Array,
    exogenous: Object.fromEntries(exogenous.map((name) => [name, columns.get(name) as Float64Array])),
    timeZone: 'Europe/Amsterdam',
  });
  if (predicted.timestamps.some((t, i) => t !== test.timestamps[i])) throw new ValidationError('predicted_load_307.csv is not aligned with the test rows');
  return { folder, series, testStart, testRows: test.timestamps.length, openstefForecast: predicted.columns.get('predicted_load') as Float64Array, exogenous };
}
