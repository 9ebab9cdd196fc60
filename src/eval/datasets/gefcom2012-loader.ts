import { join } from 'node:path';
import { ListedHolidayCalendar } from '../../analytics/forecast/index.js';
import { ValidationError } from '../../core/errors.js';
import { epochDay, MS_PER_DAY } from '../../core/time/index.js';
import { parseCsv, parseNumber, type CsvTable } from './csv-table.js';
import { datasetFolder } from './data-root.js';
import { parseHolidayList } from './gefcom2012-holidays.js';
import { readZipEntry } from './zip-entry-reader.js';

export const GEFCOM2012_DATASET = 'gefcom2012_load';
export const GEFCOM2012_FILES = ['Load_history.csv.zip', 'temperature_history.csv.zip', 'temperature_solution.csv.zip', 'Load_solution.csv.zip', 'Load_benchmark.csv.zip', 'Holiday_List.csv.zip'] as const;
export const GEFCOM2012_ZONES = 20;
export const GEFCOM2012_STATIONS = 11;
/** Zone id of the system total (the sum of the 20 zones) in the solution files. */
export const GEFCOM2012_SYSTEM_ZONE = 21;

/** One row of Load_solution.csv: a zone's 24 hourly loads of a withheld day, with its score weight. */
export interface SolutionRow {
  readonly id: number;
  readonly zone: number;
  readonly day: number;
  readonly values: Float64Array;
  readonly weight: number;
}

/**
 * The GEFCom2012 load track on one hourly grid of wall-clock time starting 2004-01-01 00:00
 * (hour h of a file row is the hour ending h:00, stored at its start, row = day × 24 + h − 1).
 */
export interface Gefcom2012Data {
  readonly folder: string;
  readonly start: number;
  readonly hours: number;
  /** Zone loads (kW), zones 1..20 at index 0..19; NaN in the withheld weeks. */
  readonly zoneLoads: Float64Array[];
  /** Station temperatures (°F), history joined with temperature_solution. */
  readonly temperatures: Float64Array[];
  readonly solution: SolutionRow[];
  /** Official benchmark forecast by solution row id. */
  readonly benchmark: ReadonlyMap<number, Float64Array>;
  readonly holidays: ListedHolidayCalendar;
}

const FIRST_DAY = epochDay('2004-01-01');
const DAYS = 1650;

/** Reads the six zipped CSVs of the GEFCom2012 load track from the shared data root. */
export async function loadGefcom2012(dataDir?: string): Promise<Gefcom2012Data> {
  const folder = datasetFolder(dataDir, GEFCOM2012_DATASET, GEFCOM2012_FILES);
  const read = async (file: string) => parseCsv((await readZipEntry(join(folder, file))).toString('utf8'));
  const [history, temperature, temperatureSolution, solution, benchmark, holidays] = await Promise.all(GEFCOM2012_FILES.map(read));
  const hours = DAYS * 24;
  const temperatures = wideHourly(temperature, GEFCOM2012_STATIONS, hours, 'temperature_history.csv');
  addLongTemperatures(temperatures, temperatureSolution);
  return {
    folder,
    start: FIRST_DAY * MS_PER_DAY,
    hours,
    zoneLoads: wideHourly(history, GEFCOM2012_ZONES, hours, 'Load_history.csv'),
    temperatures,
    solution: solutionRows(solution, true),
    benchmark: new Map(solutionRows(benchmark, false).map((row) => [row.id, row.values])),
    holidays: new ListedHolidayCalendar('gefcom2012', parseHolidayList(holidays)),
  };
}

function dayOf(year: string, month: string, day: string): number {
  return epochDay(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`) - FIRST_DAY;
}

/** id,year,month,day,h1..h24 rows → one hourly array per id (1-based ids). */
function wideHourly(table: CsvTable, count: number, hours: number, file: string): Float64Array[] {
  const out = Array.from({ length: count }, () => new Float64Array(hours).fill(Number.NaN));
  for (const row of table.rows) {
    const id = Number(row[0]);
    const day = dayOf(row[1], row[2], row[3]);
    if (!(id >= 1 && id <= count) || day < 0 || day >= hours / 24) throw new ValidationError(`${file}: unexpected row ${row.slice(0, 4).join(',')}`, { file });
    for (let h = 0; h < 24; h++) out[id - 1][day * 24 + h] = parseNumber(row[4 + h]);
  }
  return out;
}

/** station_id,datetime,date,year,month,day,hour,T0_p1 rows (hour 1..24 ending) into the station arrays. */
function addLongTemperatures(temperatures: Float64Array[], table: CsvTable): void {
  for (const row of table.rows) {
    const station = Number(row[0]);
    const index = dayOf(row[3], row[4], row[5]) * 24 + Number(row[6]) - 1;
    if (index >= 0 && index < temperatures[station - 1].length) temperatures[station - 1][index] = parseNumber(row[7]);
  }
}

/** id,zone_id,year,month,day,h1..h24[,weight] rows. */
function solutionRows(table: CsvTable, weighted: boolean): SolutionRow[] {
  return table.rows.map((row) => ({
    id: Number(row[0]),
    zone: Number(row[1]),
    day: dayOf(row[2], row[3], row[4]),
    values: Float64Array.from({ length: 24 }, (_, h) => parseNumber(row[5 + h])),
    weight: weighted ? Number(row[29]) : 0,
  }));
}
