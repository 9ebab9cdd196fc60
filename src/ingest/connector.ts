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
