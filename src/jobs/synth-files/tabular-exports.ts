import type { Warehouse } from '../../warehouse/warehouse.js';

export interface ExportSpec {
  readonly file: string;
  readonly format: 'csv' | 'parquet' | 'jsonl';
  readonly query: string;
  readonly description: string;
}

const localTs = (col: string, offsetMinutes: number) => `strftime(${col} + INTERVAL ${offsetMinutes} MINUTE, '%Y-%m-%d %H:%M:%S')`;

/**
 * Readings as a head-end system exports them: long layout in local wall-clock time (with the
 * duplicate deliveries the store de-duplicated), wide meter-day layout with one column per
 * interval (as Chinese collection systems export), and Parquet in UTC.
 */
export function readingExports(offsetMinutes: number, intervalMinutes: number): ExportSpec[] {
  const rawReadings = `
    SELECT r.meter_id, r.channel, r.ts, r.kwh, 1 AS delivery FROM readings r
    UNION ALL SELECT d.meter_id, d.channel, d.ts, d.kwh, d.delivery FROM truth.duplicate_deliveries d`;
  const slots = (24 * 60) / intervalMinutes;
  const slotExpr = `CAST((hour(r.ts + INTERVAL ${offsetMinutes} MINUTE) * 60 + minute(r.ts + INTERVAL ${offsetMinutes} MINUTE)) / ${intervalMinutes} AS INTEGER)`;
  const slotColumns = Array.from({ length: slots }, (_, k) => `max(kwh) FILTER (WHERE slot = ${k}) AS p${String(k + 1).padStart(2, '0')}`).join(', ');
  return [
    {
      file: 'csv/readings.csv', format: 'csv', description: 'long layout: meter_no, channel, local read_time (interval start), kWh',
      query: `SELECT m.meter_no, CASE x.channel WHEN 1 THEN 'import' ELSE 'export' END AS channel, ${localTs('x.ts', offsetMinutes)} AS read_time, x.kwh
              FROM (${rawReadings}) x JOIN meters m USING (meter_id) ORDER BY m.meter_no, x.channel, x.ts, x.delivery`,
    },
    {
      file: 'csv/readings_wide.csv', format: 'csv', description: `wide layout: meter_no, local data_date, p01..p${slots} (import channel)`,
      query: `SELECT m.meter_no, data_date, ${slotColumns}
              FROM (SELECT r.meter_id, CAST(r.ts + INTERVAL ${offsetMinutes} MINUTE AS DATE) AS data_date, ${slotExpr} AS slot, r.kwh
                    FROM readings r WHERE r.channel = 1) JOIN meters m USING (meter_id)
              GROUP BY m.meter_no, data_date ORDER BY m.meter_no, data_date`,
    },
    {
      file: 'parquet/readings.parquet', format: 'parquet', description: 'readings in UTC with quality and source',
      query: 'SELECT m.meter_no, r.channel, r.ts, r.kwh, r.quality FROM readings r JOIN meters m USING (meter_id) ORDER BY m.meter_no, r.channel, r.ts',
    },
  ];
}

const referenceTables = ['customers', 'accounts', 'meters', 'transformer_areas', 'equipment', 'bills', 'bill_lines', 'payments', 'tickets'];
const seriesTables = ['area_readings', 'weather', 'telemetry', 'register_reads', 'meter_events'];
const truthTables = ['customers', 'theft', 'meter_faults', 'readings', 'equipment_faults', 'area_losses'];

export function recordExports(formats: ReadonlySet<string>): ExportSpec[] {
  const specs: ExportSpec[] = [];
  for (const table of [...referenceTables, ...seriesTables]) {
    if (formats.has('csv')) specs.push({ file: `csv/${table}.csv`, format: 'csv', query: `SELECT * FROM ${table}`, description: `${table} (reference data)` });
    if (formats.has('parquet')) specs.push({ file: `parquet/${table}.parquet`, format: 'parquet', query: `SELECT * FROM ${table}`, description: table });
  }
  if (formats.has('jsonl')) {
    specs.push({ file: 'jsonl/events.jsonl', format: 'jsonl', description: 'app/WeChat/web events, one JSON object per line',
      query: 'SELECT event_id, customer_id, ts, event_type, channel, properties FROM events ORDER BY ts, event_id' });
    specs.push({ file: 'jsonl/tariffs.jsonl', format: 'jsonl', description: 'tariff definitions', query: 'SELECT tariff_id, definition FROM tariffs' });
  }
  for (const table of truthTables) {
    specs.push({ file: `truth/${table}.csv`, format: 'csv', query: `SELECT * FROM truth.${table}`, description: `ground truth: ${table}` });
  }
  return specs;
}

export async function runExport(warehouse: Warehouse, spec: ExportSpec, path: string): Promise<number> {
  const [{ n }] = await warehouse.query<{ n: number }>(`SELECT count(*) AS n FROM (${spec.query})`);
  const format = spec.format === 'jsonl' ? 'JSON' : spec.format === 'parquet' ? 'PARQUET, COMPRESSION ZSTD' : 'CSV, HEADER';
  await warehouse.run(`COPY (${spec.query}) TO '${path.replaceAll("'", "''")}' (FORMAT ${format})`);
  return n;
}
