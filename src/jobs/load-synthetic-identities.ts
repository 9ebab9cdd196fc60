import { ValidationError } from '../core/errors.js';
import { CustomerType } from '../core/schemas/customer.js';
import { appendSourceIdentities, type SourceIdentity } from '../quality/linkage-store/index.js';
import { generateSourceRecords, isBillingRecord, type DuplicateSourceCustomer } from '../synth/duplicates/index.js';
import { findDistrict } from '../synth/people/index.js';
import { Rng } from '../synth/rng.js';
import { linkageTruthTables } from '../warehouse/schema/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';

export const SYNTHETIC_ORIGIN = 'synthetic';

export interface SyntheticIdentities {
  /** App and ticket records written (0 when the store already had synthetic records). */
  readonly written: number;
  readonly existing: number;
  readonly seed: number;
}

type CustomerRow = { customer_id: string; name: string; phone: string; id_number: string; address: string; district: string; customer_type: string };

/**
 * For the demo: the stored customers as the 网上国网 app and the 95598 ticket system write them
 * (src/synth/duplicates: noisy names, phones, IDs and addresses, plus people who are not customers),
 * with the owner of every record in the ground truth. Needs the synthetic utility's customers
 * (Hangzhou districts). Runs once: a store that already has synthetic records is left alone.
 */
export async function loadSyntheticIdentities(wh: Warehouse, seed = 20260101): Promise<SyntheticIdentities> {
  const [{ n }] = await wh.query<{ n: number }>('SELECT count(*) AS n FROM source_records WHERE origin = ?', [SYNTHETIC_ORIGIN]);
  if (n > 0) return { written: 0, existing: n, seed };
  const customers = (await wh.query<CustomerRow>(
    'SELECT customer_id, name, phone, id_number, address, district, customer_type FROM customers ORDER BY customer_id')).map(duplicateSourceCustomer);
  if (customers.length === 0) throw new ValidationError('linkage: the store has no customers to draw identity records from; create the demo first (gridlens demo)');
  const { records, truth } = generateSourceRecords(customers, new Rng(seed, 'duplicates'));
  const others: SourceIdentity[] = records.filter((r) => !isBillingRecord(r)).map((r) => ({
    recordId: r.recordId, source: r.source, name: r.name, phone: r.phone, idNumber: r.idNumber, address: r.address,
  }));
  const owners = others.map((r) => truth.get(r.recordId) ?? null);
  await wh.transaction(async (tx) => {
    await appendSourceIdentities(tx, others, SYNTHETIC_ORIGIN, new Date());
    await tx.append(linkageTruthTables[0].name, { rowCount: others.length, columns: { record_id: others.map((r) => r.recordId), customer_id: owners } });
  });
  return { written: others.length, existing: 0, seed };
}

function duplicateSourceCustomer(row: CustomerRow): DuplicateSourceCustomer {
  const district = findDistrict(row.district);
  const type = CustomerType.safeParse(row.customer_type);
  if (!district || !type.success) {
    throw new ValidationError(`customer ${row.customer_id}: synthetic identity records need the synthetic utility's customers (Hangzhou district, known type); got ${row.district} / ${row.customer_type}`, { customerId: row.customer_id });
  }
  return { customerId: row.customer_id, name: row.name, phone: row.phone, idNumber: row.id_number, address: row.address, district, customerType: type.data };
}
