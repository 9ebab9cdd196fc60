import type { z } from 'zod';
import type { TableBatch } from '../core/record-batch.js';
import type { SqlDialect } from '../warehouse/dialect.js';
import type { Row, SqlParam } from '../warehouse/warehouse.js';
import type { MeterResolver } from './readings/meter-resolver.js';
import type { ReadingRules } from './readings/reading-rules.js';

/**
 * The ingest boundary. A connector turns one source file into batches addressed to warehouse
 * tables, plus the records it rejected (each with where and why). Connectors never write: the
 * ingest pipeline stages, merges and records what they yield, one transaction per file.
 */
export const connectorNames = ['csv', 'parquet', 'green-button', 'jsonl', 'reference'] as const;
export type ConnectorName = (typeof connectorNames)[number];

/** Why a record was rejected; stable codes for reports and replay. */
export const rejectCodes = [
  'malformed', 'invalid_value', 'invalid_time', 'dst_gap', 'unknown_meter', 'future_timestamp', 'negative_value', 'schema',
] as const;
export type RejectCode = (typeof rejectCodes)[number];

/** A record a connector could not accept, kept in quarantine with where it came from and why. */
export interface Reject {
  /** 1-based line of the record in the (decompressed) file, where the format has lines. */
  readonly line?: number;
  /** Message, entry or row id where the format has no lines (XML entry, Parquet row). */
  readonly messageId?: string;
  /** The record as read, for people and for replay. */
  readonly raw: string;
  readonly code: RejectCode;
  readonly reason: string;
  /** The record as understood, when it parsed but failed a rule: replay re-validates this. */
  readonly record?: Readonly<Record<string, unknown>>;
}

/** What a connector yields: a table batch, the rejects met while reading it, and how far it got. */
export interface SourceBatch extends TableBatch {
  readonly rejects: readonly Reject[];
  /** Records read so far in this file (accepted and rejected). */
  readonly recordsRead: number;
  /** Bytes of the file (as stored, compressed or not) consumed so far. */
  readonly bytesRead: number;
  /** Text encoding in use (detected or declared), for text formats. */
  readonly encoding?: string;
}

/** One file to read. */
export interface SourceFile {
  readonly path: string;
  /** Size on disk in bytes. */
  readonly bytes: number;
}

/** Read-only SQL access for connectors whose format the engine reads natively (Parquet). */
export interface SqlReader {
  readonly dialect: SqlDialect;
  query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
}

/** Statements inside the file's transaction, for connectors with a bulk path (temporary tables, inserts into the target the pipeline names). */
export interface SqlSession extends SqlReader {
  run(sql: string, params?: readonly SqlParam[]): Promise<void>;
}

/** What the pipeline lends a connector for one file. */
export interface ConnectorContext {
  readonly meters: MeterResolver;
  readonly rules: ReadingRules;
  readonly sql: SqlReader;
  /** Source id stamped on readings (the `sources` row of this connector's source name). */
  readonly sourceId: number;
}

export interface Connector<Config = unknown> {
  readonly name: ConnectorName;
  readonly config: Config;
  /** Target tables this connector may yield to (the pipeline stages and merges them). */
  readonly tables: readonly string[];
  /** Name recorded in `sources` for the rows this connector writes. */
  readonly sourceName: string;
  /** Reads one file as batches; throws an `IngestFileError` naming the file for a file-level failure. */
  read(file: SourceFile, context: ConnectorContext): AsyncIterable<SourceBatch>;
  /**
   * The bulk path, when the connector has one: the warehouse engine reads, validates and writes the
   * file's readings itself (see `BulkSource`). Undefined (or a promise of undefined) when this file
   * must be read through `read`.
   */
  bulk?(file: SourceFile, context: ConnectorContext): Promise<BulkSource | undefined>;
}

/**
 * Where a bulk load writes: `direct` inserts into `readings` and fails with `BulkRetry` (the
 * pipeline then starts the file again in `staged` mode) when a record needs more than an append;
 * `staged` inserts into the staging table with `seq` for the pipeline's merge.
 */
export interface BulkTarget {
  readonly mode: 'direct' | 'staged';
  /** A relation of the known meters: (meter_no VARCHAR, meter_id INTEGER), one row per meter number. */
  readonly meters: string;
  /** Whether `readings` holds rows: direct mode then checks every key against the stored key ranges. */
  readonly storeHasReadings: boolean;
}

/** Records a bulk load read again one by one in JavaScript: the JS path's readings and rejects for them. */
export interface RereadBatch {
  readonly batch: SourceBatch;
  /** Arrival order of each reading of `batch` (for the staging table). */
  readonly seq: Float64Array;
}

/** What a bulk load did. */
export interface BulkLoad {
  /** Readings the engine wrote to the target. */
  readonly rows: number;
  /**
   * Records the engine could not take as they are (lines its reader rejected, rows the SQL checks did
   * not accept), read again in JavaScript in batches: their rejects (file, line, reason) and, in staged
   * mode, their readings. Consume it inside the transaction, before anything else runs on it.
   */
  readonly reread: AsyncIterable<RereadBatch>;
}

/** A file a connector lets the warehouse engine read in bulk, decided by `Connector.bulk`. */
export interface BulkSource {
  /** Text encoding of the file. */
  readonly encoding: string;
  load(sql: SqlSession, target: BulkTarget): Promise<BulkLoad>;
}

/** Marks a config field as a secret: never printed or logged (see `redactConnectorConfig`). */
export function secret<T extends z.ZodType>(schema: T): T {
  return schema.meta({ secret: true }) as T;
}

/** A copy of a parsed config safe to print: fields marked `secret` replaced. */
export function redactConnectorConfig(schema: z.ZodObject, config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).map(([key, value]) => {
    const field = schema.shape[key] as z.ZodType | undefined;
    return [key, field && isSecret(field) ? '***' : value];
  }));
}

function isSecret(field: z.ZodType): boolean {
  const meta = field.meta() as { secret?: boolean } | undefined;
  if (meta?.secret) return true;
  const inner = (field as unknown as { unwrap?: () => z.ZodType }).unwrap?.();
  return inner ? isSecret(inner) : false;
}
