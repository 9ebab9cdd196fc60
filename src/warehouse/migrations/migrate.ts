import type { Warehouse } from '../warehouse.js';
import type { Migration } from './migration.js';
import { migrations as allMigrations } from './migrations.js';

export interface MigrationResult {
  readonly applied: number[];
  readonly current: number;
}

const versionTable = 'schema_migrations';

/** Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction. */
export async function migrate(warehouse: Warehouse, migrations: readonly Migration[] = allMigrations): Promise<MigrationResult> {
  await warehouse.run(
    `CREATE TABLE IF NOT EXISTS ${versionTable} (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)`,
  );
  const done = new Set((await warehouse.query<{ version: number }>(`SELECT version FROM ${versionTable}`)).map((r) => r.version));
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(migration.version)) continue;
    await warehouse.transaction(async (tx) => {
      for (const statement of migration.statements(warehouse.dialect)) await tx.run(statement);
      await tx.run(`INSERT INTO ${versionTable} VALUES (?, ?, ?)`, [migration.version, migration.name, new Date()]);
    });
    applied.push(migration.version);
  }
  const current = Math.max(0, ...done, ...applied);
  return { applied, current };
}
