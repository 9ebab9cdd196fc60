import { offerTables } from '../schema/offers-tables.js';
import type { Migration } from './migration.js';

export const offersSchema: Migration = {
  version: 6,
  name: 'Rate comparisons, offers and pricing simulations',
  statements: (dialect) => offerTables.map((t) => dialect.createTable(t)),
};
