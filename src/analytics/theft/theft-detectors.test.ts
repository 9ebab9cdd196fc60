import { describe, expect, it } from 'vitest';
import { Dataset, Mulberry32 } from '../ml/index.js';
import { createTheftDetector, theftDetectorNames } from './detector-registry.js';
import { meanRank } from './theft-detectors.js';
import { parseTheftOptions } from './theft-options.js';

/** 200 customers; row 0 dropped its usage (suspicious), row 1 raised it (not suspicious). */
function customers(): Dataset {
  const rng = new Mulberry32(11);
  const rows = Array.from({ length: 200 }, () => [0.1 + 0.05 * rng.normal(), 1 + 0.1 * rng.normal(), 3 + rng.normal()]);
  rows[0] = [0.8, 0.3, 3];
  rows[1] = [-0.8, 2.5, 3];
  return Dataset.fromRows(rows, ['drop_ratio', 'recent_ratio', 'drop_z']);
}

describe('theft detectors', () => {
  it('are picked from the registry by name', () => {
    expect(theftDetectorNames()).toEqual(['gbdt', 'robust-z', 'isolation-forest', 'peer-isolation']);
    expect(() => createTheftDetector('svm')).toThrow(/unknown theft detector svm/);
  });

  for (const name of ['robust-z', 'isolation-forest', 'peer-isolation']) {
    it(`${name} ranks a sustained drop first and does not flag a rise`, () => {
      const data = customers();
      const scores = createTheftDetector(name).fit(data).predict(data);
      const order = Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a]);
      expect(order[0]).toBe(0);
      expect(order.indexOf(1)).toBeGreaterThan(20);
    });
  }

  it('averages ranks on a 0..1 scale', () => {
    expect(Array.from(meanRank([Float64Array.of(1, 2, 3), Float64Array.of(3, 2, 1)]))).toEqual([0.5, 0.5, 0.5]);
  });
});

describe('theft detection options', () => {
  it('accept only an unsupervised detector as the unsupervised one', () => {
    expect(parseTheftOptions({ unsupervised: 'robust-z' }).unsupervised).toBe('robust-z');
    expect(() => parseTheftOptions({ unsupervised: 'gbdt' })).toThrow(/unsupervised/);
  });
});
