import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError, NotFoundError, ValidationError } from '../core/errors.js';
import type { Tariff } from '../core/schemas/tariff.js';
import { demoTariffs, importUrdb, parseTariff } from '../core/tariff/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';

/**
 * Tariffs as files and as rows of `tariffs`. A file holds one record, an array of records or a
 * URDB API answer (`{ "items": [...] }`); a record with `tariffId` is GridLens tariff JSON, any
 * other record is read as a raw URDB record.
 */

export interface TariffRecordResult {
  /** `file` or `file[i]` for arrays. */
  readonly source: string;
  readonly format: 'gridlens' | 'urdb';
  readonly tariff?: Tariff;
  readonly error?: { readonly code: string; readonly message: string; readonly issues?: unknown };
}

function recordsOf(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  if (typeof json === 'object' && json !== null && Array.isArray((json as { items?: unknown }).items)) return (json as { items: unknown[] }).items;
  return undefined;
}

function readJson(path: string): unknown {
  if (!existsSync(path)) throw new NotFoundError('file', path);
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, { file: path }, error);
  }
}

function parseRecord(record: unknown, source: string): TariffRecordResult {
  const format = typeof record === 'object' && record !== null && 'tariffId' in record ? 'gridlens' : 'urdb';
  try {
    const tariff = format === 'gridlens' ? parseTariff(record, source) : importUrdb(record, source);
    return { source, format, tariff };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { source, format, error: { code: error.code, message: error.message, ...(error.details.issues ? { issues: error.details.issues } : {}) } };
  }
}

/** Parses every tariff record of a file; broken records come back with the error naming the field. */
export function readTariffFile(path: string): TariffRecordResult[] {
  const json = readJson(path);
  const list = recordsOf(json);
  const name = basename(path);
  if (!list) return [parseRecord(json, name)];
  return list.map((record, i) => parseRecord(record, `${name}[${i}]`));
}

/** The one valid tariff of a file; throws naming the field when it is broken. */
export function tariffFromFile(path: string): Tariff {
  const results = readTariffFile(path);
  if (results.length !== 1) throw new ValidationError(`${path}: holds ${results.length} tariff records; give a file with exactly one`, { file: path });
  const [result] = results;
  if (!result.tariff) throw new ValidationError(result.error?.message ?? `${path}: invalid tariff`, { file: path, issues: result.error?.issues });
  return result.tariff;
}

/** Every stored tariff. */
export async function loadStoredTariffs(wh: Warehouse): Promise<Tariff[]> {
  const rows = await wh.query<{ tariff_id: string; definition: unknown }>('SELECT tariff_id, definition FROM tariffs ORDER BY tariff_id');
  return rows.map((row) => parseTariff(typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition, `tariffs ${row.tariff_id}`));
}

/** A stored tariff by id; throws NotFoundError. */
export async function loadStoredTariff(wh: Warehouse, tariffId: string): Promise<Tariff> {
  const rows = await wh.query<{ definition: unknown }>('SELECT definition FROM tariffs WHERE tariff_id = ?', [tariffId]);
  if (rows.length === 0) throw new NotFoundError('tariff', tariffId);
  const definition = rows[0].definition;
  return parseTariff(typeof definition === 'string' ? JSON.parse(definition) : definition, `tariffs ${tariffId}`);
}

/** Replaces (by id) and stores tariffs. */
export async function saveTariffs(wh: Warehouse, tariffs: readonly Tariff[]): Promise<number> {
  if (tariffs.length === 0) return 0;
  const ids = tariffs.map((t) => t.tariffId);
  if (new Set(ids).size !== ids.length) {
    const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
    throw new ValidationError(`tariffId ${duplicate} appears more than once in the import`, { tariffId: duplicate });
  }
  return wh.transaction(async (tx) => {
    await tx.run(`DELETE FROM tariffs WHERE tariff_id IN (${ids.map(() => '?').join(', ')})`, ids);
    return tx.append('tariffs', {
      rowCount: tariffs.length,
      columns: {
        tariff_id: ids,
        name: tariffs.map((t) => t.name),
        name_zh: tariffs.map((t) => t.nameZh ?? t.name),
        customer_class: tariffs.map((t) => t.customerClass),
        currency: tariffs.map((t) => t.currency),
        definition: tariffs.map((t) => JSON.stringify(t)),
      },
    });
  });
}

/** `spec` as a file path when one exists, else a built-in demo tariff id. */
export function tariffFromFileOrDemo(spec: string): Tariff {
  if (existsSync(spec)) return tariffFromFile(spec);
  const demo = demoTariffs.find((t) => t.tariffId === spec);
  if (!demo) throw new NotFoundError('tariff file or built-in tariff', spec);
  return demo;
}

/** `spec` as a file, else a stored tariff, else a built-in demo tariff. */
export async function resolveTariff(wh: Warehouse, spec: string): Promise<Tariff> {
  if (existsSync(spec)) return tariffFromFile(spec);
  try {
    return await loadStoredTariff(wh, spec);
  } catch (error) {
    if (error instanceof NotFoundError) return tariffFromFileOrDemo(spec);
    throw error;
  }
}
