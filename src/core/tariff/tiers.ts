import type { Tariff, TariffCurrency } from '../schemas/tariff.js';
import { currencyLabel, fmt, periodLabel, pricedLine, type Bilingual, type BillLineDraft } from './bill-lines.js';

/**
 * Tiered energy pricing. Each energy period has a ladder of cumulative kWh bounds and prices. A
 * bill's kWh occupy the cumulative range (before, before + kWh]; the part of that range inside
 * each tier is shared among the periods in proportion to their kWh (DOMAIN.md section 3), and
 * each part is priced at its period's price in that tier. With one period this is plain
 * block pricing; with URDB monthly tiers `before` is 0.
 */

/** A price with float noise of sums removed (0.568 + 0.05 prints 0.618). */
const cleanPrice = (value: number): number => Number(value.toFixed(10));

export interface TierStep {
  /** Cumulative upper bound in kWh (Infinity on the last step). */
  readonly upToKwh: number;
  readonly price: number;
}

/** One ladder per energy period. `days` scales URDB 'kWh daily' bounds to the billing period. */
export function energyLadders(tariff: Tariff, days: number): TierStep[][] {
  const chinaTiers = tariff.china?.tiers;
  return tariff.energyratestructure.map((tiers) => {
    if (chinaTiers) {
      const base = tiers[0].rate + (tiers[0].adj ?? 0);
      return chinaTiers.map((t) => ({ upToKwh: t.maxKwh ?? Infinity, price: cleanPrice(base + t.adder) }));
    }
    return tiers.map((t, i) => ({
      upToKwh: i === tiers.length - 1 || t.max === undefined ? Infinity : t.max * (t.unit === 'kWh daily' ? days : 1),
      price: cleanPrice(t.rate + (t.adj ?? 0)),
    }));
  });
}

/** kWh of one period priced in one tier. */
export interface TierSlice {
  readonly period: number;
  readonly tier: number;
  readonly kwh: number;
  readonly price: number;
  /** Cumulative range of the tier crossed by this bill, shared by all periods. */
  readonly fromKwh: number;
  readonly toKwh: number;
  /** Share of the period in the bill's kWh (0..1). */
  readonly share: number;
  /** The bill's kWh cross into another tier, so this slice is a proportional part. */
  readonly proportional: boolean;
}

/** Splits each period's kWh over the tiers its cumulative range crosses. */
export function allocateTiers(periodKwh: Float64Array, kwhBefore: number, ladders: readonly TierStep[][]): TierSlice[] {
  let total = 0;
  for (const value of periodKwh) total += value;
  if (total <= 0) return [];
  const slices: TierSlice[] = [];
  const after = kwhBefore + total;
  ladders.forEach((ladder, period) => {
    const kwh = periodKwh[period];
    if (kwh <= 0) return;
    let lower = 0;
    ladder.forEach((step, tier) => {
      const fromKwh = Math.max(kwhBefore, lower);
      const toKwh = Math.min(after, step.upToKwh);
      lower = step.upToKwh;
      if (toKwh <= fromKwh) return;
      const whole = fromKwh === kwhBefore && toKwh === after;
      const inTier = whole ? kwh : ((toKwh - fromKwh) * kwh) / total;
      const share = kwh / total;
      slices.push({ period, tier, kwh: inTier, price: step.price, fromKwh, toKwh, share, proportional: !whole && share < 1 });
    });
  });
  return slices;
}

export interface EnergyLineContext {
  readonly periodNames: readonly string[];
  readonly currency: TariffCurrency;
  readonly accumulation: 'monthly' | 'annual';
  /** Ladders have more than one tier. */
  readonly tiered: boolean;
  /** Year suffix when a bill spans two tier years. */
  readonly year?: number;
}

function tierText(slice: TierSlice, ctx: EnergyLineContext, label: Bilingual): Bilingual {
  const range = `${fmt(slice.fromKwh)}–${fmt(slice.toKwh)} kWh`;
  const year = ctx.year;
  const zhAcc = ctx.accumulation === 'monthly' ? '本月累计' : year === undefined ? '年度累计' : `${year}年累计`;
  const enAcc = ctx.accumulation === 'monthly' ? 'month-to-date' : year === undefined ? 'year-to-date' : `${year} year-to-date`;
  let zh = `，第${slice.tier + 1}档（${zhAcc} ${range}）`;
  let en = `, tier ${slice.tier + 1} (${enAcc} ${range})`;
  if (slice.proportional) {
    const tierKwh = fmt(slice.toKwh - slice.fromKwh);
    const pct = fmt(slice.share * 100, 2);
    zh += `，该档 ${tierKwh} kWh 按${label.zh}电量占比 ${pct}% 分摊`;
    en += `, ${pct}% of the tier's ${tierKwh} kWh by ${label.en.toLowerCase()} share`;
  }
  return { zh, en };
}

function energyLine(slice: TierSlice, ctx: EnergyLineContext): BillLineDraft {
  const name = ctx.periodNames[slice.period];
  const label = periodLabel(name);
  const money = currencyLabel(ctx.currency);
  const tier = ctx.tiered ? tierText(slice, ctx, label) : { zh: '', en: '' };
  const qty = `${fmt(slice.kwh)} kWh × ${fmt(slice.price, 5)}`;
  const enName = label.en === '' ? 'Energy' : `${label.en} energy`;
  const year = ctx.year === undefined ? '' : `.${ctx.year}`;
  return pricedLine({
    code: `ENERGY.${name}.T${slice.tier + 1}${year}`,
    quantity: slice.kwh,
    unit: 'kWh',
    rate: slice.price,
    text: {
      zh: `${label.zh}电度电费：${qty} ${money.zh}/kWh${tier.zh}`,
      en: `${enName} charge: ${qty} ${money.en}/kWh${tier.en}`,
    },
  });
}

/** Energy lines of one tier year (or of the whole bill for monthly tiers). */
export function energyLines(periodKwh: Float64Array, kwhBefore: number, ladders: readonly TierStep[][], ctx: EnergyLineContext): BillLineDraft[] {
  return allocateTiers(periodKwh, kwhBefore, ladders).map((slice) => energyLine(slice, ctx));
}
