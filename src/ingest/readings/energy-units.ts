import { Channel } from '../../core/schemas/meter.js';

/** Energy units of source values and their factor to kWh. (MW averaged over one hour is MWh.) */
export const energyUnits = { Wh: 0.001, kWh: 1, MWh: 1000 } as const;
export type EnergyUnit = keyof typeof energyUnits;

/**
 * Rounds kWh to the 1 Wh resolution of smart meters after unit conversion, so that Wh → kWh
 * (value × 0.001) gives exactly the same double as the kWh written with three decimals.
 */
export function toKwh(value: number, factor: number): number {
  if (factor === 1) return value;
  return Math.round(value * factor * 1000) / 1000;
}

/** Source words for channels (matched as written, then trimmed and lower-cased). */
export const channelWords: Readonly<Record<string, number>> = {
  '1': Channel.import, import: Channel.import, imp: Channel.import, forward: Channel.import, delivered: Channel.import,
  '正向': Channel.import, '正向有功': Channel.import, '用电': Channel.import,
  '2': Channel.export, export: Channel.export, exp: Channel.export, reverse: Channel.export, received: Channel.export,
  '反向': Channel.export, '反向有功': Channel.export, '上网': Channel.export,
};

/** Channel code of a source value (`import`, `1`, `正向`, `export`, `2`, `反向`...), or 0 when unknown. */
export function parseChannel(text: string): number {
  return channelWords[text] ?? channelWords[text.trim().toLowerCase()] ?? 0;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal (`-12.345`) in `text[from, to)` read without a substring; the same double as
 * `Number()` (an exact integer mantissa divided by an exact power of ten rounds correctly). NaN
 * for anything else (exponents, spaces, more than 15 digits): callers then fall back to `Number`.
 */
export function parseDecimal(text: string, from: number, to: number): number {
  let i = from, negative = false, mantissa = 0, digits = 0, scale = -1;
  if (i < to && text.charCodeAt(i) === 45) { negative = true; i++; }
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) { mantissa = mantissa * 10 + (c - 48); digits++; if (scale >= 0) scale++; }
    else if (c === 46 && scale < 0) scale = 0;
    else return Number.NaN;
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const value = scale > 0 ? mantissa / POW10[scale] : mantissa;
  return negative ? -value : value;
}
