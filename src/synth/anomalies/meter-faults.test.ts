import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { Quality } from '../../core/schemas/meter.js';
import { Rng } from '../rng.js';
import { drawFaultPlan } from './fault-plan.js';
import type { FaultedSeries, FaultLabel, FaultPlan } from './fault-types.js';
import { applyFaults, qualityAt } from './meter-faults.js';
import { syntheticLoad } from './synthetic-load.fixture.js';

const spd = 96;
const days = 365;
const load = syntheticLoad(2, days, spd);
const level = load.reduce((s, v) => s + v, 0) / load.length;
/** High rates so that every fault type occurs on each meter. */
const rates = { gap: 30, comm_loss: 3, spike: 10, stuck: 3, duplicate: 20, clock_shift: 3, negative: 10 };

function faulted(seed: number): { plan: FaultPlan; series: FaultedSeries } {
  const plan = drawFaultPlan(new Rng(seed, 'plan'), days, spd, rates);
  return { plan, series: applyFaults(load, plan, spd, new Rng(seed, 'apply')) };
}

/** Problems found when checking a label against the exported data; empty when they agree. */
function check(series: FaultedSeries, l: FaultLabel): string[] {
  const problems: string[] = [];
  const { values, present, timeShiftSteps } = series;
  const expectTrue = l.faultType !== 'clock_shift' && !(l.faultType === 'duplicate' && l.detail.startsWith('identical'));
  if (expectTrue !== (l.trueValue !== undefined)) problems.push('trueValue presence');
  for (let i = l.startIndex; i < l.endIndex; i++) {
    const t = l.trueValue?.[i - l.startIndex];
    if (t !== undefined && t !== load[i]) problems.push(`trueValue ${i}`);
    const missing = l.faultType === 'gap' || l.faultType === 'comm_loss';
    if (missing !== (present[i] === 0) || missing !== Number.isNaN(values[i])) problems.push(`presence ${i}`);
    if ((l.faultType === 'clock_shift') !== (timeShiftSteps[i] !== 0)) problems.push(`shift ${i}`);
    if (l.faultType === 'stuck' && (values[i] !== values[l.startIndex] || values[i] <= 0)) problems.push(`stuck ${i}`);
    if (l.faultType === 'spike' && values[i] < 10 * Math.max(load[i], level)) problems.push(`spike ${i}`);
    if (l.faultType === 'negative' && !(values[i] < 0)) problems.push(`negative ${i}`);
    if (l.faultType === 'clock_shift' && values[i] !== load[i]) problems.push(`shifted value ${i}`);
  }
  return problems;
}

describe('applyFaults', () => {
  it('produces labels that match the exported data exactly', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const { plan, series } = faulted(seed);
      expect(series.labels.length).toBe(plan.faults.length);
      for (const l of series.labels) {
        seen.add(l.faultType);
        expect(check(series, l), `${l.faultType} ${l.detail}`).toEqual([]);
      }
    }
    expect(seen.size).toBe(7);
  });

  it('leaves every unlabelled interval exactly as metered', () => {
    const { series } = faulted(3);
    const labelled = new Uint8Array(load.length);
    for (const l of series.labels) labelled.fill(1, l.startIndex, l.endIndex);
    const changed: number[] = [];
    for (let i = 0; i < load.length; i++) {
      const clean = series.values[i] === load[i] && series.present[i] === 1 && series.timeShiftSteps[i] === 0;
      if (!labelled[i] && !clean) changed.push(i);
    }
    expect(changed).toEqual([]);
    expect(labelled.reduce((s, v) => s + v, 0)).toBeGreaterThan(0);
  });

  it('delivers duplicates twice: identical, or a corrected re-send carrying the true value', () => {
    const { series } = faulted(4);
    const duplicates = series.labels.filter((l) => l.faultType === 'duplicate');
    const indexes = duplicates.flatMap((l) => Array.from({ length: l.endIndex - l.startIndex }, (_, k) => l.startIndex + k));
    expect(series.extra.map((e) => e.index)).toEqual(indexes);
    for (const e of series.extra) expect(e.value).toBe(load[e.index]);
    const corrected = duplicates.filter((l) => l.trueValue !== undefined);
    expect(corrected.length).toBeGreaterThan(0);
    for (const l of corrected) for (let i = l.startIndex; i < l.endIndex; i++) expect(series.values[i]).not.toBe(load[i]);
    for (const l of duplicates.filter((d) => d.trueValue === undefined)) expect(series.values[l.startIndex]).toBe(load[l.startIndex]);
  });

  it('does not change its input and is deterministic', () => {
    const copy = load.slice();
    const a = faulted(5);
    const b = faulted(5);
    expect(load).toEqual(copy);
    expect(a.series.values).toEqual(b.series.values);
    expect(a.series.labels).toEqual(b.series.labels);
    expect(a.series.extra).toEqual(b.series.extra);
  });

  it('reports missing intervals with the missing quality code', () => {
    const { series } = faulted(6);
    const gap = series.labels.find((l) => l.faultType === 'gap');
    expect(gap).toBeDefined();
    expect(qualityAt(series, gap!.startIndex)).toBe(Quality.missing);
    expect(qualityAt(series, gap!.endIndex)).toBe(Quality.actual);
  });

  it('makes zero readings visibly faulty too', () => {
    const zeros = new Float64Array(spd * 3);
    const plan: FaultPlan = {
      faults: [
        { faultType: 'stuck', startIndex: 0, endIndex: 96, params: {} },
        { faultType: 'spike', startIndex: 100, endIndex: 101, params: { factor: 20 } },
        { faultType: 'negative', startIndex: 110, endIndex: 112, params: {} },
      ],
    };
    const { values } = applyFaults(zeros, plan, spd, new Rng(1));
    expect(values[0]).toBeGreaterThan(0);
    expect(values[100]).toBeGreaterThan(0);
    expect(values[111]).toBeLessThan(0);
  });

  it('rejects overlapping or out-of-range plans', () => {
    const overlapping: FaultPlan = {
      faults: [
        { faultType: 'gap', startIndex: 10, endIndex: 14, params: {} },
        { faultType: 'spike', startIndex: 12, endIndex: 13, params: { factor: 20 } },
      ],
    };
    expect(() => applyFaults(load, overlapping, spd, new Rng(1))).toThrow(ValidationError);
    const outside: FaultPlan = { faults: [{ faultType: 'gap', startIndex: load.length - 1, endIndex: load.length + 1, params: {} }] };
    expect(() => applyFaults(load, outside, spd, new Rng(1))).toThrow(ValidationError);
  });
});
