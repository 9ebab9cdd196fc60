import { referenceTables, truthTables, volumeTables } from '../schema/index.js';
import type { Migration } from './migration.js';

export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema: reference, volume and truth tables',
  statements: (dialect) => [
    dialect.createSchema('truth'),
    ...[...referenceTables, ...volumeTables, ...truthTables].map((t) => dialect.createTable(t)),
  ],
};
