import { describe, expect, it } from 'vitest';
import { Channel } from '../../core/schemas/meter.js';
import { negativeCheck } from './negative-check.js';
import { check, makeSeries } from './series.testkit.js';

describe('negativeCheck', () => {
  const values = [1, -0.2, -0.5, 1, 0, -0.1];

  it('flags negative runs on an import channel', () => {
    const flags = check(negativeCheck, makeSeries(values));
    expect(flags.map((f) => [f.startIndex, f.endIndex, f.severity, f.facts?.lowestKwh])).toEqual([[1, 3, 'error', -0.5], [5, 6, 'error', -0.1]]);
  });

  it('allows negatives on export and net-metered channels', () => {
    expect(check(negativeCheck, makeSeries(values, { channel: Channel.export }))).toEqual([]);
    expect(check(negativeCheck, makeSeries(values, { context: { netMetered: true } }))).toEqual([]);
  });
});
