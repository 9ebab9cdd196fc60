import { describe, expect, it } from 'vitest';
import { StepTimer } from './step-timer.js';

describe('StepTimer', () => {
  it('records each step and passes results through', async () => {
    const timer = new StepTimer();
    expect(timer.run('sync', () => 3)).toBe(3);
    expect(await timer.runAsync('async', async () => 'x')).toBe('x');
    expect(Object.keys(timer.timings)).toEqual(['sync', 'async']);
    expect(timer.timings.sync).toBeGreaterThanOrEqual(0);
  });
});
