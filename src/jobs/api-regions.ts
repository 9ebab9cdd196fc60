import type { Warehouse } from '../warehouse/warehouse.js';
import type { Regions } from './customers.js';

/** The subset of `customerIds` whose district is in `regions` (all of them when regions is null). */
export async function customersInRegions(wh: Warehouse, customerIds: readonly string[], regions: Regions): Promise<Set<string>> {
  if (regions === null) return new Set(customerIds);
  if (regions.length === 0 || customerIds.length === 0) return new Set();
  const ids = [...new Set(customerIds)];
  const allowed = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const rows = await wh.query<{ customer_id: string }>(
      `SELECT customer_id FROM customers WHERE customer_id IN (${chunk.map(() => '?').join(', ')}) AND district IN (${regions.map(() => '?').join(', ')})`,
      [...chunk, ...regions]);
    for (const r of rows) allowed.add(r.customer_id);
  }
  return allowed;
}
