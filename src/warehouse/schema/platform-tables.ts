import type { TableDef } from './table-def.js';

/** Users, sessions, API tokens and the audit log. */
export const platformTables: readonly TableDef[] = [];
