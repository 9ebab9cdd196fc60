import { riskTables } from '../schema/risk-tables.js';
import type { Migration } from './migration.js';

export const riskSchema: Migration = {
  version: 8,
  name: 'Credit ratings, arrears, risk lists, deposits, inspections and alerts',
  statements: (dialect) => riskTables.map((t) => dialect.createTable(t)),
};
