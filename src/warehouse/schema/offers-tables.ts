import type { TableDef } from './table-def.js';

/** Rate comparisons, offers and pricing simulations. */
export const offerTables: readonly TableDef[] = [];
