import type { SqlParam } from '../../warehouse/warehouse.js';
import type { SqlReader } from '../connector.js';
import { sqlString } from '../bulk/sql-text.js';
import { isGzipFile } from '../files/byte-source.js';
import { IngestFileError } from '../ingest-errors.js';
import type { TimeFormat } from '../readings/timestamp-parser.js';
import type { CsvConfig } from './config.js';
import { readCsvHead, type CsvHead } from './csv-head.js';
import { chooseTimeFormat, layoutPlan, timeColumn, type CsvLayoutPlan } from './row-reader.js';

/** How DuckDB reads one CSV file: the layout, the columns' types and formats. */
export interface CsvSqlPlan {
  readonly path: string;
  readonly layout: CsvLayoutPlan;
  readonly header: readonly string[];
  readonly delimiter: string;
  /** The JS time format (for records re-read in JavaScript). */
  readonly timeFormat: TimeFormat;
  /** strptime format of the time (long) or day (wide) column. */
  readonly strptime: string;
  readonly gzip: boolean;
}

/** Names of DuckDB's reject tables for the current scan (temporary, replaced per file). */
export const REJECTS_TABLE = 'ingest_csv_rejects';
export const REJECT_SCANS_TABLE = 'ingest_csv_reject_scans';

/**
 * Whether DuckDB can read this file, and how. Undefined (JS path) under `engine: 'js'`, and under
 * `auto` for what only the JS path reads: non-UTF-8 encodings, time layouts strptime cannot express
 * (epochs, zones, fractions, CJK dates), another warehouse than DuckDB, an empty file. Under
 * `engine: 'duckdb'` those are errors naming the file.
 */
export async function planCsvSql(path: string, config: CsvConfig, sql: SqlReader | undefined): Promise<CsvSqlPlan | undefined> {
  if (config.engine === 'js') return undefined;
  const refuse = (reason: string): undefined => {
    if (config.engine === 'duckdb') throw new IngestFileError(path, `engine duckdb cannot read this file: ${reason}; use engine js or auto`);
    return undefined;
  };
  if (sql?.dialect.name !== 'duckdb') return refuse(`the warehouse is ${sql?.dialect.name ?? 'not SQL'}, not DuckDB`);
  if (config.delimiter !== undefined && config.delimiter === '"') return refuse('the delimiter is a quote');
  const head = await readCsvHead(path, config);
  if (!head) return refuse('the file is empty');
  if (head.encoding !== 'utf-8') return refuse(`it is ${head.encoding}, DuckDB reads UTF-8 only`);
  return planFromHead(path, config, head, refuse);
}

function planFromHead(path: string, config: CsvConfig, head: CsvHead, refuse: (reason: string) => undefined): CsvSqlPlan | undefined {
  const layout = layoutPlan(path, head.header, config);
  const sample = head.sample?.[timeColumn(layout)];
  const timeFormat = chooseTimeFormat(path, config, sample);
  const strptime = sample === undefined ? undefined : strptimeFormat(sample, timeFormat, layout.layout === 'wide');
  if (!strptime) return refuse(`no strptime format for ${sample === undefined ? 'a file without data lines' : `the time "${sample}" (${timeFormat})`}`);
  return { path, layout, header: head.header, delimiter: head.delimiter, timeFormat, strptime, gzip: isGzipFile(path) };
}

const dateTime = (date: string) => new RegExp(`^${date}(?:([ T])(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?$`);
const yearFirst = dateTime('\\d{4}([-/.])\\d{1,2}\\1\\d{1,2}');
const yearLast = dateTime('\\d{1,2}([-/.])\\d{1,2}\\1\\d{4}');

/**
 * The strptime format of a sample date-time in the file's field order: `2025-09-26 00:15[:00]`,
 * `2025/9/26`, `26-09-2025 00:15`... Undefined for anything else; rows in another layout than the
 * sample's fail DuckDB's parse and are re-read in JavaScript.
 */
export function strptimeFormat(sample: string, format: TimeFormat, dateOnly: boolean): string | undefined {
  const match = (format === 'ymd' ? yearFirst : format === 'dmy' || format === 'mdy' ? yearLast : undefined)?.exec(sample);
  if (!match) return undefined;
  const [, sep, t, , , seconds] = match;
  const date = format === 'ymd' ? ['%Y', '%m', '%d'] : format === 'dmy' ? ['%d', '%m', '%Y'] : ['%m', '%d', '%Y'];
  if (dateOnly) return t === undefined ? date.join(sep) : undefined;
  return date.join(sep) + (t === undefined ? '' : `${t}%H:%M${seconds === undefined ? '' : ':%S'}`);
}

/** The `read_csv(...)` table function of a plan: every column typed, rejects kept in `REJECTS_TABLE`. */
export function readCsvSql(plan: CsvSqlPlan): { sql: string; params: SqlParam[] } {
  const types = columnTypes(plan);
  const columns = types.map((type, i) => `${sqlString(`c${i}`)}: ${sqlString(type)}`).join(', ');
  const format = plan.layout.layout === 'wide' ? 'dateformat' : 'timestampformat';
  return {
    sql: `read_csv(?, header = true, skip = 0, comment = '', delim = ?, quote = '"', escape = '"', columns = {${columns}},
      ${format} = ?, compression = ?, store_rejects = true, rejects_table = '${REJECTS_TABLE}', rejects_scan = '${REJECT_SCANS_TABLE}')`,
    params: [plan.path, plan.delimiter, plan.strptime, plan.gzip ? 'gzip' : 'none'],
  };
}

function columnTypes(plan: CsvSqlPlan): string[] {
  const types = plan.header.map(() => 'VARCHAR');
  if (plan.layout.layout === 'wide') {
    types[plan.layout.plan.date] = 'DATE';
    for (const c of plan.layout.plan.slotColumns) types[c] = 'DOUBLE';
  } else {
    types[plan.layout.plan.time] = 'TIMESTAMP';
    types[plan.layout.plan.value] = 'DOUBLE';
  }
  return types;
}
