import type { DrProgram } from './dr-program.js';

export interface SettlementInput {
  /** Baseline and actual kWh over the event intervals. */
  readonly baseline: ArrayLike<number>;
  readonly actual: ArrayLike<number>;
  readonly intervalMinutes: number;
  /** kW the customer is expected to deliver (targeting); the penalty reference. */
  readonly committedKw: number;
}

export interface Settlement {
  readonly baselineKwh: number;
  readonly actualKwh: number;
  /** Reduction paid: per interval max(0, b − a) summed, or max(0, Σb − Σa) per event. */
  readonly reductionKwh: number;
  /** Average kW of reduction over the event. */
  readonly reductionKw: number;
  readonly paymentCny: number;
  readonly penaltyCny: number;
  readonly netCny: number;
}

const fen = (v: number) => Math.round(v * 100) / 100;

/**
 * Settles one customer for one event (DOMAIN.md §2): reduction = baseline − actual, floored at
 * zero per interval or over the event as the programme says, paid at the programme price per kWh
 * or per kW of average reduction; a shortfall below `minPerformance` × committed kW is penalised
 * at `penaltyCnyPerKw` when the programme sets one. Amounts are rounded to the fen.
 */
export function settleCustomer(input: SettlementInput, program: Pick<DrProgram, 'priceCny' | 'priceUnit' | 'settlement' | 'penaltyCnyPerKw' | 'minPerformance'>): Settlement {
  let b = 0, a = 0, floored = 0;
  for (let i = 0; i < input.baseline.length; i++) {
    b += input.baseline[i];
    a += input.actual[i];
    floored += Math.max(0, input.baseline[i] - input.actual[i]);
  }
  const reductionKwh = program.settlement === 'interval' ? floored : Math.max(0, b - a);
  const hours = (input.baseline.length * input.intervalMinutes) / 60;
  const reductionKw = hours > 0 ? reductionKwh / hours : 0;
  const paymentCny = fen(program.priceUnit === 'kwh' ? reductionKwh * program.priceCny : reductionKw * program.priceCny);
  const shortfallKw = Math.max(0, program.minPerformance * input.committedKw - reductionKw);
  const penaltyCny = program.penaltyCnyPerKw > 0 ? fen(shortfallKw * program.penaltyCnyPerKw) : 0;
  return { baselineKwh: b, actualKwh: a, reductionKwh, reductionKw, paymentCny, penaltyCny, netCny: fen(paymentCny - penaltyCny) };
}
