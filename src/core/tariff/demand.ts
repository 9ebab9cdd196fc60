import { ValidationError } from '../errors.js';
import type { DemandRateTier, Tariff, TariffCurrency } from '../schemas/tariff.js';
import { currencyLabel, fmt, pricedLine, type BillLineDraft } from './bill-lines.js';

/**
 * Demand and basic charges. Demand is the maximum interval kW (interval kWh / interval hours), so
 * a URDB `demandwindow` longer than the meter interval is not applied. TOU demand is priced per
 * demand period, flat (facility) demand on the bill's overall peak with the URDB ratchet, and the
 * China basic charge on contract kVA (容量) or the month's maximum demand (需量).
 */

/** kW of one demand tier. */
export interface DemandSlice {
  readonly tier: number;
  readonly kw: number;
  readonly price: number;
}

/** Splits a demand over cumulative kW tiers; beyond the last bound the last price applies. */
export function allocateDemand(tiers: readonly DemandRateTier[], kw: number): DemandSlice[] {
  const slices: DemandSlice[] = [];
  let lower = 0;
  tiers.forEach((tier, index) => {
    const upper = index === tiers.length - 1 || tier.max === undefined ? Infinity : tier.max;
    const inTier = Math.min(kw, upper) - lower;
    lower = upper;
    if (inTier > 0) slices.push({ tier: index, kw: inTier, price: Number((tier.rate + (tier.adj ?? 0)).toFixed(10)) });
  });
  return slices;
}

interface DemandText {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

function demandLines(tiers: readonly DemandRateTier[], kw: number, what: DemandText, currency: TariffCurrency): BillLineDraft[] {
  const money = currencyLabel(currency);
  const tiered = tiers.length > 1;
  return allocateDemand(tiers, kw).map((slice) => {
    const qty = `${fmt(slice.kw)} kW × ${fmt(slice.price, 5)}`;
    return pricedLine({
      code: `${what.code}.T${slice.tier + 1}`,
      quantity: slice.kw,
      unit: 'kW',
      rate: slice.price,
      text: {
        zh: `${what.zh}：${qty} ${money.zh}/kW${tiered ? `，第${slice.tier + 1}档` : ''}`,
        en: `${what.en}: ${qty} ${money.en}/kW${tiered ? `, tier ${slice.tier + 1}` : ''}`,
      },
    });
  });
}

/** TOU demand charges: each demand period's maximum kW at that period's rate. */
export function touDemandLines(tariff: Tariff, demandPeakKw: Float64Array | undefined): BillLineDraft[] {
  const structure = tariff.demandratestructure;
  if (!structure || !demandPeakKw) return [];
  return structure.flatMap((tiers, period) => demandLines(tiers, demandPeakKw[period], {
    code: `DEMAND.p${period}`,
    zh: `时段${period}需量电费（本期该时段最大需量）`,
    en: `Period ${period} demand charge (maximum demand in the period)`,
  }, tariff.currency));
}

/** Flat (facility) demand of the bill's month; the ratchet raises it to a share of the look-back peak. */
export function flatDemandLines(tariff: Tariff, month: number, peakKw: number, ratchetPeakKw: number | undefined): BillLineDraft[] {
  const structure = tariff.flatdemandstructure;
  const months = tariff.flatdemandmonths;
  if (!structure || !months) return [];
  const ratchetShare = tariff.demandratchetpercentage?.[month] ?? 0;
  const ratchetKw = (ratchetPeakKw ?? 0) * ratchetShare;
  const billedKw = Math.max(peakKw, ratchetKw);
  const ratcheted = billedKw > peakKw;
  const note = ratcheted ? { zh: `，按棘轮 ${fmt(ratchetShare * 100)}% × ${fmt(ratchetPeakKw ?? 0)} kW 计`, en: `, ratchet ${fmt(ratchetShare * 100)}% of ${fmt(ratchetPeakKw ?? 0)} kW` } : { zh: '', en: '' };
  return demandLines(structure[months[month]], billedKw, {
    code: 'FLAT_DEMAND',
    zh: `需量电费（本期最大需量${note.zh}）`,
    en: `Demand charge (maximum demand of the bill${note.en})`,
  }, tariff.currency);
}

export type BasicChargeBasis = 'capacity' | 'demand';

/** Which basic charge applies: the requested one, else capacity when priced, else maximum demand. */
export function basicChargeBasis(tariff: Tariff, requested: BasicChargeBasis | undefined): BasicChargeBasis | undefined {
  const china = tariff.china;
  const capacity = china?.capacityChargePerKvaMonth !== undefined;
  const demand = china?.maxDemandChargePerKwMonth !== undefined;
  if (requested === 'capacity' && !capacity) throw new ValidationError(`options.basicChargeBasis: tariff ${tariff.tariffId} has no capacity charge`);
  if (requested === 'demand' && !demand) throw new ValidationError(`options.basicChargeBasis: tariff ${tariff.tariffId} has no maximum-demand charge`);
  return requested ?? (capacity ? 'capacity' : demand ? 'demand' : undefined);
}

/** The China basic charge (基本电费) line for a month, by contract capacity or maximum demand. */
export function basicChargeLines(tariff: Tariff, basis: BasicChargeBasis | undefined, contractKva: number | undefined, peakKw: number): BillLineDraft[] {
  const china = tariff.china;
  if (!china || !basis) return [];
  const money = currencyLabel(tariff.currency);
  if (basis === 'capacity') {
    const price = china.capacityChargePerKvaMonth ?? 0;
    if (contractKva === undefined) throw new ValidationError(`options.contractKva: required for the capacity charge of tariff ${tariff.tariffId}`);
    const qty = `${fmt(contractKva)} kVA × ${fmt(price, 4)}`;
    return [pricedLine({
      code: 'CAPACITY', quantity: contractKva, unit: 'kVA', rate: price,
      text: { zh: `基本电费（按容量）：合同容量 ${qty} ${money.zh}/kVA·月`, en: `Basic charge (capacity): contract capacity ${qty} ${money.en}/kVA-month` },
    })];
  }
  const price = china.maxDemandChargePerKwMonth ?? 0;
  const qty = `${fmt(peakKw)} kW × ${fmt(price, 4)}`;
  return [pricedLine({
    code: 'MAX_DEMAND', quantity: peakKw, unit: 'kW', rate: price,
    text: { zh: `基本电费（按需量）：本月最大需量 ${qty} ${money.zh}/kW·月`, en: `Basic charge (maximum demand): monthly maximum demand ${qty} ${money.en}/kW-month` },
  })];
}
