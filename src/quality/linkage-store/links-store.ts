import type { Warehouse } from '../../warehouse/warehouse.js';
import type { RecordLink, ReviewItem } from '../linkage/link-decisions.js';

export type StoredDecision = RecordLink['decision'] | 'accepted' | 'rejected';

export interface LinkWrite {
  readonly runId: number;
  readonly links: readonly RecordLink[];
  readonly reviewQueue: readonly ReviewItem[];
  /** Source system of each record id. */
  readonly sourceOf: ReadonlyMap<string, string>;
}

export async function nextLinkageRunId(wh: Warehouse): Promise<number> {
  const [row] = await wh.query<{ id: number | null }>('SELECT max(run_id) AS id FROM linkage_links');
  return (row?.id ?? 0) + 1;
}

/**
 * Replaces the model's links with this run's, in one transaction. Records a person reviewed keep
 * their decision; their new model link is not written. Returns the records kept as reviewed.
 */
export async function writeLinks(wh: Warehouse, write: LinkWrite): Promise<number> {
  return wh.transaction(async (tx) => {
    const reviewed = new Set((await tx.query<{ record_id: string }>('SELECT record_id FROM linkage_links WHERE reviewed_by IS NOT NULL')).map((r) => r.record_id));
    await tx.run('DELETE FROM linkage_links WHERE reviewed_by IS NULL');
    const candidates = new Map(write.reviewQueue.map((item) => [item.recordId, item.candidates]));
    const rows = write.links.filter((l) => !reviewed.has(l.recordId));
    if (rows.length) {
      await tx.append('linkage_links', {
        rowCount: rows.length,
        columns: {
          record_id: rows.map((l) => l.recordId), source: rows.map((l) => write.sourceOf.get(l.recordId) ?? ''), customer_id: rows.map((l) => l.customerId),
          score: Float64Array.from(rows, (l) => l.score), decision: rows.map((l) => l.decision), reasons: rows.map((l) => l.reasons),
          candidates: rows.map((l) => candidates.get(l.recordId) ?? null), run_id: new Int32Array(rows.length).fill(write.runId),
          reviewed_by: rows.map(() => null), reviewed_at: rows.map(() => null),
        },
      });
    }
    return reviewed.size;
  });
}
