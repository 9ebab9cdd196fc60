import { QUALITY_SCRATCH_SCHEMA, qualityTables } from '../schema/quality-tables.js';
import type { Migration } from './migration.js';

export const qualitySchema: Migration = {
  version: 3,
  name: 'VEE runs, flags and reading edits; source records and linkage links',
  statements: (dialect) => [
    dialect.createSchema('truth'),
    dialect.createSchema(QUALITY_SCRATCH_SCHEMA),
    ...qualityTables.map((t) => dialect.createTable(t)),
  ],
};
