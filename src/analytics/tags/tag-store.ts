import type { Warehouse } from '../../warehouse/warehouse.js';
import type { TagEvaluation } from './evaluate-tags.js';

/** Replaces the stored tags of `asOf` with the evaluation's assignments (bulk append). Returns rows written. */
export async function writeTags(wh: Warehouse, evaluation: TagEvaluation, asOf: string): Promise<number> {
  await wh.run('DELETE FROM customer_tags WHERE as_of = CAST(? AS DATE)', [asOf]);
  const a = evaluation.assignments;
  if (a.length === 0) return 0;
  return wh.append('customer_tags', {
    rowCount: a.length,
    columns: {
      customer_id: a.map((x) => x.customerId), tag_id: a.map((x) => x.tagId), tag_version: Int16Array.from(a, (x) => x.tagVersion),
      as_of: a.map(() => asOf), evidence: a.map((x) => x.evidence),
    },
  });
}
