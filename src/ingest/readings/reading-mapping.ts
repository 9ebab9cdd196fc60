import { z } from 'zod';
import { IngestFileError } from '../ingest-errors.js';
import { normalizeHeader } from '../files/csv-fields.js';
import { energyUnits } from './energy-units.js';

/**
 * The mapping fields every reading source shares (CSV and Parquet spread this shape into their
 * configs, so a mapping file reads the same for both).
 */
export const readingMappingShape = {
  columns: z.object({
    meter: z.string().optional().describe('meter number column (aliases: meter_no, 表号, 电能表资产号...)'),
    time: z.string().optional().describe('timestamp column, long layout (aliases: read_time, ts, 采集时间...)'),
    value: z.string().optional().describe('energy column, long layout (aliases: kwh, value, 电量...)'),
    channel: z.string().optional().describe('channel column: import/export, 1/2, 正向/反向; absent = `channel`'),
    date: z.string().optional().describe('day column, wide layout (aliases: data_date, 数据日期...)'),
  }).default({}).describe('source column names; unset ones are found by alias'),
  meterNo: z.string().min(1).optional().describe('a constant meter number when the file holds one meter or zone and has no meter column'),
  channel: z.enum(['import', 'export']).default('import').describe('channel of every row when there is no channel column'),
  unit: z.enum(Object.keys(energyUnits) as [keyof typeof energyUnits]).default('kWh').describe('unit of the values: Wh, kWh or MWh (hourly MW = MWh)'),
  timestampAt: z.enum(['start', 'end']).default('start').describe('whether a timestamp marks the start or the end of its interval'),
  intervalMinutes: z.number().int().min(1).max(1440).optional().describe('interval length; long layout default 15, wide layout default from the number of slot columns'),
  registerMeters: z.boolean().default(false).describe('register unknown meters (meter_no = source id) instead of quarantining their readings'),
  batchRows: z.number().int().min(1).max(1_000_000).default(65_536).describe('readings per batch handed to the pipeline'),
};

export type ColumnRole = 'meter' | 'time' | 'value' | 'channel' | 'date';

export const columnAliases: Record<ColumnRole, readonly string[]> = {
  meter: ['meter_no', 'meterno', 'meter', 'meter_id', 'meter number', '表号', '电表号', '电能表资产号', '电表资产号', '资产编号', '电能表编号', '表计资产号'],
  time: ['read_time', 'reading_time', 'reading_datetime', 'ts', 'timestamp', 'datetime', 'time', '采集时间', '数据时间', '抄表时间', '冻结时间', '时间'],
  value: ['kwh', 'value', 'energy', 'usage', 'consumption', 'general_supply_kwh', '电量', '有功电量', '用电量', '正向有功', '正向有功电量'],
  channel: ['channel', 'direction', 'flow', '方向', '通道'],
  date: ['data_date', 'date', 'day', 'read_date', '数据日期', '日期', '采集日期'],
};

/** Index of a role's column: the declared name, else the first alias present; -1 when absent. */
export function findColumn(header: readonly string[], role: ColumnRole, declared: string | undefined, path: string): number {
  const cells = header.map(normalizeHeader);
  if (declared !== undefined) {
    const index = cells.indexOf(normalizeHeader(declared));
    if (index < 0) throw new IngestFileError(path, `column "${declared}" (${role}) is not in the header [${header.join(', ')}]`, { line: 1, role });
    return index;
  }
  for (const alias of columnAliases[role]) {
    const index = cells.indexOf(alias);
    if (index >= 0) return index;
  }
  return -1;
}

/** Like `findColumn`, but the column must exist. */
export function requireColumn(header: readonly string[], role: ColumnRole, declared: string | undefined, path: string): number {
  const index = findColumn(header, role, declared, path);
  if (index < 0) {
    throw new IngestFileError(path, `no ${role} column in the header [${header.join(', ')}]: name it in the mapping (columns.${role}) or use one of ${columnAliases[role].join(', ')}`, { line: 1, role });
  }
  return index;
}
