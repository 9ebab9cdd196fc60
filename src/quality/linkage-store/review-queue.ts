import { NotFoundError, ValidationError } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { ReviewCandidate } from '../linkage/link-decisions.js';
import type { SourceIdentity } from './identity-records.js';

/** A customer as a reviewer sees it next to a record. */
export interface CustomerIdentity {
  readonly customerId: string;
  readonly name: string;
  readonly phone: string | null;
  readonly idNumber: string | null;
  readonly address: string | null;
}

export interface StoredReviewItem {
  readonly record: SourceIdentity;
  readonly score: number;
  readonly candidates: readonly (ReviewCandidate & { readonly customer: CustomerIdentity | null })[];
}

type ReviewRow = {
  record_id: string; source: string; name: string; phone: string | null; id_number: string | null; address: string | null;
  score: number; candidates: string | ReviewCandidate[] | null;
};

/** Open review items, most likely match first, with the records and their candidate customers (unmasked). */
export async function listReviewItems(wh: Warehouse, limit: number): Promise<{ items: StoredReviewItem[]; open: number }> {
  const [{ n }] = await wh.query<{ n: number }>("SELECT count(*) AS n FROM linkage_links WHERE decision = 'review'");
  const rows = await wh.query<ReviewRow>(
    `SELECT l.record_id, s.source, s.name, s.phone, s.id_number, s.address, l.score, l.candidates
     FROM linkage_links l JOIN source_records s ON s.record_id = l.record_id
     WHERE l.decision = 'review' ORDER BY l.score DESC, l.record_id LIMIT ?`, [limit]);
  const parsed = rows.map((r) => ({ row: r, candidates: parseCandidates(r.candidates) }));
  const customers = await customerIdentities(wh, [...new Set(parsed.flatMap((p) => p.candidates.map((c) => c.customerId)))]);
  const items = parsed.map(({ row, candidates }) => ({
    record: { recordId: row.record_id, source: row.source, name: row.name, phone: row.phone ?? undefined, idNumber: row.id_number ?? undefined, address: row.address ?? undefined },
    score: row.score,
    candidates: candidates.map((c) => ({ ...c, customer: customers.get(c.customerId) ?? null })),
  }));
  return { items, open: n };
}

function parseCandidates(value: ReviewRow['candidates']): ReviewCandidate[] {
  if (value === null) return [];
  return typeof value === 'string' ? (JSON.parse(value) as ReviewCandidate[]) : value;
}

async function customerIdentities(wh: Warehouse, ids: readonly string[]): Promise<Map<string, CustomerIdentity>> {
  if (ids.length === 0) return new Map();
  const rows = await wh.query<{ customer_id: string; name: string; phone: string | null; id_number: string | null; address: string | null }>(
    `SELECT customer_id, name, phone, id_number, address FROM customers WHERE customer_id IN (${ids.map(() => '?').join(', ')})`, ids);
  return new Map(rows.map((r) => [r.customer_id, { customerId: r.customer_id, name: r.name, phone: r.phone, idNumber: r.id_number, address: r.address }]));
}

export interface ReviewDecision {
  readonly recordId: string;
  readonly decision: 'accepted' | 'rejected';
  /** The customer the record belongs to (accept only). */
  readonly customerId?: string;
  readonly reviewer: string;
  readonly at: Date;
}

/** Records a reviewer's decision on an open review item. */
export async function decideReviewItem(wh: Warehouse, d: ReviewDecision): Promise<void> {
  const [link] = await wh.query<{ decision: string }>('SELECT decision FROM linkage_links WHERE record_id = ?', [d.recordId]);
  if (!link) throw new NotFoundError('linkage record', d.recordId);
  if (link.decision !== 'review') throw new ValidationError(`record ${d.recordId} is not in the review queue (decision: ${link.decision})`, { recordId: d.recordId, decision: link.decision });
  if (d.decision === 'accepted') {
    if (!d.customerId) throw new ValidationError(`accepting ${d.recordId} needs the customer it belongs to (--customer)`, { recordId: d.recordId });
    const [found] = await wh.query<{ n: number }>('SELECT count(*) AS n FROM customers WHERE customer_id = ?', [d.customerId]);
    if (!found || found.n === 0) throw new NotFoundError('customer', d.customerId);
  }
  await wh.run(
    'UPDATE linkage_links SET decision = ?, customer_id = ?, reviewed_by = ?, reviewed_at = ? WHERE record_id = ?',
    [d.decision, d.decision === 'accepted' ? d.customerId! : null, d.reviewer, d.at, d.recordId]);
}
