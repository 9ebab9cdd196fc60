import type { TableDef } from './table-def.js';

/** Stored load forecasts (customer, transformer area, region, system) with their intervals. */
export const forecastTables: readonly TableDef[] = [];
