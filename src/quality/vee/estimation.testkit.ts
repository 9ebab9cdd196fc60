import type { EstimationState } from './edit.js';

/** An estimation state over `values` with the given slots pending (set to NaN) and every day a reference unless told. */
export function stateOf(values: readonly number[], pending: readonly number[], dayCount = 1, referenceDays?: readonly number[]): EstimationState {
  const v = Float64Array.from(values);
  const p = new Uint8Array(v.length);
  for (const i of pending) {
    p[i] = 1;
    v[i] = Number.NaN;
  }
  const referenceDay = new Uint8Array(dayCount).fill(referenceDays ? 0 : 1);
  for (const d of referenceDays ?? []) referenceDay[d] = 1;
  return { values: v, original: Float64Array.from(values), pending: p, estimated: new Uint8Array(v.length), methodOf: new Map(), referenceDay };
}
