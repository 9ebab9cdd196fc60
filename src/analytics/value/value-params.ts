import { z } from 'zod';
import { parseWith } from '../ml/model.js';

/**
 * Assumptions of the value assessment, all configurable. Purchase prices are what the retailer pays
 * for a kWh delivered at each time of day (wholesale energy plus transmission and distribution),
 * CNY/kWh; the defaults are plausible Zhejiang-like values, not an official list. Cost-to-serve unit
 * costs are CNY per item.
 */
export const ValueParams = z.object({
  purchasePrice: z.object({
    peak: z.number().min(0).default(0.62),
    flat: z.number().min(0).default(0.45),
    valley: z.number().min(0).default(0.26),
  }).prefault({}),
  /** Local hours [from, to) of the peak and valley periods; the rest is flat. */
  peakHours: z.array(z.tuple([z.number().int().min(0).max(23), z.number().int().min(1).max(24)])).default([[8, 11], [13, 17], [19, 21]]),
  valleyHours: z.array(z.tuple([z.number().int().min(0).max(23), z.number().int().min(1).max(24)])).default([[0, 8], [22, 24]]),
  costToServe: z.object({
    ticket: z.number().min(0).default(12),
    hallVisit: z.number().min(0).default(25),
    paperBill: z.number().min(0).default(1.5),
    collection: z.number().min(0).default(30),
  }).prefault({}),
  /** Weights of profitability and loyalty in the value score (sum to 1). */
  profitWeight: z.number().min(0).max(1).default(0.6),
  /** A risk score at or above this puts a customer in the at-risk tier whatever its value. */
  atRiskRisk: z.number().min(0).max(100).default(75),
  /** Tier thresholds on the value score. */
  tiers: z.object({ platinum: z.number().default(80), gold: z.number().default(60), silver: z.number().default(35) }).prefault({}),
});
export type ValueParams = z.output<typeof ValueParams>;
export type ValueParamsInput = z.input<typeof ValueParams>;

export function parseValueParams(input: ValueParamsInput = {}): ValueParams {
  return parseWith(ValueParams, input, 'value parameter');
}

/** 'peak' | 'flat' | 'valley' of a local hour under the parameters. */
export function periodOfHour(params: ValueParams, hour: number): 'peak' | 'flat' | 'valley' {
  const inside = (ranges: readonly (readonly [number, number])[]) => ranges.some(([a, b]) => hour >= a && hour < b);
  return inside(params.peakHours) ? 'peak' : inside(params.valleyHours) ? 'valley' : 'flat';
}
