import { parseAddress, type ParsedAddress } from './address-parser.js';
import type { AddressGazetteer } from './address-gazetteer.js';
import { normalizeIdNumber, type NormalizedId } from './id-normalizer.js';
import { normalizeName, type Gender, type NormalizedName } from './name-normalizer.js';
import { canonicalPhone, type CanonicalPhone } from './phone-normalizer.js';

/** A record from any source system, as the linker reads it. */
export interface LinkableRecord {
  readonly recordId: string;
  readonly name: string;
  readonly phone?: string;
  readonly idNumber?: string;
  readonly address?: string;
}

/** A record of the master system (the billing export): it names the customer it belongs to. */
export interface MasterRecord extends LinkableRecord {
  readonly customerId: string;
}

/** A record with its fields normalised once, before blocking and comparison. */
export interface PreparedRecord {
  readonly index: number;
  readonly recordId: string;
  /** Set for master records only. */
  readonly customerId?: string;
  readonly name: NormalizedName;
  readonly phone?: CanonicalPhone;
  readonly id?: NormalizedId;
  readonly address?: ParsedAddress;
  /** From the identity number, else from a form of address (王先生). */
  readonly gender?: Gender;
}

export interface PrepareOptions {
  readonly defaultAreaCode: string;
  readonly gazetteer: AddressGazetteer;
}

/** Normalises every record; names are cached because common names repeat. */
export function prepareRecords(
  masters: readonly MasterRecord[], others: readonly LinkableRecord[], options: PrepareOptions,
): PreparedRecord[] {
  const names = new Map<string, NormalizedName>();
  const nameOf = (raw: string): NormalizedName => {
    let found = names.get(raw);
    if (found === undefined) names.set(raw, (found = normalizeName(raw)));
    return found;
  };
  const prepare = (r: LinkableRecord, index: number, customerId?: string): PreparedRecord => {
    const name = nameOf(r.name);
    const id = normalizeIdNumber(blankToUndefined(r.idNumber));
    return {
      index, recordId: r.recordId, customerId, name, id, gender: id?.gender ?? name.gender,
      phone: canonicalPhone(blankToUndefined(r.phone), options.defaultAreaCode),
      address: r.address?.trim() ? parseAddress(r.address, options.gazetteer) : undefined,
    };
  };
  return [...masters.map((m, i) => prepare(m, i, m.customerId)), ...others.map((r, i) => prepare(r, masters.length + i))];
}

function blankToUndefined(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}
