import type { TableDef } from './table-def.js';

/** Customer features, tags, profiles and forecasts. */
export const analyticsTables: readonly TableDef[] = [];
