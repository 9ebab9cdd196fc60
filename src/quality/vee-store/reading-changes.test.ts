import { describe, expect, it } from 'vitest';
import { Quality } from '../../core/schemas/meter.js';
import type { VeeResult } from '../vee/run-vee.js';
import { readingChanges } from './reading-changes.js';
import { NO_ROW, type StoredSeries } from './stored-series.js';

const NaN_ = Number.NaN;

function stored(current: number[], quality: number[], delivered = current, versions: [number, number][] = []): StoredSeries {
  return {
    meter: { meterId: 7, channels: [1], intervalMinutes: 15, timeZone: 'Asia/Shanghai', accountActive: true }, channel: 1,
    window: { startMs: 0, endMs: current.length * 900_000, intervalMs: 900_000, length: current.length },
    current: Float64Array.from(current), currentQuality: Uint8Array.from(quality), delivered: Float64Array.from(delivered),
    versions: new Map(versions), registerReads: [], earlierDeliveries: [], misaligned: 0,
  };
}

function result(edits: VeeResult['edits'], quality: number[]): VeeResult {
  return { flags: [], edits, cleaned: new Float64Array(quality.length), quality: Uint8Array.from(quality), stats: {} as VeeResult['stats'] };
}

const linear = (index: number, value: number, original = NaN_) => ({ index, original, value, quality: 'estimated' as const, method: 'linear', reason: 'r' });

describe('readingChanges', () => {
  it('inserts estimates of missing slots and updates replaced values, keeping the delivered value', () => {
    const s = stored([1, NaN_, 50, 1], [0, NO_ROW, 0, 0]);
    const changes = readingChanges(s, result([linear(1, 1), linear(2, 1, 50)], [0, 1, 1, 0]));
    expect(changes).toEqual([
      { index: 1, kwh: 1, quality: Quality.estimated, method: 'linear', reason: 'r', original: NaN_, version: 1, rowExists: false },
      { index: 2, kwh: 1, quality: Quality.estimated, method: 'linear', reason: 'r', original: 50, version: 1, rowExists: true },
    ]);
  });

  it('changes nothing when the store already holds the result (a re-run)', () => {
    const s = stored([1, 1, 1, 1], [0, 1, 1, 0], [1, NaN_, 50, 1], [[1, 1], [2, 1]]);
    expect(readingChanges(s, result([linear(1, 1), linear(2, 1, 50)], [0, 1, 1, 0]))).toEqual([]);
  });

  it('writes a new version when the estimate differs, restores values no longer edited and withdraws lost estimates', () => {
    const s = stored([1, 1, 1, 1], [0, 1, 1, 1], [1, NaN_, 50, NaN_], [[1, 1], [2, 3], [3, 1]]);
    const changes = readingChanges(s, result([linear(1, 2)], [0, 1, 0, 3]));
    expect(changes.map((c) => [c.index, c.kwh, c.quality, c.method, c.version])).toEqual([
      [1, 2, Quality.estimated, 'linear', 2], [2, 50, Quality.actual, 'restored', 4], [3, NaN_, Quality.missing, 'withdrawn', 2],
    ]);
  });
});
