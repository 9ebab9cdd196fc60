import { deliveryTables } from '../schema/ingest-tables.js';
import type { Migration } from './migration.js';

export const repeatedReadingsSchema: Migration = {
  version: 11,
  name: 'Identical re-deliveries of readings, for the duplicate and clock-shift checks',
  statements: (dialect) => deliveryTables.map((t) => dialect.createTable(t)),
};
