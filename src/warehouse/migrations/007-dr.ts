import { drTables } from '../schema/dr-tables.js';
import type { Migration } from './migration.js';

export const drSchema: Migration = {
  version: 7,
  name: 'Demand-response programmes, events, baselines and settlements',
  statements: (dialect) => drTables.map((t) => dialect.createTable(t)),
};
