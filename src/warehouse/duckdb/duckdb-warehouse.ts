import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance, DuckDBTypeId, type DuckDBConnection, type DuckDBVector } from '@duckdb/node-api';
import type { SqlDialect } from '../dialect.js';
import { allTables } from '../schema/registry.js';
import type { TableDef } from '../schema/table-def.js';
import {
  QueryError, WarehouseError, type ColumnBatch, type NumericColumns, type Row, type SqlParam, type Warehouse, type WarehouseCapabilities,
} from '../warehouse.js';
import { CHUNK_ROWS, ChunkWriter } from './duckdb-chunk-writer.js';
import { duckdbDialect } from './duckdb-dialect.js';
import { plainConverter, toDuckDbParams } from './duckdb-values.js';

export interface DuckDbOptions {
  /** Worker threads DuckDB may use (default: all cores). */
  readonly threads?: number;
  /** Memory limit, e.g. '8GB'. */
  readonly memoryLimit?: string;
  readonly readOnly?: boolean;
}

type TypedItems = Float64Array | Float32Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array | BigInt64Array | BigUint64Array;

/** Types whose vector data is a plain typed array of the values (DECIMAL is scaled: read by value). */
const PLAIN_NUMERIC: ReadonlySet<DuckDBTypeId> = new Set([
  DuckDBTypeId.BOOLEAN, DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE,
]);

/** What the typed vectors of @duckdb/node-api expose: the data as a typed array and the validity mask (null: no NULLs). */
interface PlainVector {
  readonly items?: unknown;
  readonly validity?: { readonly data: BigUint64Array | null; readonly offset: number };
}

/**
 * Writes one chunk's column into `out` as float64 (NULL as NaN). Plain numeric vectors are copied
 * as a whole typed array and NULLs are then set from the validity bits; other types (DECIMAL,
 * BOOLEAN, HUGEINT) are read value by value.
 */
function readNumericColumn(vector: DuckDBVector, out: Float64Array, name: string): void {
  const { items, validity } = vector as unknown as PlainVector;
  if (!PLAIN_NUMERIC.has(vector.type.typeId) || !ArrayBuffer.isView(items) || !validity) {
    readByValue(vector, out, name);
    return;
  }
  const typed = items as TypedItems;
  if (typed instanceof BigInt64Array || typed instanceof BigUint64Array) {
    for (let i = 0; i < out.length; i++) out[i] = Number(typed[i]);
  } else {
    out.set(typed.subarray(0, out.length));
  }
  if (validity.data) setNulls(out, validity.data, validity.offset);
}

/** NaN where the validity bit of the row is clear (bit i of the mask, from `offset`, is row i). */
function setNulls(out: Float64Array, mask: BigUint64Array, offset: number): void {
  const words = new Uint32Array(mask.buffer, mask.byteOffset, mask.length * 2);
  for (let i = 0; i < out.length; i++) {
    const bit = offset + i;
    if (((words[bit >>> 5] >>> (bit & 31)) & 1) === 0) out[i] = Number.NaN;
  }
}

/** The general read through the vector's values (DECIMAL objects, booleans, bigints); rejects non-numeric types. */
function readByValue(vector: DuckDBVector, out: Float64Array, name: string): void {
  for (let i = 0; i < out.length; i++) {
    const v: unknown = vector.getItem(i);
    if (v === null) out[i] = Number.NaN;
    else if (typeof v === 'object' && typeof (v as { toDouble?: unknown }).toDouble === 'function') out[i] = (v as { toDouble(): number }).toDouble();
    else if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') out[i] = Number(v);
    else throw new WarehouseError(`queryNumeric: column ${name} is not numeric (${vector.type.toString()}); cast it in the SQL`, { column: name });
  }
}

/** The embedded default warehouse: one DuckDB file (or `:memory:`). */
export class DuckDbWarehouse implements Warehouse {
  readonly dialect: SqlDialect = duckdbDialect;
  readonly capabilities: WarehouseCapabilities = { engine: 'duckdb', transactions: true, distributed: false };
  private inTransaction = false;
  /** The sessions opened from this warehouse, still open (closed with it). */
  private readonly sessions = new Set<DuckDbWarehouse>();

  /** `owner`: the warehouse that opened this one as a session (null: this one owns the instance). */
  private constructor(
    private readonly instance: DuckDBInstance, private readonly connection: DuckDBConnection, readonly path: string,
    private readonly owner: DuckDbWarehouse | null = null,
  ) {}

