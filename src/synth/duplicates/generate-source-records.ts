import type { Rng } from '../rng.js';
import { customerIdentity, familyMember, namesake, stranger } from './other-people.js';
import { appRecord, ticketRecord, type Identity, type RecordDraft } from './source-appearance.js';
import {
  parseDuplicateOptions, type DuplicateOptions, type DuplicateOptionsInput, type DuplicateSourceCustomer,
  type GeneratedSources, type SourceRecord,
} from './source-record.js';

/**
 * The customers as they appear in the utility's systems: the billing export (one clean row per
 * customer, the master), app accounts and service tickets written with the noise of each system,
 * plus records of people who are not customers but look like them, with the truth of every row.
 */
export function generateSourceRecords(
  customers: readonly DuplicateSourceCustomer[], rng: Rng, options: DuplicateOptionsInput = {},
): GeneratedSources {
  const opts = parseDuplicateOptions(options);
  const drafts = customers.flatMap((c, i) => appearances(c, rng.fork('appearances', i), opts));
  drafts.push(...nonCustomers(customers, rng.fork('non-customers'), opts));
  rng.fork('order').shuffle(drafts);
  const truth = new Map<string, string | null>();
  const records: SourceRecord[] = customers.map((c) => {
    const recordId = `BIL-${c.customerId}`;
    truth.set(recordId, c.customerId);
    return { source: 'billing', recordId, name: c.name, phone: c.phone, idNumber: c.idNumber, address: c.address, customerId: c.customerId, customerType: c.customerType };
  });
  const counters = { app: 0, tickets: 0 };
  for (const { truth: owner, ...draft } of drafts) {
    const source = draft.source === 'app' ? 'app' : 'tickets';
    const recordId = `${source === 'app' ? 'APP' : 'TKT'}-${String(++counters[source]).padStart(7, '0')}`;
    truth.set(recordId, owner);
    records.push({ ...draft, recordId });
  }
  return { records, truth };
}

function appearances(c: DuplicateSourceCustomer, rng: Rng, options: DuplicateOptions): RecordDraft[] {
  const who = customerIdentity(c);
  const out: RecordDraft[] = [];
  if (rng.chance(who.organisation ? options.appShare / 2 : options.appShare)) {
    out.push(appRecord(rng, who, c.customerId, options));
    if (rng.chance(options.secondAccountShare)) out.push(appRecord(rng, who, c.customerId, options, true));
  }
  const tickets = Math.min(3, rng.poisson(options.ticketsPerCustomer));
  for (let t = 0; t < tickets; t++) out.push(ticketRecord(rng, who, c.customerId, options));
  return out;
}

/** Namesakes, family members and strangers, each with one app account or ticket. */
function nonCustomers(customers: readonly DuplicateSourceCustomer[], rng: Rng, options: DuplicateOptions): RecordDraft[] {
  const residents = customers.filter((c) => c.customerType === 'residential');
  if (residents.length === 0) return [];
  const people: Identity[] = [];
  const count = (share: number) => Math.round(customers.length * share);
  for (let i = 0; i < count(options.lookAlikeShare); i++) people.push(namesake(rng, rng.pick(residents)));
  for (let i = 0; i < count(options.familyShare); i++) people.push(familyMember(rng, rng.pick(residents)));
  for (let i = 0; i < count(options.strangerShare); i++) people.push(stranger(rng));
  return people.map((who) => (rng.chance(0.6) ? appRecord(rng, who, null, options) : ticketRecord(rng, who, null, options)));
}
