import type { TableDef } from './table-def.js';

/** Schema of scratch tables that are empty outside a transaction (shared with ingest's staging copies). */
export const QUALITY_SCRATCH_SCHEMA = 'staging';

/** VEE results: runs, flags, the audit trail of edited readings, and the scratch table of one write. */
export const veeTables: readonly TableDef[] = [
  {
    name: 'vee_runs', primaryKey: ['run_id'], orderBy: ['run_id'],
    doc: 'One row per `gridlens vee run`; a run left `running` was interrupted (its finished meter batches are kept).',
    columns: [
      { name: 'run_id', type: 'int32' }, { name: 'started_at', type: 'timestamp' }, { name: 'finished_at', type: 'timestamp', nullable: true },
      { name: 'status', type: 'varchar', doc: 'running, done, failed' },
      { name: 'from_date', type: 'date', doc: 'first local day validated' }, { name: 'to_date', type: 'date', doc: 'last local day validated' },
      { name: 'rule_set', type: 'varchar', doc: 'rule set name' }, { name: 'rule_version', type: 'int16', doc: 'rule file format version' },
      { name: 'rules', type: 'json', doc: 'the rule set as applied' }, { name: 'skipped_checks', type: 'json', doc: 'checks not run, with the reason' },
      { name: 'meters', type: 'int32' }, { name: 'series', type: 'int32', doc: 'meter channels' }, { name: 'intervals', type: 'int64' },
      { name: 'flags', type: 'int64', doc: 'findings of this run (new or confirmed)' },
      { name: 'edits', type: 'int64', doc: 'reading versions written by this run' }, { name: 'error', type: 'varchar', nullable: true },
    ],
  },
  {
    name: 'vee_flags', bulk: true, orderBy: ['meter_id', 'channel', 'start_ts'],
    doc: 'Current VEE findings per meter channel over `[start_ts, end_ts)`. A re-run replaces the findings of its range; an unchanged finding keeps the run that first found it.',
    columns: [
      { name: 'meter_id', type: 'int32' }, { name: 'channel', type: 'uint8' },
      { name: 'check', type: 'varchar', doc: 'time, gap, negative, limit, spike, flatline, zero-run, daily-band, register-sum, ...' },
      { name: 'code', type: 'varchar', doc: '`<check>.<kind>`, e.g. gap.long' }, { name: 'start_ts', type: 'timestamp' },
      { name: 'end_ts', type: 'timestamp', doc: 'exclusive' }, { name: 'severity', type: 'varchar', doc: 'error, warning or info' },
      { name: 'reason', type: 'varchar' }, { name: 'reason_zh', type: 'varchar' }, { name: 'facts', type: 'json', nullable: true },
      { name: 'run_id', type: 'int32' },
    ],
  },
  {
    name: 'reading_edits', bulk: true, orderBy: ['meter_id', 'channel', 'ts', 'version'],
    doc: 'Audit trail of every value VEE wrote to `readings`: the value as delivered and each version written (estimated, edited, removed, restored).',
    columns: [
      { name: 'meter_id', type: 'int32' }, { name: 'channel', type: 'uint8' }, { name: 'ts', type: 'timestamp' },
      { name: 'original_kwh', type: 'float64', nullable: true, doc: 'value as delivered; NULL when the interval was missing' },
      { name: 'new_kwh', type: 'float64', nullable: true, doc: 'value written; NULL when a value was removed or withdrawn' },
      { name: 'quality', type: 'uint8', doc: 'quality code written: 0 actual (restored), 1 estimated, 2 edited, 3 missing' },
      { name: 'method', type: 'varchar', doc: 'linear, like-day, register, removed, restored, withdrawn, ...' },
      { name: 'reason', type: 'varchar' }, { name: 'run_id', type: 'int32' }, { name: 'edited_at', type: 'timestamp' },
      { name: 'version', type: 'int32', doc: '1 for the first edit of the interval, then 2, 3, ...' },
    ],
  },
  {
    name: `${QUALITY_SCRATCH_SCHEMA}.vee_changes`, bulk: true, orderBy: ['meter_id', 'channel', 'ts'],
    doc: 'Scratch rows of one VEE write (readings to update or insert); empty outside a `vee run` transaction.',
    columns: [
      { name: 'meter_id', type: 'int32' }, { name: 'channel', type: 'uint8' }, { name: 'ts', type: 'timestamp' },
      { name: 'kwh', type: 'float64', nullable: true }, { name: 'quality', type: 'uint8' }, { name: 'source_id', type: 'uint16' },
      { name: 'row_exists', type: 'bool', doc: 'the reading row exists and is updated; otherwise it is inserted' },
    ],
  },
];

/** Identity records of other systems and their links to customers (record linkage, review queue). */
export const linkageTables: readonly TableDef[] = [
  {
    name: 'source_records', primaryKey: ['record_id'], orderBy: ['record_id'],
    doc: 'Customer identities as other systems write them (网上国网 app accounts, 95598 tickets), linked to `customers` by `gridlens linkage run`.',
    columns: [
      { name: 'record_id', type: 'varchar' }, { name: 'source', type: 'varchar', doc: 'app or tickets' },
      { name: 'name', type: 'varchar', pii: 'name' }, { name: 'phone', type: 'varchar', pii: 'phone' },
      { name: 'id_number', type: 'varchar', nullable: true, pii: 'id_number' }, { name: 'address', type: 'varchar', pii: 'address' },
      { name: 'origin', type: 'varchar', doc: 'where the record came from: synthetic, or a file' }, { name: 'loaded_at', type: 'timestamp' },
    ],
  },
  {
    name: 'linkage_links', primaryKey: ['record_id'], orderBy: ['record_id'],
    doc: 'The current link of each source record. `linked` and `unmatched` come from the model; `review` waits for a person, who `accepted` or `rejected` it (reviewed rows survive re-runs).',
    columns: [
      { name: 'record_id', type: 'varchar' }, { name: 'source', type: 'varchar' }, { name: 'customer_id', type: 'varchar', nullable: true },
      { name: 'score', type: 'float64', doc: 'posterior match probability of the chosen customer' },
      { name: 'decision', type: 'varchar', doc: 'linked, review, unmatched, accepted, rejected' },
      { name: 'reasons', type: 'json', doc: 'field agreement levels, log-likelihood ratio, vetoes' },
      { name: 'candidates', type: 'json', nullable: true, doc: 'review items: best candidate customers with scores' },
      { name: 'run_id', type: 'int32' }, { name: 'reviewed_by', type: 'varchar', nullable: true },
      { name: 'reviewed_at', type: 'timestamp', nullable: true },
    ],
  },
];

/** Ground truth of the synthetic identity records (which customer each record belongs to). */
export const linkageTruthTables: readonly TableDef[] = [
  {
    name: 'truth.record_owners', orderBy: ['record_id'],
    doc: 'Owner of each synthetic source record: a customer id, or NULL for a person who is not a customer.',
    columns: [{ name: 'record_id', type: 'varchar' }, { name: 'customer_id', type: 'varchar', nullable: true }],
  },
];

export const qualityTables: readonly TableDef[] = [...veeTables, ...linkageTables, ...linkageTruthTables];
