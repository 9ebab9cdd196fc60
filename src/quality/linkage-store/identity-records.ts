import type { Warehouse } from '../../warehouse/warehouse.js';
import type { LinkableRecord, MasterRecord } from '../linkage/linkable-record.js';

/** A customer identity as another system writes it (a row of `source_records`). */
export interface SourceIdentity extends LinkableRecord {
  readonly source: string;
}

/** The record id under which a customer's billing master appears in links and review items. */
export const masterRecordId = (customerId: string): string => `BIL-${customerId}`;

/** Every customer of the billing master as a linkage master record. */
export async function loadMasterRecords(wh: Warehouse): Promise<MasterRecord[]> {
  const rows = await wh.query<{ customer_id: string; name: string; phone: string | null; id_number: string | null; address: string | null }>(
    'SELECT customer_id, name, phone, id_number, address FROM customers ORDER BY customer_id');
  return rows.map((r) => ({
    recordId: masterRecordId(r.customer_id), customerId: r.customer_id, name: r.name,
    phone: r.phone ?? undefined, idNumber: r.id_number ?? undefined, address: r.address ?? undefined,
  }));
}

/** The stored identity records of other systems, in record id order. */
export async function loadSourceIdentities(wh: Warehouse): Promise<SourceIdentity[]> {
  const rows = await wh.query<{ record_id: string; source: string; name: string; phone: string | null; id_number: string | null; address: string | null }>(
    'SELECT record_id, source, name, phone, id_number, address FROM source_records ORDER BY record_id');
  return rows.map((r) => ({
    recordId: r.record_id, source: r.source, name: r.name, phone: r.phone ?? undefined, idNumber: r.id_number ?? undefined, address: r.address ?? undefined,
  }));
}

/** Appends identity records (their ids must be new); returns the number written. */
export async function appendSourceIdentities(wh: Warehouse, records: readonly SourceIdentity[], origin: string, loadedAt: Date): Promise<number> {
  if (records.length === 0) return 0;
  return wh.append('source_records', {
    rowCount: records.length,
    columns: {
      record_id: records.map((r) => r.recordId), source: records.map((r) => r.source), name: records.map((r) => r.name),
      phone: records.map((r) => r.phone ?? ''), id_number: records.map((r) => r.idNumber ?? null), address: records.map((r) => r.address ?? ''),
      origin: records.map(() => origin), loaded_at: records.map(() => loadedAt),
    },
  });
}
