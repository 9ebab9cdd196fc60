import type { TableDef } from './table-def.js';

/** Demand-response programmes, events, baselines and settlements. */
export const drTables: readonly TableDef[] = [];
