import { describe, expect, it } from 'vitest';
import { deliveriesFromRecords, indexDeliveries, slotDeliveries, supersededValue } from './deliveries.js';

const start = 1_000 * 900_000;
const step = 900_000;

describe('deliveries', () => {
  const d = deliveriesFromRecords([
    { tsMs: start, value: 1 },
    { tsMs: start + step + 3_000, value: 2 },
    { tsMs: start + 2 * step, value: 3, arrival: 9 },
    { tsMs: start + 2 * step, value: 3.5, arrival: 5 },
    { tsMs: start + 2 * step, value: 4, arrival: 7 },
    { tsMs: start + 10 * step, value: 5 },
  ]);

  it('slots to the nearest slot and keeps the latest arrival', () => {
    expect(Array.from(slotDeliveries(d, start, 15, 4))).toEqual([1, 2, 3, Number.NaN]);
  });

  it('indexes repeats in arrival order and finds the superseded value', () => {
    const index = indexDeliveries(d, start, step, 4);
    expect(index.outOfRange).toBe(1);
    expect(index.offsetMs[1]).toBe(3_000);
    expect([...index.repeated.keys()]).toEqual([2]);
    expect(index.repeated.get(2)!.map((k) => d.values[k])).toEqual([3.5, 4, 3]);
    expect(supersededValue(index, d, 2, 0)).toBe(4);
    expect(supersededValue(index, d, 1, 0)).toBeUndefined();
  });
});
