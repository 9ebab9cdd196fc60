import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { NotFoundError, ValidationError } from '../../core/errors.js';

/** Relative path of the SGSC smart-meter sample under the shared data directory. */
export const SGSC_FILE = join('sgsc_smart_meter10', 'smart_meter10.csv.gz');

const HALF_HOUR_MS = 1_800_000;
const MS_PER_DAY = 86_400_000;
export const SGSC_STEPS_PER_DAY = 48;

/**
 * One household's half-hourly kWh on whole local days: `kwh[d * 48 + h]` is half hour h of day d
 * after `firstDay` (days since 1970-01-01 of the wall-clock date); NaN where the file has no reading.
 */
export interface Household {
  readonly id: string;
  readonly firstDay: number;
  readonly days: number;
  readonly kwh: Float64Array;
}

/** Reads the 10 SGSC households (Ausgrid, NSW, 2012–2014); timestamps are local wall-clock time. */
export async function loadSgscHouseholds(dataDir: string): Promise<Household[]> {
  const path = join(dataDir, SGSC_FILE);
  const bytes = await readFile(path).catch((cause: unknown) => {
    throw Object.assign(new NotFoundError('dataset file', path), { cause });
  });
  return parseSgsc(gunzipSync(bytes).toString('utf8'));
}

/** Parses `customer_id,reading_datetime,general_supply_kwh` rows into households on whole days. */
export function parseSgsc(text: string): Household[] {
  const readings = new Map<string, [number, number][]>();
  const lines = text.split(/\r?\n/);
  if (!lines[0]?.startsWith('customer_id,reading_datetime,general_supply_kwh')) throw new ValidationError('unexpected SGSC header', { header: lines[0] });
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const [id, stamp, value] = lines[i].split(',');
    const ms = Date.parse(`${stamp.replace(' ', 'T')}Z`);
    const kwh = Number(value);
    if (!Number.isFinite(ms) || !Number.isFinite(kwh)) throw new ValidationError(`bad SGSC row ${i + 1}`, { row: i + 1 });
    const list = readings.get(id);
    if (list) list.push([ms, kwh]);
    else readings.set(id, [[ms, kwh]]);
  }
  return [...readings].sort(([a], [b]) => a.localeCompare(b)).map(([id, rows]) => toHousehold(id, rows));
}

function toHousehold(id: string, rows: [number, number][]): Household {
  let first = Infinity;
  let last = -Infinity;
  for (const [ms] of rows) {
    first = Math.min(first, ms);
    last = Math.max(last, ms);
  }
  const firstDay = Math.ceil(first / MS_PER_DAY);
  const days = Math.floor((last + HALF_HOUR_MS) / MS_PER_DAY) - firstDay;
  const kwh = new Float64Array(Math.max(0, days) * SGSC_STEPS_PER_DAY).fill(Number.NaN);
  for (const [ms, value] of rows) {
    const step = Math.round((ms - firstDay * MS_PER_DAY) / HALF_HOUR_MS);
    if (step >= 0 && step < kwh.length) kwh[step] = value;
  }
  return { id, firstDay, days: Math.max(0, days), kwh };
}
