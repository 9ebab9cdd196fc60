import { z } from 'zod';
import type { CustomerType } from '../../core/schemas/customer.js';
import { ValidationError } from '../../core/errors.js';
import type { SynthCustomer } from '../population.js';

/** The systems a customer appears in: the billing export (the master), 网上国网 app accounts, 95598 tickets. */
export type RecordSource = 'billing' | 'app' | 'tickets';

/** One row of one source system, written the way that system writes it. */
export interface SourceRecord {
  readonly source: RecordSource;
  readonly recordId: string;
  readonly name: string;
  /** Empty when the source has no phone for the record. */
  readonly phone: string;
  readonly idNumber?: string;
  readonly address: string;
  /** Billing records only: the customer the row belongs to. */
  readonly customerId?: string;
  readonly customerType?: CustomerType;
}

/** A billing export row: it names its customer. */
export type BillingRecord = SourceRecord & { readonly source: 'billing'; readonly customerId: string };

export function isBillingRecord(record: SourceRecord): record is BillingRecord {
  return record.source === 'billing' && record.customerId !== undefined;
}

/** The customer fields the duplicate generator reads. */
export type DuplicateSourceCustomer = Pick<SynthCustomer, 'customerId' | 'name' | 'phone' | 'idNumber' | 'address' | 'district' | 'customerType'>;

export interface GeneratedSources {
  /** Billing rows first (one per customer, in customer order), then app and ticket rows shuffled. */
  readonly records: SourceRecord[];
  /** recordId → the customer the record belongs to, or null for a person who is not a customer. */
  readonly truth: Map<string, string | null>;
}

/** Rates of the duplicate generator, with their defaults. */
export const DuplicateOptions = z.object({
  /** Share of residential customers with a 网上国网 account (businesses: half of it). */
  appShare: z.number().min(0).max(1).default(0.55),
  /** Share of app users who registered a second account after changing their number. */
  secondAccountShare: z.number().min(0).max(1).default(0.05),
  /** Mean service tickets per customer. */
  ticketsPerCustomer: z.number().min(0).max(10).default(0.35),
  /** Share of app users on the English app, whose names are romanised. */
  englishAppShare: z.number().min(0).max(1).default(0.08),
  /** Share of app and ticket records whose phone is another mobile (the person changed numbers). */
  changedPhoneShare: z.number().min(0).max(1).default(0.05),
  /** Share of app accounts that give another address (home, office) than the supplied premises. */
  otherAddressShare: z.number().min(0).max(1).default(0.04),
  /** Share of tickets called in from a landline. */
  landlineShare: z.number().min(0).max(1).default(0.08),
  /** Non-customers per customer: namesakes in the same district, family members sharing flat and phone, strangers. */
  lookAlikeShare: z.number().min(0).max(1).default(0.03),
  familyShare: z.number().min(0).max(1).default(0.03),
  strangerShare: z.number().min(0).max(1).default(0.02),
});
export type DuplicateOptions = z.infer<typeof DuplicateOptions>;
export type DuplicateOptionsInput = z.input<typeof DuplicateOptions>;

export function parseDuplicateOptions(input: DuplicateOptionsInput = {}): DuplicateOptions {
  const parsed = DuplicateOptions.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(`invalid duplicate option ${issue.path.join('.')}: ${issue.message}`, { option: issue.path.join('.') });
  }
  return parsed.data;
}
