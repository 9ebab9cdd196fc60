import type { Tariff } from '../schemas/tariff.js';
import { amountLine, currencyLabel, fmt, pricedLine, type BillLineDraft } from './bill-lines.js';

/**
 * Fixed and minimum charges. A bill is one month: `'$/month'` charges apply once per bill and
 * `'$/day'` charges per day of the billing period.
 */

function perPeriod(units: '$/month' | '$/day' | undefined, days: number): { quantity: number; unit: string; zh: string; en: string } {
  return units === '$/day' ? { quantity: days, unit: 'day', zh: '天', en: 'day' } : { quantity: 1, unit: 'month', zh: '月', en: 'month' };
}

/** `fixedmonthlycharge` and `fixedchargefirstmeter` lines. */
export function fixedChargeLines(tariff: Tariff, days: number): BillLineDraft[] {
  const money = currencyLabel(tariff.currency);
  const lines: BillLineDraft[] = [];
  if (tariff.fixedmonthlycharge) {
    const rate = tariff.fixedmonthlycharge;
    lines.push(pricedLine({
      code: 'FIXED', quantity: 1, unit: 'month', rate,
      text: { zh: `固定费用：${fmt(rate, 4)} ${money.zh}/月`, en: `Fixed charge: ${fmt(rate, 4)} ${money.en}/month` },
    }));
  }
  if (tariff.fixedchargefirstmeter) {
    const rate = tariff.fixedchargefirstmeter;
    const per = perPeriod(tariff.fixedchargeunits, days);
    lines.push(pricedLine({
      code: 'FIXED_METER', quantity: per.quantity, unit: per.unit, rate,
      text: {
        zh: `计量点固定费用：${fmt(per.quantity)} ${per.zh} × ${fmt(rate, 5)} ${money.zh}/${per.zh}`,
        en: `Meter fixed charge: ${fmt(per.quantity)} ${per.en} × ${fmt(rate, 5)} ${money.en}/${per.en}`,
      },
    }));
  }
  return lines;
}

/** A top-up line when the bill is below `mincharge`, else undefined. */
export function minimumChargeLine(tariff: Tariff, days: number, subtotal: number): BillLineDraft | undefined {
  if (!tariff.mincharge) return undefined;
  const per = perPeriod(tariff.minchargeunits, days);
  const minimum = tariff.mincharge * per.quantity;
  if (subtotal >= minimum) return undefined;
  const money = currencyLabel(tariff.currency);
  return amountLine({
    code: 'MIN_CHARGE', quantity: per.quantity, unit: per.unit, rate: tariff.mincharge,
    text: {
      zh: `最低消费补足：最低收费 ${fmt(minimum, 2)} ${money.zh}，本期电费 ${fmt(subtotal, 2)} ${money.zh}`,
      en: `Minimum charge top-up: minimum ${fmt(minimum, 2)} ${money.en}, bill before minimum ${fmt(subtotal, 2)} ${money.en}`,
    },
  }, minimum - subtotal);
}
