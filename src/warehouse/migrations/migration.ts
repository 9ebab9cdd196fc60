import type { SqlDialect } from '../dialect.js';

/** One schema change. Statements are produced by the dialect so one migration serves every engine. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  statements(dialect: SqlDialect): string[];
}
