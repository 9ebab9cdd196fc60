import type { Tariff } from '../../core/schemas/tariff.js';
import type { CustomerRecord } from './customer-load.js';

/**
 * Which tariffs a customer may choose: those of the customer's class and currency; and, for
 * commercial and industrial customers supplied at 1 kV or above with at least 315 kVA of
 * contract capacity, the two-part (basic charge) tariffs of either class — since the 2018-2021
 * reforms (NDRC 2021 No. 1093 and provincial notices) such general C&I customers may opt into the
 * two-part tariff.
 */

export const TWO_PART_MIN_KVA = 315;

/** Voltage in kV of labels such as `220V`, `380V`, `10kV`, `110kV`; NaN when unreadable. */
export function voltageKv(label: string): number {
  const m = /^\s*([\d.]+)\s*(k?)v\s*$/i.exec(label);
  if (!m) return Number.NaN;
  return Number(m[1]) / (m[2] ? 1 : 1000);
}

const isTwoPart = (t: Tariff): boolean => t.china?.capacityChargePerKvaMonth !== undefined || t.china?.maxDemandChargePerKwMonth !== undefined;

export function isEligible(customer: CustomerRecord, tariff: Tariff, currency: string): boolean {
  if (tariff.currency !== currency) return false;
  const ci = customer.customerType === 'commercial' || customer.customerType === 'industrial';
  const twoPartOk = ci && customer.contractKva >= TWO_PART_MIN_KVA && voltageKv(customer.voltageLevel) >= 1;
  if (isTwoPart(tariff)) return twoPartOk && (tariff.customerClass === 'commercial' || tariff.customerClass === 'industrial');
  return tariff.customerClass === customer.customerType;
}

/** The eligible tariffs, the current one first. */
export function eligibleTariffs(customer: CustomerRecord, current: Tariff, all: readonly Tariff[]): Tariff[] {
  return [current, ...all.filter((t) => t.tariffId !== current.tariffId && isEligible(customer, t, current.currency))];
}
