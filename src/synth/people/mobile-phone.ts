import type { Rng } from '../rng.js';

/** Mainland China mobile carriers and their number-segment prefixes (号段), with relative weights. */
export const mobileCarriers = {
  china_mobile: {
    zh: '中国移动', share: 0.6,
    prefixes: { 134: 6, 135: 9, 136: 9, 137: 8, 138: 10, 139: 10, 147: 1, 150: 6, 151: 5, 152: 5, 157: 3, 158: 6, 159: 6, 172: 1, 178: 2, 182: 5, 183: 4, 184: 2, 187: 5, 188: 4, 195: 1, 198: 2 },
  },
  china_unicom: {
    zh: '中国联通', share: 0.25,
    prefixes: { 130: 8, 131: 7, 132: 6, 145: 1, 155: 5, 156: 5, 166: 2, 175: 1, 176: 3, 185: 6, 186: 8, 196: 1 },
  },
  china_telecom: {
    zh: '中国电信', share: 0.15,
    prefixes: { 133: 8, 149: 1, 153: 6, 173: 2, 177: 4, 180: 5, 181: 5, 189: 8, 191: 2, 199: 3 },
  },
} as const;

export type MobileCarrier = keyof typeof mobileCarriers;

/** Three-digit segments allocated to mobile service (including virtual operators and 192 broadnet). */
const ALLOCATED = new Set<number>([
  ...range(130, 139), ...range(145, 153), ...range(155, 159), 162, ...range(165, 167), ...range(170, 178),
  ...range(180, 193), ...range(195, 199),
]);

const carrierIds = Object.keys(mobileCarriers) as MobileCarrier[];
const carrierWeights = carrierIds.map((c) => mobileCarriers[c].share);
const prefixTables = carrierIds.map((c) => {
  const entries = Object.entries(mobileCarriers[c].prefixes) as [string, number][];
  return { prefixes: entries.map(([p]) => p), weights: entries.map(([, w]) => w) };
});

/** An 11-digit mobile number on a real carrier segment. */
export function drawMobile(rng: Rng): string {
  const table = prefixTables[rng.weightedIndex(carrierWeights)];
  const prefix = table.prefixes[rng.weightedIndex(table.weights)];
  const rest = String(rng.int(0, 99_999_999)).padStart(8, '0');
  return prefix + rest;
}

/** True for an 11-digit mainland mobile number on an allocated segment. */
export function isValidMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone) && ALLOCATED.has(Number(phone.slice(0, 3)));
}

/** The carrier of a number, or undefined for segments not in the table (virtual operators). */
export function carrierOf(phone: string): MobileCarrier | undefined {
  const prefix = phone.slice(0, 3);
  return carrierIds.find((c) => prefix in mobileCarriers[c].prefixes);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
