import { existsSync } from 'node:fs';
import type { GridLensConfig } from '../core/config.js';
import { ValidationError } from '../core/errors.js';
import type { Tariff } from '../core/schemas/tariff.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { withStore } from './store.js';
import { describeTariff, type TariffDescription } from './tariff-describe.js';
import { readTariffFile, resolveTariff, saveTariffs, tariffFromFile, type TariffRecordResult } from './tariff-store.js';

export interface TariffRecordReport {
  readonly source: string;
  readonly format: 'gridlens' | 'urdb';
  readonly valid: boolean;
  readonly tariffId?: string;
  readonly name?: string;
  readonly customerClass?: string;
  readonly currency?: string;
  readonly ignoredUrdbFields?: string[];
  readonly error?: TariffRecordResult['error'];
}

export interface TariffValidateResult {
  readonly records: TariffRecordReport[];
  readonly valid: number;
  readonly rejected: number;
}

export interface TariffImportResult extends TariffValidateResult {
  /** Tariffs written to the store (replacing any with the same id). */
  readonly stored: number;
}

function report(result: TariffRecordResult): TariffRecordReport {
  const t = result.tariff;
  if (!t) return { source: result.source, format: result.format, valid: false, error: result.error };
  return {
    source: result.source, format: result.format, valid: true, tariffId: t.tariffId, name: t.name, customerClass: t.customerClass, currency: t.currency,
    ...(t.ignoredUrdbFields ? { ignoredUrdbFields: t.ignoredUrdbFields } : {}),
  };
}

function readAll(files: readonly string[]): { results: TariffRecordResult[]; summary: TariffValidateResult } {
  if (files.length === 0) throw new ValidationError('tariff: give at least one FILE');
  const results = files.flatMap((file) => readTariffFile(file));
  const records = results.map(report);
  const valid = records.filter((r) => r.valid).length;
  return { results, summary: { records, valid, rejected: records.length - valid } };
}

/** `gridlens tariff validate FILE...`: validates tariff files (GridLens or raw URDB JSON) without a store. */
export function tariffValidate(files: readonly string[]): TariffValidateResult {
  return readAll(files).summary;
}

/** `gridlens tariff import FILE...`: validates and stores the valid tariffs; broken records are reported, not stored. */
export async function tariffImport(config: Pick<GridLensConfig, 'db'>, files: readonly string[], warehouse?: Warehouse): Promise<TariffImportResult> {
  const { results, summary } = readAll(files);
  const tariffs = results.flatMap((r) => (r.tariff ? [r.tariff] : []));
  const stored = await withStore(config, (wh) => saveTariffs(wh, tariffs), { warehouse });
  return { ...summary, stored };
}

export interface TariffShowResult {
  readonly tariff: Tariff;
  readonly description: TariffDescription;
}

/** `gridlens tariff show ID|FILE`: a stored tariff (or a file, or a built-in demo tariff) described in zh-CN and en. */
export async function tariffShow(config: Pick<GridLensConfig, 'db'>, spec: string, warehouse?: Warehouse): Promise<TariffShowResult> {
  const tariff = existsSync(spec) ? tariffFromFile(spec) : await withStore(config, (wh) => resolveTariff(wh, spec), { warehouse });
  return { tariff, description: describeTariff(tariff) };
}
