import type { CustomerType } from '../../core/schemas/customer.js';
import type { TicketCategory } from '../../core/schemas/service.js';
import { MS_PER_DAY, MS_PER_HOUR } from '../../core/time/index.js';
import type { Rng } from '../rng.js';

/** When a ticket is raised and why, before its text is written. */
export interface TicketSeed {
  readonly category: TicketCategory;
  readonly topic?: string;
  readonly createdMs: number;
  /** Hours since the problem began (time and duration slots). */
  readonly lagHours: number;
  readonly billShock: boolean;
}

export interface SeedInput {
  readonly customerType: CustomerType;
  readonly openMs: number;
  readonly endMs: number;
  readonly outageDaysMs: readonly number[];
  readonly billShockMonths: readonly string[];
  readonly complaintProneness: number;
}

const MS_PER_YEAR = 365.25 * MS_PER_DAY;
const LOCAL_OFFSET_MS = 8 * MS_PER_HOUR;

/** Background tickets per customer-year by customer type, in ticketCategories order. */
const YEARLY_RATES: Record<CustomerType, Record<TicketCategory, number>> = {
  residential: { consultation: 0.18, fault_repair: 0.04, complaint: 0.012, report: 0.004, opinion: 0.008, suggestion: 0.008, praise: 0.006, service_request: 0.08 },
  commercial: { consultation: 0.35, fault_repair: 0.08, complaint: 0.02, report: 0.003, opinion: 0.01, suggestion: 0.008, praise: 0.01, service_request: 0.2 },
  industrial: { consultation: 0.5, fault_repair: 0.1, complaint: 0.02, report: 0.002, opinion: 0.01, suggestion: 0.008, praise: 0.01, service_request: 0.4 },
  agricultural: { consultation: 0.15, fault_repair: 0.08, complaint: 0.01, report: 0.003, opinion: 0.005, suggestion: 0.004, praise: 0.006, service_request: 0.12 },
  public: { consultation: 0.3, fault_repair: 0.08, complaint: 0.01, report: 0.002, opinion: 0.008, suggestion: 0.01, praise: 0.015, service_request: 0.25 },
};

/** Topics of background tickets; outages, outage complaints and bill disputes come from events. */
const BACKGROUND_TOPICS: Partial<Record<TicketCategory, readonly (readonly [string, number])[]>> = {
  fault_repair: [['single_outage', 5], ['voltage_quality', 3], ['meter_fault', 2], ['line_hazard', 1]],
  complaint: [['service_attitude', 3], ['billing_error', 3], ['repair_delay', 1], ['meter_accuracy', 1], ['bill_dispute', 1]],
};

/** Probability that an outage day produces a fault call from this customer. */
const OUTAGE_CALL: Record<CustomerType, number> = { residential: 0.1, commercial: 0.25, industrial: 0.35, agricultural: 0.15, public: 0.3 };

/** Local-hour weights of when customers contact the utility. */
const HOUR_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 2, 3, 3, 2.5, 2, 2.5, 3, 3, 2.5, 2, 2, 2, 1.8, 1.2, 0.8, 0.4];

/** All seeds of one customer, unsorted. */
export function drawTicketSeeds(input: SeedInput, rng: Rng): TicketSeed[] {
  const seeds = [...backgroundSeeds(input, rng), ...outageSeeds(input, rng), ...billShockSeeds(input, rng)];
  return seeds.filter((s) => s.createdMs >= input.openMs && s.createdMs < input.endMs);
}

function backgroundSeeds(input: SeedInput, rng: Rng): TicketSeed[] {
  const years = Math.max(0, input.endMs - input.openMs) / MS_PER_YEAR;
  const rates = YEARLY_RATES[input.customerType];
  const seeds: TicketSeed[] = [];
  for (const category of Object.keys(rates) as TicketCategory[]) {
    const count = rng.poisson(rates[category] * years * propensity(category, input.complaintProneness));
    for (let i = 0; i < count; i++) {
      const day = Math.floor(rng.uniform(input.openMs, input.endMs) / MS_PER_DAY) * MS_PER_DAY - LOCAL_OFFSET_MS;
      const topics = BACKGROUND_TOPICS[category];
      const topic = topics === undefined ? undefined : topics[rng.weightedIndex(topics.map(([, w]) => w))][0];
      seeds.push({ category, topic, createdMs: atLocalHour(day, rng), lagHours: lagFor(topic, rng), billShock: false });
    }
  }
  return seeds;
}

