import { drawAddress, drawChineseName, drawGivenName, drawPerson, findDistrict } from '../people/index.js';
import type { Rng } from '../rng.js';
import type { Identity } from './source-appearance.js';
import type { DuplicateSourceCustomer } from './source-record.js';

/** The customer as the generator knows them. */
export function customerIdentity(c: DuplicateSourceCustomer): Identity {
  const organisation = c.customerType !== 'residential';
  const male = !organisation && Number(c.idNumber[16]) % 2 === 1;
  return { name: c.name, phone: c.phone, idNumber: c.idNumber, address: c.address, district: c.district.zh, organisation, male };
}

/** Someone else with the customer's name in the customer's district: own phone, ID and flat. */
export function namesake(rng: Rng, c: DuplicateSourceCustomer): Identity {
  const person = drawPerson(rng, { district: c.district, referenceYear: 2026 });
  const address = drawAddress(rng, c.district).full;
  return { name: c.name, phone: person.phone, idNumber: person.idNumber, address, district: c.district.zh, organisation: false, male: person.gender === 'male' };
}

/**
 * A spouse, parent or child at the customer's flat: often the household phone, own ID, a name that
 * shares at most the surname (a shortened form of the customer's own name would be the customer).
 */
export function familyMember(rng: Rng, c: DuplicateSourceCustomer): Identity {
  const person = drawPerson(rng, { district: c.district, referenceYear: 2026 });
  const birthYear = Number(person.birthDate.slice(0, 4));
  let name = person.name;
  for (let tries = 0; tries < 10 && sharesGivenChar(name, c.name); tries++) {
    name = rng.chance(0.5) ? c.name[0] + drawGivenName(rng, person.gender, birthYear) : drawChineseName(rng, person.gender, birthYear);
  }
  const phone = rng.chance(0.6) ? c.phone : person.phone;
  return { name, phone, idNumber: person.idNumber, address: c.address, district: c.district.zh, organisation: false, male: person.gender === 'male' };
}

/** A person who is not a customer of the utility at all (a tenant elsewhere, a visitor who called). */
export function stranger(rng: Rng): Identity {
  const person = drawPerson(rng, { referenceYear: 2026 });
  const district = findDistrict(person.districtCode)!;
  const address = drawAddress(rng, district).full;
  return { name: person.name, phone: person.phone, idNumber: person.idNumber, address, district: district.zh, organisation: false, male: person.gender === 'male' };
}

function sharesGivenChar(name: string, other: string): boolean {
  if (name === other) return true;
  const given = new Set(other.slice(1));
  return [...name.slice(1)].some((ch) => given.has(ch));
}
