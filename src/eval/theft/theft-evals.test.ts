import { describe, expect, it } from 'vitest';
import { theftEvals } from './theft-evals.js';

describe('theftEvals', () => {
  it('registers theft-demo, theft-sgsc and lineloss-demo with descriptions', () => {
    expect(theftEvals.map((e) => e.name)).toEqual(['theft-demo', 'theft-sgsc', 'lineloss-demo']);
    for (const e of theftEvals) expect(e.description.length).toBeGreaterThan(80);
  });

  it('rejects a missing data directory with a NotFoundError', async () => {
    await expect(theftEvals[1].run({ dataDir: '/nonexistent' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
