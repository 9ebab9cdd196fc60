import type { Rng } from './rng.js';

export interface AreaMeterResult {
  /** Energy into the area per interval, as the area meter (台区总表) reads it. */
  readonly inputKwh: Float64Array;
  readonly technicalLossKwh: number;
  readonly technicalLossRatio: number;
}

/**
 * The area meter reads the energy its customers really drew (including what thieves took around
 * their meters, net of PV export) plus the technical loss of transformer and low-voltage lines.
 * Loss = no-load (iron) loss, constant, about a third of the total at average load, plus load (copper)
 * loss growing with the square of the load, scaled so the period's loss ratio equals `lossRatio`.
 * The area meter itself is accurate to ±0.2% per reading.
 */
export function areaMeterReadings(trueNetKwh: Float64Array, lossRatio: number, rng: Rng, noLoadShare = 0.35): AreaMeterResult {
  const n = trueNetKwh.length;
  let sum = 0, sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const load = Math.max(0, trueNetKwh[i]);
    sum += load;
    sumSquares += load * load;
  }
  const totalLoss = (lossRatio * sum) / (1 - lossRatio);
  const noLoad = n > 0 ? (noLoadShare * totalLoss) / n : 0;
  const quadratic = sumSquares > 0 ? ((1 - noLoadShare) * totalLoss) / sumSquares : 0;
  const inputKwh = new Float64Array(n);
  let lossTotal = 0;
  for (let i = 0; i < n; i++) {
    const load = Math.max(0, trueNetKwh[i]);
    const loss = noLoad + quadratic * load * load;
    lossTotal += loss;
    const reading = (trueNetKwh[i] + loss) * (1 + 0.002 * (rng.next() * 2 - 1));
    inputKwh[i] = Math.round(reading * 1000) / 1000;
  }
  const delivered = sum + lossTotal;
  return { inputKwh, technicalLossKwh: lossTotal, technicalLossRatio: delivered > 0 ? lossTotal / delivered : 0 };
}
