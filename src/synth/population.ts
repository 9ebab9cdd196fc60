import type { CustomerType } from '../core/schemas/customer.js';
import { accountIdOf, areaIdOf, customerIdOf, equipmentIdOf, feederIdOf, meterNoOf } from '../core/ids.js';
import { drawTheft, type TheftPlan } from './anomalies/index.js';
import { archetypesOfType, drawLoadParams, type ArchetypeName, type LoadParams } from './load/index.js';
import { drawCreditProfile, type CreditProfile } from './payments/index.js';
import { drawAddress, drawCompany, drawDistrict, drawPerson, type HangzhouDistrict } from './people/index.js';
import type { Rng } from './rng.js';
import type { SynthOptions } from './synth-options.js';

/** Mix of customer types by count in a Chinese city distribution company. */
const typeShares: readonly [CustomerType, number][] = [
  ['residential', 0.86], ['commercial', 0.09], ['industrial', 0.03], ['agricultural', 0.015], ['public', 0.005],
];

export interface SynthCustomer {
  readonly index: number;
  readonly customerId: string;
  readonly accountId: string;
  readonly meterId: number;
  readonly meterNo: string;
  readonly customerType: CustomerType;
  readonly archetype: ArchetypeName;
  readonly params: LoadParams;
  readonly name: string;
  readonly phone: string;
  readonly idNumber: string;
  readonly district: HangzhouDistrict;
  readonly address: string;
  readonly tariffId: string;
  readonly openDate: string;
  readonly marketingConsent: boolean;
  readonly paymentMethod: 'bank_debit' | 'wechat' | 'alipay' | 'app' | 'counter';
  readonly credit: CreditProfile;
  /** 0..1 use of digital channels. */
  readonly engagement: number;
  readonly complaintProneness: number;
  readonly theft: TheftPlan | null;
  /** Whether the customer has its own transformer (专变). */
  readonly dedicated: boolean;
  areaIndex: number;
}

export interface SynthArea {
  readonly index: number;
  readonly areaId: string;
  readonly name: string;
  readonly district: HangzhouDistrict;
  readonly feederId: string;
  readonly transformerKva: number;
  readonly dedicated: boolean;
  readonly equipmentId: string;
  readonly customers: number[];
  /** Technical loss ratio of this area's transformer and low-voltage network. */
  readonly lossRatio: number;
}

export interface Population {
  readonly customers: SynthCustomer[];
  readonly areas: SynthArea[];
}

const standardKva = [100, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000];

function roundUpKva(kva: number): number {
  return standardKva.find((s) => s >= kva) ?? Math.ceil(kva / 1000) * 1000;
}

function tariffFor(customerType: CustomerType, archetype: ArchetypeName, kva: number, rng: Rng): string {
  if (customerType === 'residential') return archetype === 'residential_ev' || rng.chance(0.45) ? 'ZJ-RES-TOU' : 'ZJ-RES-TIER';
  if (customerType === 'agricultural') return 'ZJ-AGR';
  if (customerType === 'industrial' && kva >= 315) return 'ZJ-LI-TOU';
  return 'ZJ-GEN-TOU';
}

function drawCustomer(index: number, customerType: CustomerType, options: SynthOptions, rng: Rng): SynthCustomer {
  const r = rng.fork('customer', index);
  const kinds = archetypesOfType(customerType);
  const archetype = kinds[r.weightedIndex(kinds.map((k) => k.share))].name;
  const params = drawLoadParams(archetype, r.fork('load-params'));
  const district = drawDistrict(r);
  const person = drawPerson(r, { district, referenceYear: 2026 });
  const business = customerType !== 'residential';
  const addressKind = customerType === 'agricultural' ? 'rural' : business ? 'business' : 'residential';
  const openYearsAgo = r.uniform(0.3, 25);
  const openMs = Date.parse(`${options.start}T00:00:00Z`) - openYearsAgo * 365.25 * 86_400_000;
  const engagement = customerType === 'residential' ? Math.min(1, Math.max(0, r.normal(0.45, 0.25))) : r.uniform(0, 0.5);
  const dedicated = params.contractKva >= 315;
  const theft = r.chance(options.theftRate) && customerType !== 'public' ? drawTheft(r.fork('theft'), options.days, (24 * 60) / options.intervalMinutes) : null;
  return {
    index, customerId: customerIdOf(index), accountId: accountIdOf(index), meterId: index + 1, meterNo: meterNoOf(index + 1),
    customerType, archetype, params,
    name: business ? drawCompany(r, kinds.find((k) => k.name === archetype)!.industryCode) : person.name,
    phone: person.phone, idNumber: business ? unifiedCreditCode(r) : person.idNumber,
    district, address: drawAddress(r, district, addressKind).full,
    tariffId: tariffFor(customerType, archetype, params.contractKva, r),
    openDate: new Date(openMs).toISOString().slice(0, 10),
    marketingConsent: r.chance(customerType === 'residential' ? 0.62 : 0.4),
    paymentMethod: r.pick(['bank_debit', 'bank_debit', 'wechat', 'alipay', 'app', 'counter'] as const),
    credit: drawCreditProfile(r.fork('credit'), customerType),
    engagement, complaintProneness: Math.min(1, r.exponential(0.2)),
    theft, dedicated, areaIndex: -1,
  };
}

/** 18-character unified social credit code (统一社会信用代码) shape for businesses, fake. */
function unifiedCreditCode(rng: Rng): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let code = '913301';
  while (code.length < 18) code += chars[rng.int(0, chars.length - 1)];
  return code;
}

/** Draws the customers, then wires them into transformer areas and feeders. */
export function buildPopulation(options: SynthOptions, rng: Rng): Population {
  const typeRng = rng.fork('types');
  const customers = Array.from({ length: options.customers }, (_, i) =>
    drawCustomer(i, typeShares[typeRng.weightedIndex(typeShares.map(([, s]) => s))][0], options, rng));
  return { customers, areas: buildAreas(customers, options, rng.fork('areas')) };
}

function buildAreas(customers: SynthCustomer[], options: SynthOptions, rng: Rng): SynthArea[] {
  const areas: SynthArea[] = [];
  const addArea = (members: SynthCustomer[], dedicated: boolean, district: HangzhouDistrict) => {
    const index = areas.length;
    const peakKw = members.reduce((s, c) => s + c.params.contractKva, 0) * (dedicated ? 0.9 : 0.35);
    const area: SynthArea = {
      index, areaId: areaIdOf(index), feederId: feederIdOf(Math.floor(index / 6)), dedicated, district,
      name: dedicated ? `${members[0].name}专变` : `${district.zh}${rng.int(1, 60)}号公变台区`,
      transformerKva: roundUpKva(Math.max(100, peakKw)), equipmentId: equipmentIdOf(index),
      customers: members.map((c) => c.index), lossRatio: dedicated ? rng.uniform(0.02, 0.03) : rng.uniform(0.025, 0.048),
    };
    for (const c of members) c.areaIndex = index;
    areas.push(area);
  };
  const shared: SynthCustomer[] = [];
  for (const c of customers) {
    if (c.dedicated) addArea([c], true, c.district);
    else shared.push(c);
  }
  const groups = Math.max(1, Math.round(shared.length / options.customersPerArea));
  const buckets: SynthCustomer[][] = Array.from({ length: groups }, () => []);
  shared.forEach((c, i) => buckets[(i * 7919) % groups].push(c));
  for (const bucket of buckets) if (bucket.length) addArea(bucket, false, bucket[0].district);
  return areas;
}
