import { describe, expect, it } from 'vitest';
import { creditEvals } from './credit-evals.js';

describe('creditEvals', () => {
  it('registers credit-german and credit-taiwan with descriptions', () => {
    expect(creditEvals.map((e) => e.name)).toEqual(['credit-german', 'credit-taiwan']);
    for (const e of creditEvals) expect(e.description.length).toBeGreaterThan(40);
  });

  it('rejects a missing data directory with a NotFoundError', async () => {
    await expect(creditEvals[0].run({ dataDir: '/nonexistent' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