  static async open(path: string, options: DuckDbOptions = {}): Promise<DuckDbWarehouse> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const config: Record<string, string> = {};
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    if (options.readOnly) config.access_mode = 'READ_ONLY';
    try {
      const instance = await DuckDBInstance.create(path, config);
      const connection = await instance.connect();
      return new DuckDbWarehouse(instance, connection, path);
    } catch (cause) {
      throw new WarehouseError(`cannot open DuckDB store ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { path }, cause);
    }
  }

  async run(sql: string, params: readonly SqlParam[] = []): Promise<void> {
    await this.execute(sql, params);
  }

  async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql, params.length ? toDuckDbParams(params) : undefined);
      return reader.convertRowObjects(plainConverter) as T[];
    } catch (cause) {
      throw new QueryError(sql, params, cause);
    }
  }

  /**
   * Runs the query to a materialized result and copies it chunk by chunk (synchronous reads, no
   * round trip per chunk) into one preallocated array per column. Each chunk (and the vectors it
   * caches) is dropped once copied, so the JavaScript side never holds the result twice.
   */
  async queryNumeric(sql: string, params: readonly SqlParam[] = []): Promise<NumericColumns> {
    try {
      const result = await this.connection.run(sql, params.length ? toDuckDbParams(params) : undefined);
      const names = result.deduplicatedColumnNames();
      const rowCount = result.rowCount;
      const columns: Record<string, Float64Array> = {};
      names.forEach((name) => {
        columns[name] = new Float64Array(rowCount);
      });
      let at = 0;
      for (let i = 0; i < result.chunkCount; i++) {
        const chunk = result.getChunk(i);
        const n = chunk.rowCount;
        names.forEach((name, c) => readNumericColumn(chunk.getColumnVector(c), columns[name].subarray(at, at + n), name));
        at += n;
      }
      return { rowCount, columns };
    } catch (cause) {
      if (cause instanceof WarehouseError) throw cause;
      throw new QueryError(sql, params, cause);
    }
  }

  async *stream<T extends Row = Row>(sql: string, params: readonly SqlParam[] = [], batchRows = 10_000): AsyncIterable<T[]> {
    let result;
    try {
      result = await this.connection.stream(sql, params.length ? toDuckDbParams(params) : undefined);
    } catch (cause) {
      throw new QueryError(sql, params, cause);
    }
    const names = result.deduplicatedColumnNames();
    let batch: T[] = [];
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      for (const values of chunk.convertRows(plainConverter)) {
        const row: Row = {};
        for (let i = 0; i < names.length; i++) row[names[i]] = values[i];
        batch.push(row as T);
      }
      if (batch.length >= batchRows) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }

  async append(table: string, batch: ColumnBatch): Promise<number> {
    const def = this.tableDef(table);
    const values = def.columns.map((c) => batch.columns[c.name]);
    for (const name of Object.keys(batch.columns)) {
      if (!def.columns.some((c) => c.name === name)) throw new WarehouseError(`append to ${table}: unknown column ${name}`, { table, column: name });
    }
    const [schema, name] = def.name.includes('.') ? def.name.split('.') : [null, def.name];
    const writer = new ChunkWriter(def.columns);
    try {
      const appender = await this.connection.createAppender(name, schema);
      try {
        for (let offset = 0; offset < batch.rowCount; offset += CHUNK_ROWS) {
          writer.fill(values, offset, Math.min(CHUNK_ROWS, batch.rowCount - offset));
          appender.appendDataChunk(writer.chunk);
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    } catch (cause) {
      if (cause instanceof WarehouseError) throw cause;
      throw new QueryError(`APPEND INTO ${def.name}`, [], cause);
    }
    return batch.rowCount;
  }

  async transaction<T>(work: (tx: Warehouse) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    await this.run('BEGIN TRANSACTION');
    this.inTransaction = true;
    try {
      const result = await work(this);
      await this.run('COMMIT');
      return result;
    } catch (error) {
      await this.run('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      this.inTransaction = false;
    }
  }

  /** A session is a second connection of the same DuckDB instance (DuckDB isolates the connections' transactions: MVCC). */
  async session(): Promise<Warehouse> {
    const root = this.owner ?? this;
    try {
      const session = new DuckDbWarehouse(this.instance, await this.instance.connect(), this.path, root);
      root.sessions.add(session);
      return session;
    } catch (cause) {
      throw new WarehouseError(`cannot open a session on DuckDB store ${this.path}: ${cause instanceof Error ? cause.message : String(cause)}`, { path: this.path }, cause);
    }
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    if (this.owner) {
      this.owner.sessions.delete(this);
      return;
    }
    for (const session of this.sessions) session.connection.closeSync();
    this.sessions.clear();
    this.instance.closeSync();
  }

  private async execute(sql: string, params: readonly SqlParam[]): Promise<void> {
    try {
      await this.connection.run(sql, params.length ? toDuckDbParams(params) : undefined);
    } catch (cause) {
      throw new QueryError(sql, params, cause);
    }
  }

  private tableDef(table: string): TableDef {
    const def = allTables.find((t) => t.name === table);
    if (!def) throw new WarehouseError(`append: table ${table} is not in the schema registry`, { table });
    return def;
  }
}

/** Opens (creating if needed) the DuckDB store at `path`. */
export function openDuckDb(path: string, options?: DuckDbOptions): Promise<DuckDbWarehouse> {
  return DuckDbWarehouse.open(path, options);
}
