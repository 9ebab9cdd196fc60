import {
  DuckDBTimestampValue, DuckDBTypeId, JSDuckDBValueConverter,
  type DuckDBValue, type DuckDBValueConverter,
} from '@duckdb/node-api';
import type { SqlParam } from '../warehouse.js';

/** Binds JS parameter values to DuckDB values. Dates become UTC TIMESTAMPs. */
export function toDuckDbParams(params: readonly SqlParam[]): DuckDBValue[] {
  return params.map((value) => {
    if (value instanceof Date) return new DuckDBTimestampValue(BigInt(value.getTime()) * 1000n);
    return value;
  });
}

const toSafeNumber = (value: bigint): number | string =>
  value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();

/**
 * Result values as plain JS: integers as numbers (strings beyond 2^53), DATE as 'YYYY-MM-DD',
 * TIMESTAMP as Date, DECIMAL as number; everything else as node-api's JS conversion.
 */
const overrides: Partial<Record<DuckDBTypeId, (value: DuckDBValue) => unknown>> = {
  [DuckDBTypeId.BIGINT]: (v) => toSafeNumber(v as bigint),
  [DuckDBTypeId.UBIGINT]: (v) => toSafeNumber(v as bigint),
  [DuckDBTypeId.HUGEINT]: (v) => toSafeNumber(v as bigint),
  [DuckDBTypeId.UHUGEINT]: (v) => toSafeNumber(v as bigint),
  [DuckDBTypeId.DATE]: (v) => String(v),
};

export const plainConverter: DuckDBValueConverter<unknown> = (value, type, converter) => {
  if (value === null) return null;
  const override = overrides[type.typeId];
  if (override) return override(value);
  return JSDuckDBValueConverter(value, type, converter as unknown as Parameters<typeof JSDuckDBValueConverter>[2]);
};
