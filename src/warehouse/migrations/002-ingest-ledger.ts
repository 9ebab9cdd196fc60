import { ingestTables, stagingSchema } from '../schema/index.js';
import type { Migration } from './migration.js';

export const ingestLedger: Migration = {
  version: 2,
  name: 'ingest ledger, quarantine, superseded readings and staging tables',
  statements: (dialect) => [dialect.createSchema(stagingSchema), ...ingestTables.map((t) => dialect.createTable(t))],
};
