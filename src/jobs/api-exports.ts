import { randomUUID } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '../core/errors.js';
import { epochDay, localMidnightUtc, utcOffsetMinutes } from '../core/time/index.js';
import type { SqlParam, Warehouse } from '../warehouse/warehouse.js';
import { serializeWrites } from './api-write-lock.js';
import type { Regions } from './customers.js';

/**
 * Bulk exports for data sharing. Internal exports are per customer (never personal data columns);
 * external ones (partners) are aggregated under the 15/15 rule: a group is released only with at
 * least 15 customers and no customer above 15% of the group's energy. Failing groups of a district
 * and day are merged into one `other` group across customer classes, which must pass the rule
 * itself; what still fails is suppressed. DuckDB writes the file; the caller streams and removes it.
 */
export const EXPORT_DATASETS = ['customers', 'daily-load'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];
export type ExportFormat = 'csv' | 'parquet';

export const FIFTEEN_FIFTEEN = { minCustomers: 15, maxShare: 0.15 } as const;
const MAX_DAYS = 92;

export interface ExportRequest {
  readonly dataset: ExportDataset;
  readonly format: ExportFormat;
  readonly external: boolean;
  readonly from?: string;
  readonly to?: string;
  readonly regions: Regions;
  readonly timeZone: string;
}

export interface ExportReport {
  readonly rows: number;
  /** External exports: groups formed, released as they were, `other` groups made by merging failing ones, failing groups left out. */
  readonly groups?: { readonly total: number; readonly released: number; readonly merged: number; readonly suppressed: number };
}

export interface ExportFile {
  readonly path: string;
  readonly bytes: number;
  readonly fileName: string;
  readonly report: ExportReport;
  remove(): Promise<void>;
}

function regionFilter(regions: Regions, column: string, params: SqlParam[]): string {
  if (regions === null) return 'TRUE';
  if (regions.length === 0) return 'FALSE';
  params.push(...regions);
  return `${column} IN (${regions.map(() => '?').join(', ')})`;
}

const CUSTOMER_COLUMNS = `customer_id, customer_type AS customer_class, industry_code, region, district, voltage_level,
  contract_capacity_kva, tariff_id, area_id, open_date, status`;

async function stageCustomers(wh: Warehouse, table: string, request: ExportRequest): Promise<void> {
  const params: SqlParam[] = [];
  await wh.run(`CREATE TEMP TABLE ${table} AS SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE ${regionFilter(request.regions, 'district', params)} ORDER BY customer_id`, params);
}

async function stageDailyLoad(wh: Warehouse, table: string, request: ExportRequest): Promise<void> {
  if (!request.from || !request.to) throw new ValidationError('export daily-load: give from and to (YYYY-MM-DD)');
  const days = epochDay(request.to) - epochDay(request.from) + 1;
  if (days < 1 || days > MAX_DAYS) throw new ValidationError(`export daily-load: from..to must span 1 to ${MAX_DAYS} days`, { days });
  const start = new Date(localMidnightUtc(request.from, request.timeZone));
  const end = new Date(localMidnightUtc(request.to, request.timeZone) + 86_400_000);
  const offset = utcOffsetMinutes(request.timeZone, start.getTime());
  const params: SqlParam[] = [start, end];
  const region = regionFilter(request.regions, 'c.district', params);
  await wh.run(
    `CREATE TEMP TABLE ${table} AS
     SELECT c.customer_id, c.district, c.customer_type AS customer_class, ${wh.dialect.localDate('r.ts', offset)} AS date, round(sum(r.kwh), 3) AS kwh
     FROM readings r JOIN meters m ON m.meter_id = r.meter_id JOIN customers c ON c.customer_id = m.customer_id
     WHERE r.channel = 1 AND r.ts >= ? AND r.ts < ? AND ${region}
     GROUP BY ALL ORDER BY c.customer_id, date`, params);
}

