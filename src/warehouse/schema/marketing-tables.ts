import type { TableDef } from './table-def.js';

/** Segments, value tiers and churn scores. */
export const marketingTables: readonly TableDef[] = [];
