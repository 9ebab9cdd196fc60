import { describe, expect, it } from 'vitest';
import { stateOf } from './estimation.testkit.js';
import { registerEstimator } from './register-estimator.js';
import { ctxOf, hour, makeSeries, monday, rulesWith } from './series.testkit.js';

const values = Array.from({ length: 48 }, (_, i) => 1 + (i % 24) / 24);
const reads = [{ tsMs: monday, kwh: 500 }, { tsMs: monday + 24 * hour, kwh: 540 }, { tsMs: monday + 48 * hour, kwh: 580 }];
const series = makeSeries(values, { context: { registerReads: reads } });

/** Slots 5–7 were estimated at 1 kWh each by an earlier estimator. */
function estimatedState() {
  const state = stateOf(values, []);
  for (const i of [5, 6, 7]) {
    state.values[i] = i === 6 ? 2 : 1;
    state.estimated[i] = 1;
    state.methodOf.set(i, 'linear');
  }
  return state;
}

const known = values.reduce((s, v, i) => (i < 24 && ![5, 6, 7].includes(i) ? s + v : s), 0);

describe('registerEstimator', () => {
  it('scales estimates so that the bracket adds up to the register advance', () => {
    const edits = registerEstimator(series, rulesWith({}), ctxOf(series), estimatedState());
    expect(edits.map((e) => e.index)).toEqual([5, 6, 7]);
    const remaining = 40 - known;
    expect(edits.reduce((s, e) => s + e.value, 0)).toBeCloseTo(remaining, 10);
    expect(edits[1].value / edits[0].value).toBeCloseTo(2, 10);
    expect(edits[0]).toMatchObject({ method: 'register-scaled', quality: 'estimated' });
    expect(edits[0].reason).toMatch(/^linear scaled by/);
  });

  it('spreads the remainder flat when configured, or when slots are still pending', () => {
    const flat = registerEstimator(series, rulesWith({ estimation: { registerScaling: 'flat' } }), ctxOf(series), estimatedState());
    expect(flat.map((e) => e.value)).toEqual(Array(3).fill((40 - known) / 3));
    const pending = registerEstimator(series, rulesWith({}), ctxOf(series), stateOf(values, [30, 31]));
    const knownDay2 = values.slice(24, 48).reduce((s, v, i) => (i === 6 || i === 7 ? s : s + v), 0);
    expect(pending.map((e) => [e.index, e.method])).toEqual([[30, 'register-flat'], [31, 'register-flat']]);
    expect(pending[0].value).toBeCloseTo((40 - knownDay2) / 2, 10);
  });

  it('does nothing when off, or when known intervals already exceed the advance', () => {
    expect(registerEstimator(series, rulesWith({ estimation: { registerScaling: 'off' } }), ctxOf(series), estimatedState())).toEqual([]);
    const small = makeSeries(values, { context: { registerReads: [reads[0], { tsMs: reads[1].tsMs, kwh: 510 }] } });
    expect(registerEstimator(small, rulesWith({}), ctxOf(small), estimatedState())).toEqual([]);
  });
});
