import type { ColumnBatch } from '../../core/record-batch.js';
import { allTables } from '../../warehouse/schema/registry.js';
import { stagingTableName } from '../../warehouse/schema/ingest-tables.js';
import type { TableDef } from '../../warehouse/schema/table-def.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { MergeCounts } from './readings-merge.js';

/** Merge keys of record tables that declare none in the schema (bulk tables). */
const extraKeys: Record<string, readonly string[]> = { events: ['event_id'], bill_lines: ['bill_id', 'line_no'] };

const FINAL = 'ingest_final_records';

function tableDef(table: string): TableDef {
  const def = allTables.find((t) => t.name === table);
  if (!def) throw new Error(`no table ${table}`);
  return def;
}

export function recordKey(table: string): readonly string[] {
  const key = tableDef(table).primaryKey ?? extraKeys[table];
  if (!key) throw new Error(`table ${table} has no merge key`);
  return key;
}

export async function stageRecords(tx: Warehouse, table: string, batch: ColumnBatch, firstSeq: number): Promise<void> {
  const seq = new Float64Array(batch.rowCount);
  for (let i = 0; i < seq.length; i++) seq[i] = firstSeq + i;
  await tx.append(stagingTableName(table), { rowCount: batch.rowCount, columns: { ...batch.columns, seq } });
}

/**
 * Merges staged records into their table by key: the last staged record of a key wins; a stored
 * record with the same content is left alone, a different one is replaced (reference data is
 * current state; history lives in the sources).
 */
export async function mergeStagedRecords(tx: Warehouse, table: string): Promise<MergeCounts> {
  const q = tx.dialect.quoteIdent;
  const def = tableDef(table);
  const key = recordKey(table).map(q);
  const columns = def.columns.map((c) => q(c.name));
  const stage = q(stagingTableName(table));
  const target = q(table);
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${FINAL} AS SELECT ${columns.join(', ')} FROM (
    SELECT *, row_number() OVER (PARTITION BY ${key.join(', ')} ORDER BY seq DESC) AS rn FROM ${stage}) WHERE rn = 1`);
  try {
    const on = key.map((k) => `t.${k} = f.${k}`).join(' AND ');
    const same = columns.map((c) => `t.${c} IS NOT DISTINCT FROM f.${c}`).join(' AND ');
    const [counts] = await tx.query<{ staged: number; keys: number; same: number | null; changed: number | null }>(
      `SELECT (SELECT count(*) FROM ${stage}) AS staged, (SELECT count(*) FROM ${FINAL}) AS keys,
              count(*) FILTER (WHERE ${same}) AS same, count(*) FILTER (WHERE NOT (${same})) AS changed
       FROM ${target} t JOIN ${FINAL} f ON ${on}`);
    const changed = counts.changed ?? 0, unchanged = counts.same ?? 0;
    if (changed > 0) await tx.run(`DELETE FROM ${target} t USING ${FINAL} f WHERE ${on} AND NOT (${same})`);
    await tx.run(`INSERT INTO ${target} (${columns.join(', ')}) SELECT ${columns.map((c) => `f.${c}`).join(', ')} FROM ${FINAL} f
      WHERE NOT EXISTS (SELECT 1 FROM ${target} t WHERE ${on})`);
    return { inserted: counts.keys - changed - unchanged, duplicate: counts.staged - counts.keys + unchanged + changed, superseded: 0 };
  } finally {
    await tx.run(`DROP TABLE IF EXISTS ${FINAL}`);
    await tx.run(`DELETE FROM ${stage}`);
  }
}
