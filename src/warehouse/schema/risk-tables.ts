import type { TableDef } from './table-def.js';

/** Credit ratings, arrears, risk lists, deposits, inspections and alerts. */
export const riskTables: readonly TableDef[] = [];
