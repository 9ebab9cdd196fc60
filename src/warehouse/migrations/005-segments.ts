import { marketingTables } from '../schema/marketing-tables.js';
import type { Migration } from './migration.js';

export const segmentsSchema: Migration = {
  version: 5,
  name: 'Segments, value tiers and churn scores',
  statements: (dialect) => marketingTables.map((t) => dialect.createTable(t)),
};
