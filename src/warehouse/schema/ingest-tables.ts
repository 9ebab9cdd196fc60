import { volumeTables } from './volume-tables.js';
import { referenceTables } from './reference-tables.js';
import type { TableDef } from './table-def.js';

/** The ingest ledger, quarantine and superseded reading versions (issue 3). */
export const ingestLedgerTables: readonly TableDef[] = [
  {
    name: 'ingest_runs', primaryKey: ['run_id'], orderBy: ['run_id'],
    doc: 'One row per `gridlens ingest` (or quarantine replay) run; a run left `running` was interrupted.',
    columns: [
      { name: 'run_id', type: 'int32' }, { name: 'kind', type: 'varchar', doc: 'ingest or replay' },
      { name: 'started_at', type: 'timestamp' }, { name: 'finished_at', type: 'timestamp', nullable: true },
      { name: 'status', type: 'varchar', doc: 'running, done, failed' }, { name: 'request', type: 'json', doc: 'paths and options as given' },
      { name: 'files', type: 'int32' }, { name: 'rows_read', type: 'int64' }, { name: 'rows_accepted', type: 'int64' },
      { name: 'rows_quarantined', type: 'int64' }, { name: 'error', type: 'varchar', nullable: true },
    ],
  },
  {
    name: 'ingest_files', primaryKey: ['file_id'], orderBy: ['file_id'],
    doc: 'The ledger: one row per file applied (written in the file\'s own transaction) or failed. A file whose content hash has a `done` row is skipped.',
    columns: [
      { name: 'file_id', type: 'int32' }, { name: 'run_id', type: 'int32' }, { name: 'source', type: 'varchar', doc: 'connector: csv, parquet, green-button, jsonl, reference' },
      { name: 'path', type: 'varchar' }, { name: 'content_sha256', type: 'varchar', doc: 'SHA-256 of the bytes as stored (compressed if .gz)' },
      { name: 'bytes', type: 'int64' }, { name: 'status', type: 'varchar', doc: 'done or failed' },
      { name: 'options', type: 'json', doc: 'connector config used (secrets redacted)' }, { name: 'encoding', type: 'varchar', nullable: true },
      { name: 'rows_read', type: 'int64' }, { name: 'rows_accepted', type: 'int64' }, { name: 'rows_quarantined', type: 'int64' },
      { name: 'rows_inserted', type: 'int64', doc: 'new keys the file added to its tables' },
      { name: 'rows_duplicate', type: 'int64', doc: 'accepted rows whose key was already in the store or earlier in the file (identical or replacing)' },
      { name: 'rows_superseded', type: 'int64', doc: 'older values recorded in superseded_readings' },
      { name: 'meters_registered', type: 'int32' }, { name: 'started_at', type: 'timestamp' }, { name: 'finished_at', type: 'timestamp' },
      { name: 'error', type: 'varchar', nullable: true },
    ],
  },
  {
    name: 'quarantine', primaryKey: ['quarantine_id'], orderBy: ['quarantine_id'],
    doc: 'Rejected records with where they came from and why; `gridlens quarantine replay` re-validates the open ones.',
    columns: [
      { name: 'quarantine_id', type: 'int64' }, { name: 'run_id', type: 'int32' }, { name: 'file_id', type: 'int32' },
      { name: 'source', type: 'varchar' }, { name: 'path', type: 'varchar' }, { name: 'line', type: 'int64', nullable: true },
      { name: 'message_id', type: 'varchar', nullable: true, doc: 'entry or row id where the format has no lines' },
      { name: 'raw', type: 'varchar' }, { name: 'reason_code', type: 'varchar' }, { name: 'reason', type: 'varchar' },
      { name: 'record', type: 'json', nullable: true, doc: 'the record as understood, when it parsed but broke a rule (replayable)' },
      { name: 'status', type: 'varchar', doc: 'open or replayed' }, { name: 'created_at', type: 'timestamp' },
      { name: 'resolved_at', type: 'timestamp', nullable: true },
    ],
  },
  {
    name: 'superseded_readings', bulk: true, orderBy: ['meter_id', 'channel', 'ts'],
    doc: 'Older values of a (meter, channel, ts) replaced by a newer different delivery (later in the file or a later file).',
    columns: [
      { name: 'meter_id', type: 'int32' }, { name: 'channel', type: 'uint8' }, { name: 'ts', type: 'timestamp' },
      { name: 'kwh', type: 'float64', nullable: true }, { name: 'source_id', type: 'uint16' },
      { name: 'file_id', type: 'int32', doc: 'the ingest file whose value replaced this one' }, { name: 'superseded_at', type: 'timestamp' },
    ],
  },
];

/**
 * Identical re-deliveries: a (meter, channel, ts) delivered again with the value the store already
 * holds (later in the same file or in a later file). The readings do not change; VEE's duplicate
 * and clock-shift checks read them (with `superseded_readings`) to rebuild the raw deliveries.
 */
export const deliveryTables: readonly TableDef[] = [
  {
    name: 'repeated_readings', bulk: true, orderBy: ['meter_id', 'channel', 'ts'],
    doc: 'Identical re-deliveries of a (meter, channel, ts): the repeat was dropped, the reading kept as it was.',
    columns: [
      { name: 'meter_id', type: 'int32' }, { name: 'channel', type: 'uint8' }, { name: 'ts', type: 'timestamp' },
      { name: 'kwh', type: 'float64', nullable: true }, { name: 'source_id', type: 'uint16' },
      { name: 'file_id', type: 'int32', doc: 'the ingest file that delivered the repeat' }, { name: 'recorded_at', type: 'timestamp' },
    ],
  },
];

/** Tables ingest stages into before merging: readings, events and the reference tables. */
export const stagedTableNames = [
  'readings', 'events', 'transformer_areas', 'customers', 'accounts', 'meters', 'tariffs', 'equipment', 'bills', 'bill_lines', 'payments', 'tickets',
] as const;

const STAGING_SCHEMA = 'staging';

/** Name of the staging copy of a table. */
export const stagingTableName = (table: string): string => `${STAGING_SCHEMA}.${table}`;

/** Staging copy: same columns plus `seq` (order of arrival), no key, empty outside an ingest transaction. */
function stagingTableOf(table: TableDef): TableDef {
  return {
    name: stagingTableName(table.name), bulk: true, orderBy: ['seq'],
    doc: `Staging copy of \`${table.name}\` for ingest merges; empty outside an ingest transaction.`,
    columns: [...table.columns.map((c) => ({ name: c.name, type: c.type, nullable: true })), { name: 'seq', type: 'int64', doc: 'arrival order in the file' }],
  };
}

const stagedSources = [...referenceTables, ...volumeTables];

export const stagingTables: readonly TableDef[] = stagedTableNames.map((name) => {
  const table = stagedSources.find((t) => t.name === name);
  if (!table) throw new Error(`staged table ${name} is not defined`);
  return stagingTableOf(table);
});

export const stagingSchema = STAGING_SCHEMA;

export const ingestTables: readonly TableDef[] = [...ingestLedgerTables, ...stagingTables];