/** Complaints and opinions scale with proneness; praise falls with it. */
function propensity(category: TicketCategory, proneness: number): number {
  if (category === 'complaint' || category === 'opinion') return 0.3 + 2.5 * proneness;
  if (category === 'praise') return 1.2 - proneness;
  return 1;
}

function outageSeeds(input: SeedInput, rng: Rng): TicketSeed[] {
  const seeds: TicketSeed[] = [];
  const days = [...input.outageDaysMs].sort((a, b) => a - b);
  const factor = 0.5 + 2 * input.complaintProneness;
  days.forEach((dayMs, i) => {
    const recent = days.slice(0, i).filter((d) => dayMs - d <= 30 * MS_PER_DAY).length;
    if (rng.chance(OUTAGE_CALL[input.customerType])) {
      seeds.push({ category: 'fault_repair', topic: 'outage', createdMs: atLocalHour(dayMs, rng), lagHours: rng.uniform(0.2, 2.5), billShock: false });
    }
    if (rng.chance(0.02 * factor * (1 + 2 * recent))) {
      const topic = recent > 0 ? 'frequent_outage' : 'repair_delay';
      const createdMs = atLocalHour(dayMs + rng.int(0, 3) * MS_PER_DAY, rng);
      seeds.push({ category: 'complaint', topic, createdMs, lagHours: lagFor(topic, rng), billShock: false });
    }
    if (rng.chance(0.015 * (1.2 - input.complaintProneness))) {
      const createdMs = atLocalHour(dayMs + rng.int(0, 2) * MS_PER_DAY, rng);
      seeds.push({ category: 'praise', topic: 'repair_praise', createdMs, lagHours: 1, billShock: false });
    }
  });
  return seeds;
}

/** After a shock bill is issued: disputes, questions about the bill and requests to test the meter. */
function billShockSeeds(input: SeedInput, rng: Rng): TicketSeed[] {
  const seeds: TicketSeed[] = [];
  const reactions: readonly (readonly [TicketCategory, string, number])[] = [
    ['complaint', 'bill_dispute', 0.15 + 0.5 * input.complaintProneness],
    ['complaint', 'meter_accuracy', 0.05 + 0.1 * input.complaintProneness],
    ['consultation', 'bill_query', 0.35],
    ['service_request', 'meter_check', 0.08],
  ];
  for (const month of input.billShockMonths) {
    const issueMs = issueOfPeriod(month);
    for (const [category, topic, p] of reactions) {
      if (!rng.chance(p)) continue;
      const day = issueMs + Math.min(20, Math.floor(rng.exponential(4))) * MS_PER_DAY;
      seeds.push({ category, topic, createdMs: atLocalHour(day, rng), lagHours: 24, billShock: true });
    }
  }
  return seeds;
}

/** The bill of a billing month (YYYY-MM) is issued around the 5th of the following month. */
function issueOfPeriod(month: string): number {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (match === null) throw new RangeError(`bill shock month must be YYYY-MM: ${month}`);
  return Date.UTC(Number(match[1]), Number(match[2]), 5) - LOCAL_OFFSET_MS;
}

/** An instant on the local day starting at `dayStartMs`, at a typical contact hour. */
function atLocalHour(dayStartMs: number, rng: Rng): number {
  const hour = rng.weightedIndex(HOUR_WEIGHTS);
  return dayStartMs + hour * MS_PER_HOUR + rng.int(0, 3599) * 1000;
}

function lagFor(topic: string | undefined, rng: Rng): number {
  return topic === 'repair_delay' ? rng.uniform(6, 96) : rng.uniform(0.3, 3);
}
