import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ValidationError } from '../../core/errors.js';
import { MS_PER_DAY } from '../../core/time/index.js';
import { columnIndex, datasetFolder, parseCsv, parseNumber } from '../datasets/index.js';

export const LCL_DTOU_DATASET = 'lcl_dtou_2013_aggregate';
export const LCL_DTOU_FILE = 'DTOU_2013_iso.csv';
/** The dToU trial's normal price band (GBP/kWh); half hours at any other price are events. */
export const LCL_NORMAL_PRICE = 0.1176;

/** Low Carbon London dToU 2013, half-hourly on whole days of the file's clock (GMT, no DST shift). */
export interface LclDtou {
  readonly firstDay: number;
  readonly days: number;
  /** Mean kWh per household per half hour, by group. */
  readonly series: { readonly all: Float64Array; readonly flex: Float64Array; readonly noflex: Float64Array };
  readonly price: Float64Array;
  readonly temperature: Float64Array;
}

export async function loadLclDtou(dataDir: string | undefined): Promise<LclDtou> {
  const folder = datasetFolder(dataDir, LCL_DTOU_DATASET, [LCL_DTOU_FILE]);
  return parseLclDtou(await readFile(join(folder, LCL_DTOU_FILE), 'utf8'));
}

/** Parses the CSV; rows must be consecutive half hours on whole days. */
export function parseLclDtou(text: string): LclDtou {
  const table = parseCsv(text);
  const col = (name: string) => columnIndex(table, name, LCL_DTOU_FILE);
  const [time, price, temp, all, flex, noflex] = ['DateTime_local', 'Price', 'Temperature', 'mean_all', 'mean_flex', 'mean_noflex'].map(col);
  const n = table.rows.length;
  if (n === 0 || n % 48 !== 0) throw new ValidationError(`${LCL_DTOU_FILE}: ${n} rows is not a whole number of half-hourly days`, { rows: n });
  const first = Date.parse(`${table.rows[0][time].replace(' ', 'T')}:00Z`);
  const out = { all: new Float64Array(n), flex: new Float64Array(n), noflex: new Float64Array(n), price: new Float64Array(n), temperature: new Float64Array(n) };
  table.rows.forEach((row, i) => {
    const ms = Date.parse(`${row[time].replace(' ', 'T')}:00Z`);
    if (ms !== first + i * 1_800_000) throw new ValidationError(`${LCL_DTOU_FILE} line ${i + 2}: expected consecutive half hours, got ${row[time]}`, { line: i + 2 });
    out.all[i] = parseNumber(row[all]);
    out.flex[i] = parseNumber(row[flex]);
    out.noflex[i] = parseNumber(row[noflex]);
    out.price[i] = parseNumber(row[price]);
    out.temperature[i] = parseNumber(row[temp]);
  });
  return { firstDay: first / MS_PER_DAY, days: n / 48, series: { all: out.all, flex: out.flex, noflex: out.noflex }, price: out.price, temperature: out.temperature };
}

/** Days (epoch) with at least one half hour off the normal price: the trial's price events. */
export function lclEventDays(data: LclDtou): Set<number> {
  const days = new Set<number>();
  for (let i = 0; i < data.price.length; i++) if (data.price[i] !== LCL_NORMAL_PRICE) days.add(data.firstDay + Math.floor(i / 48));
  return days;
}
