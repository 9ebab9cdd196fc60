import { analyticsTables } from '../schema/analytics-tables.js';
import type { Migration } from './migration.js';

export const featuresSchema: Migration = {
  version: 4,
  name: 'Customer features, tags, profiles and forecasts',
  statements: (dialect) => analyticsTables.map((t) => dialect.createTable(t)),
};
