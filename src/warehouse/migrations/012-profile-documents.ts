import { profileTables } from '../schema/profile-tables.js';
import type { Migration } from './migration.js';

export const profileDocumentsSchema: Migration = {
  version: 12,
  name: 'Precomputed customer 360 profile documents and their builds',
  statements: (dialect) => profileTables.map((t) => dialect.createTable(t)),
};
