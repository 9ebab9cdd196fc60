import { beforeAll, describe, expect, it } from 'vitest';
import type { FaultType } from '../../synth/anomalies/index.js';
import { faultedMeter } from './faulted-fleet.testkit.js';
import type { MeterClass } from './meter-series.js';
import { runVee } from './run-vee.js';
import { emptyTallies, GapErrors, score, scoredFaults, type Tally } from './vee-scoring.testkit.js';
import { defaultVeeRuleSet, type VeeRuleSet } from './vee-rules.js';

/**
 * VEE against the synthetic utility's meter faults (src/synth/anomalies) on a plausible fleet
 * (fleet-load.testkit.ts: 70% households, 12% shops and offices, 8% factories, 5% irrigation
 * pumps, 5% street lighting), 220 meters × 366 days of 15-minute data. Fault rates per meter-year:
 * the synthetic defaults (12 gaps, 6 duplicate deliveries) and, to have enough of the rare ones,
 * 1 communication loss, 3 spikes, 1 stuck register, 1 clock shift, 1 sign error. Each meter also
 * carries its raw deliveries and daily frozen register reads (日冻结示数). Matching rules are in
 * vee-scoring.testkit.ts.
 */
const meters = 220;
const rates = { comm_loss: 1, spike: 3, stuck: 1, clock_shift: 1, negative: 1 };
const nowMs = Date.parse('2025-02-01T00:00:00Z');
const linearOnly: VeeRuleSet = { ...defaultVeeRuleSet, defaults: { estimation: { registerScaling: 'off' } } };

const tallies = emptyTallies();
const withRegisters = new GapErrors();
const linear = new GapErrors();
const linearByClass = new Map<MeterClass, GapErrors>();
let meterYears = 0;

beforeAll(() => {
  for (let seed = 0; seed < meters; seed++) {
    const m = faultedMeter(seed, { firstDate: '2024-01-01', days: 366, intervalMinutes: 15, rates, registers: true });
    const result = runVee(m.series, defaultVeeRuleSet, { nowMs });
    score(tallies, m.labels, result.flags);
    withRegisters.add(m.labels, result.cleaned);
    const plain = runVee(m.series, linearOnly, { nowMs });
    linear.add(m.labels, plain.cleaned);
    const cls = m.series.context.meterClass!;
    if (!linearByClass.has(cls)) linearByClass.set(cls, new GapErrors());
    linearByClass.get(cls)!.add(m.labels, plain.cleaned);
    meterYears += m.series.length / (365 * 96);
  }
  report();
}, 120_000);

const recall = (t: Tally) => t.found / t.labels;
const precision = (t: Tally) => t.correct / t.flags;

function report(): void {
  const rows = scoredFaults.map((t) => `${t.padEnd(12)} labels ${String(tallies[t].labels).padStart(5)}  recall ${recall(tallies[t]).toFixed(3)}  flags ${String(tallies[t].flags).padStart(5)}  precision ${precision(tallies[t]).toFixed(3)}`);
  const classes = [...linearByClass].map(([c, e]) => `${c} ${(e.mape * 100).toFixed(1)}% (${e.count})`).join(', ');
  console.log([
    `VEE scoring on ${meterYears.toFixed(1)} meter-years`, ...rows,
    `short-gap totals with daily registers: MAPE ${(withRegisters.mape * 100).toFixed(2)}%, WAPE ${(withRegisters.wape * 100).toFixed(2)}% (${withRegisters.count} gaps)`,
    `short-gap totals, linear interpolation only: MAPE ${(linear.mape * 100).toFixed(2)}%, WAPE ${(linear.wape * 100).toFixed(2)}%; MAPE by class: ${classes}`,
  ].join('\n'));
}

describe('VEE on synthetic meter faults', () => {
  it('covers at least 200 meter-years with every fault type present', () => {
    expect(meterYears).toBeGreaterThanOrEqual(200);
    for (const t of scoredFaults) expect(tallies[t].labels, t).toBeGreaterThan(50);
  });

  it.each(scoredFaults.map((t) => [t]))('%s: recall ≥ 0.95 and precision ≥ 0.90', (t: FaultType) => {
    expect(recall(tallies[t])).toBeGreaterThanOrEqual(0.95);
    expect(precision(tallies[t])).toBeGreaterThanOrEqual(0.9);
  });

  it('estimates short gaps within 5% (MAPE of gap totals) with daily register reads', () => {
    expect(withRegisters.count).toBeGreaterThan(1000);
    expect(withRegisters.mape).toBeLessThanOrEqual(0.05);
  });

  it('keeps linear interpolation alone within its measured bounds (WAPE ≤ 8%, low-noise classes MAPE ≤ 10%)', () => {
    expect(linear.wape).toBeLessThanOrEqual(0.08);
    for (const cls of ['commercial', 'industrial'] as const) expect(linearByClass.get(cls)!.mape, cls).toBeLessThanOrEqual(0.1);
  });
});