/** Aggregates a staged per-customer table under the 15/15 rule into `target`; returns the group counts. */
async function aggregate1515(wh: Warehouse, staged: string, target: string, keys: readonly string[], measure: string | null): Promise<NonNullable<ExportReport['groups']>> {
  const k = keys.join(', ');
  const outer = keys.filter((key) => key !== 'customer_class');
  const value = measure ?? '1';
  const { minCustomers, maxShare } = FIFTEEN_FIFTEEN;
  const passes = (t: string) => `${t}.n >= ${minCustomers} AND ${t}.mx <= ${maxShare} * ${t}.total`;
  const total = measure ? `, round(total, 3) AS ${measure}` : '';
  const groupsSql = `SELECT ${k}, count(*) AS n, sum(${value}) AS total, max(${value}) AS mx FROM ${staged} GROUP BY ${k}`;
  await wh.run(`CREATE TEMP TABLE ${target}_groups AS SELECT g.*, (${passes('g')}) AS pass FROM (${groupsSql}) g`);
  await wh.run(
    `CREATE TEMP TABLE ${target}_merged AS
     SELECT ${outer.join(', ')}, count(*) AS n, sum(${value}) AS total, max(${value}) AS mx
     FROM ${staged} s JOIN ${target}_groups g USING (${k}) WHERE NOT g.pass GROUP BY ${outer.join(', ')}`);
  await wh.run(
    `CREATE TEMP TABLE ${target} AS
     SELECT ${k}, n AS customers${total} FROM ${target}_groups WHERE pass
     UNION ALL
     SELECT ${keys.map((key) => (key === 'customer_class' ? `'other' AS customer_class` : key)).join(', ')}, n AS customers${total}
     FROM ${target}_merged m WHERE ${passes('m')}
     ORDER BY ${k}`);
  const [c] = await wh.query<{ total: number; released: number; merged: number; absorbed: number }>(
    `SELECT count(*) AS total, count(*) FILTER (WHERE pass) AS released,
            (SELECT count(*) FROM ${target}_merged m WHERE ${passes('m')}) AS merged,
            count(*) FILTER (WHERE NOT pass AND (${outer.join(', ')}) IN (SELECT (${outer.join(', ')}) FROM ${target}_merged m WHERE ${passes('m')})) AS absorbed
     FROM ${target}_groups`);
  await wh.run(`DROP TABLE IF EXISTS ${target}_groups`);
  await wh.run(`DROP TABLE IF EXISTS ${target}_merged`);
  const failing = Number(c.total) - Number(c.released);
  return { total: Number(c.total), released: Number(c.released), merged: Number(c.merged), suppressed: failing - Number(c.absorbed) };
}

/** Writes the export to a temporary file; the caller streams it and calls `remove()`. */
export async function writeExport(wh: Warehouse, request: ExportRequest): Promise<ExportFile> {
  const id = randomUUID().replaceAll('-', '');
  const staged = `export_${id}`;
  const released = `export_${id}_out`;
  const path = join(tmpdir(), `gridlens-export-${id}.${request.format}`);
  return serializeWrites(wh, async () => {
    try {
      let groups: ExportReport['groups'];
      if (request.dataset === 'customers') await stageCustomers(wh, staged, request);
      else await stageDailyLoad(wh, staged, request);
      let source = staged;
      if (request.external) {
        const keys = request.dataset === 'customers' ? ['district', 'customer_class'] : ['district', 'customer_class', 'date'];
        groups = await aggregate1515(wh, staged, released, keys, request.dataset === 'customers' ? null : 'kwh');
        source = released;
      }
      const [{ n }] = await wh.query<{ n: number }>(`SELECT count(*) AS n FROM ${source}`);
      await wh.run(wh.dialect.exportQuery(`SELECT * FROM ${source}`, path, request.format));
      const bytes = (await stat(path)).size;
      const range = request.dataset === 'daily-load' ? `-${request.from}-${request.to}` : '';
      return {
        path, bytes, fileName: `${request.dataset}${range}${request.external ? '-aggregated' : ''}.${request.format}`,
        report: { rows: Number(n), ...(groups ? { groups } : {}) },
        remove: () => rm(path, { force: true }),
      };
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    } finally {
      await wh.run(`DROP TABLE IF EXISTS ${staged}`);
      await wh.run(`DROP TABLE IF EXISTS ${released}`);
    }
  });
}
