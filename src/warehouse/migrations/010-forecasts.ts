import { forecastTables } from '../schema/forecast-tables.js';
import type { Migration } from './migration.js';

export const forecastsSchema: Migration = {
  version: 10,
  name: 'Stored load forecasts with their intervals',
  statements: (dialect) => forecastTables.map((t) => dialect.createTable(t)),
};
