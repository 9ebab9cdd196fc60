import { customerIdOf } from '../../core/ids.js';
import { drawAddress, drawCompany, drawDistrict, drawPerson } from '../people/index.js';
import type { Rng } from '../rng.js';
import type { DuplicateSourceCustomer } from './source-record.js';

/**
 * Customers with only the fields the duplicate generator reads, drawn like the population's
 * (86% residential, the rest businesses with a company name and a credit code) but without load
 * models: for tests that need many customers quickly.
 */
export function drawLinkageCustomers(count: number, rng: Rng): DuplicateSourceCustomer[] {
  return Array.from({ length: count }, (_, i) => {
    const r = rng.fork('customer', i);
    const district = drawDistrict(r);
    const person = drawPerson(r, { district, referenceYear: 2026 });
    const business = r.chance(0.14);
    const name = business ? drawCompany(r, r.pick(['C', 'H62', 'F52', 'I', 'A'])) : person.name;
    const idNumber = business ? `913301${String(r.int(0, 999_999_999)).padStart(9, '0')}MA${r.int(0, 9)}` : person.idNumber;
    const address = drawAddress(r, district, business ? 'business' : 'residential').full;
    return { customerId: customerIdOf(i), name, phone: person.phone, idNumber, address, district, customerType: business ? 'commercial' : 'residential' };
  });
}
