import bindings from '@duckdb/node-bindings';
import {
  BIGINT, BOOLEAN, DATE, DOUBLE, DuckDBDataChunk, DuckDBDateValue, DuckDBTimestampValue, DuckDBVarCharType, FLOAT, INTEGER,
  SMALLINT, TIMESTAMP, TINYINT, UINTEGER, USMALLINT, UTINYINT, type DuckDBType, type DuckDBValue,
} from '@duckdb/node-api';
import type { ColumnDef, LogicalType } from '../schema/table-def.js';
import type { ColumnValues } from '../warehouse.js';

export const CHUNK_ROWS = 2048;

const chunkTypes: Record<LogicalType, DuckDBType> = {
  int8: TINYINT, int16: SMALLINT, int32: INTEGER, int64: BIGINT, uint8: UTINYINT, uint16: USMALLINT, uint32: UINTEGER,
  float32: FLOAT, float64: DOUBLE, bool: BOOLEAN, varchar: DuckDBVarCharType.instance, date: DATE, timestamp: TIMESTAMP,
  json: DuckDBVarCharType.create('JSON'),
};

type NumericArray = Exclude<ColumnValues, readonly unknown[]>;
type NumericCtor = { new (n: number): NumericArray; BYTES_PER_ELEMENT: number };

/** Native element layout of each fixed-width logical type. Timestamps and int64 are written as int64 words. */
const nativeLayout: Partial<Record<LogicalType, NumericCtor>> = {
  int8: Int8Array, int16: Int16Array, int32: Int32Array, uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array,
  float32: Float32Array, float64: Float64Array, date: Int32Array,
};

const TWO_32 = 4294967296;

function isTypedArray(values: ColumnValues): values is NumericArray {
  return ArrayBuffer.isView(values);
}

function hasNaN(values: NumericArray, offset: number, count: number): boolean {
  for (let i = offset; i < offset + count; i++) if (values[i] !== values[i]) return true;
  return false;
}

/**
 * Writes columnar batches into a reusable DuckDB data chunk. Typed arrays are copied straight
 * into the vectors' memory (the fast path that makes bulk loads run at millions of rows a second);
 * other values go through node-api's typed vector setters.
 */
export class ChunkWriter {
  readonly chunk: DuckDBDataChunk;
  private readonly scratch = new Map<LogicalType, NumericArray>();
  private readonly int64Scratch = new BigInt64Array(CHUNK_ROWS);
  private readonly int64Words = new Uint32Array(this.int64Scratch.buffer);

  constructor(private readonly columns: readonly ColumnDef[]) {
    this.chunk = DuckDBDataChunk.create(columns.map((c) => chunkTypes[c.type]));
  }

  /** Fills the chunk with rows [offset, offset + count) of the batch columns (in table order). */
  fill(values: readonly (ColumnValues | undefined)[], offset: number, count: number): void {
    this.chunk.reset();
    this.chunk.rowCount = count;
    this.columns.forEach((column, index) => {
      const columnValues = values[index];
      if (columnValues && isTypedArray(columnValues) && !hasNaN(columnValues, offset, count)) {
        this.copyTyped(index, column.type, columnValues, offset, count);
      } else {
        this.setItems(index, column, columnValues, offset, count);
      }
    });
  }

  private copyTyped(index: number, type: LogicalType, values: NumericArray, offset: number, count: number): void {
    const vector = bindings.data_chunk_get_vector(this.chunk.chunk, index);
    if (type === 'timestamp' || type === 'int64') {
      const scale = type === 'timestamp' ? 1000 : 1;
      const words = this.int64Words;
      for (let i = 0; i < count; i++) {
        const v = Math.round(values[offset + i] * scale);
        const hi = Math.floor(v / TWO_32);
        words[2 * i] = v - hi * TWO_32;
        words[2 * i + 1] = hi;
      }
      bindings.copy_data_to_vector(vector, 0, this.int64Scratch.buffer, 0, count * 8);
      return;
    }
    const layout = nativeLayout[type];
    if (!layout) {
      this.setItems(index, this.columns[index], Array.from(values), offset, count);
      return;
    }
    let source = values;
    let start = offset;
    if (!(values instanceof layout)) {
      source = this.scratchFor(type, layout);
      for (let i = 0; i < count; i++) source[i] = values[offset + i];
      start = 0;
    }
    const bytes = layout.BYTES_PER_ELEMENT;
    bindings.copy_data_to_vector(vector, 0, source.buffer as ArrayBuffer, source.byteOffset + start * bytes, count * bytes);
  }

  private scratchFor(type: LogicalType, layout: NumericCtor): NumericArray {
    let array = this.scratch.get(type);
    if (!array) {
      array = new layout(CHUNK_ROWS);
      this.scratch.set(type, array);
    }
    return array;
  }

  private setItems(index: number, column: ColumnDef, values: ColumnValues | undefined, offset: number, count: number): void {
    const vector = this.chunk.getColumnVector(index) as unknown as { setItem(i: number, v: DuckDBValue): void; flush(): void };
    for (let i = 0; i < count; i++) {
      vector.setItem(i, toDuckValue(column, values === undefined ? null : values[offset + i]));
    }
    vector.flush();
  }
}

function toDuckValue(column: ColumnDef, value: unknown): DuckDBValue {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return null;
  switch (column.type) {
    case 'timestamp': {
      const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number(value);
      return new DuckDBTimestampValue(BigInt(Math.round(ms)) * 1000n);
    }
    case 'date': {
      const days = typeof value === 'string' ? Date.parse(`${value.slice(0, 10)}T00:00:00Z`) / 86_400_000
        : value instanceof Date ? Math.floor(value.getTime() / 86_400_000) : Number(value);
      return new DuckDBDateValue(days);
    }
    case 'int64': return BigInt(Math.round(Number(value)));
    case 'bool': return Boolean(value);
    case 'varchar': return String(value);
    case 'json': return typeof value === 'string' ? value : JSON.stringify(value);
    default: return Number(value);
  }
}
