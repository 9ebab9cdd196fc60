import type { BillLine } from '../schemas/billing.js';
import type { TariffCurrency } from '../schemas/tariff.js';
import { roundFen } from '../units.js';

/** A bill line before it is numbered and attached to a bill. */
export type BillLineDraft = Omit<BillLine, 'billId' | 'lineNo'>;

/** A text in both languages of a bill. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** A number for an explanation: at most `decimals` decimals, trailing zeros dropped. */
export function fmt(value: number, decimals = 3): string {
  return String(Number(value.toFixed(decimals)));
}

const currencyZh: Record<TariffCurrency, string> = { CNY: '元', USD: '美元', EUR: '欧元', HKD: '港元' };

/** Money unit texts: `元` / `CNY`. */
export function currencyLabel(currency: TariffCurrency): Bilingual {
  return { zh: currencyZh[currency], en: currency };
}

const periodLabels: Record<string, Bilingual> = {
  critical: { zh: '尖峰', en: 'Critical-peak' },
  peak: { zh: '高峰', en: 'Peak' },
  flat: { zh: '平段', en: 'Flat' },
  valley: { zh: '低谷', en: 'Valley' },
  deep_valley: { zh: '深谷', en: 'Deep-valley' },
  all: { zh: '', en: '' },
};

/** Labels of a named period; unnamed URDB periods are `p0`, `p1`, ... */
export function periodLabel(name: string): Bilingual {
  const known = periodLabels[name];
  if (known) return known;
  const index = /^p(\d+)$/.exec(name);
  return index ? { zh: `时段${index[1]}`, en: `Period ${index[1]}` } : { zh: name, en: name };
}

/** Default names of energy periods: the China names when given, `p<i>` otherwise. */
export function periodNamesOf(count: number, names: readonly string[] | undefined): string[] {
  if (names) return [...names];
  return count === 1 ? ['all'] : Array.from({ length: count }, (_, i) => `p${i}`);
}

export interface LineFields {
  readonly code: string;
  readonly quantity: number;
  readonly unit: string;
  readonly rate: number;
  readonly text: Bilingual;
}

/** A line whose amount is quantity x rate rounded to the fen. */
export function pricedLine(fields: LineFields): BillLineDraft {
  return amountLine(fields, roundFen(fields.quantity * fields.rate));
}

/** A line with an amount computed by the caller (rounded to the fen here). */
export function amountLine(fields: LineFields, amount: number): BillLineDraft {
  return {
    code: fields.code,
    quantity: Number(fields.quantity.toFixed(6)),
    unit: fields.unit,
    rate: fields.rate,
    amount: roundFen(amount),
    explanationZh: fields.text.zh,
    explanationEn: fields.text.en,
  };
}

/** Sum of line amounts, rounded to the fen to drop floating-point noise. */
export function sumAmounts(lines: readonly BillLineDraft[]): number {
  let sum = 0;
  for (const line of lines) sum += line.amount;
  return roundFen(sum);
}
