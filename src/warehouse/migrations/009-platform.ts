import { platformTables } from '../schema/platform-tables.js';
import type { Migration } from './migration.js';

export const platformSchema: Migration = {
  version: 9,
  name: 'Users, sessions, API tokens and the audit log',
  statements: (dialect) => platformTables.map((t) => dialect.createTable(t)),
};
