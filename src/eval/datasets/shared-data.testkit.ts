import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/** ../shared/data relative to the repository root (this file is src/eval/datasets/). */
export const SHARED_DATA_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)), '../shared/data');

/**
 * `describe` for tests that read a shared real data set: skipped with a clear message when the
 * data set is absent, except under CI (process.env.CI set), where its absence must fail the run.
 */
export function describeWithData(dataset: string, name: string, body: () => void): void {
  const present = existsSync(resolve(SHARED_DATA_ROOT, dataset));
  if (!present && !process.env.CI) {
    console.warn(`skipping "${name}": shared data set ${dataset} not found at ${resolve(SHARED_DATA_ROOT, dataset)} (set CI=1 to make this an error)`);
    describe.skip(`${name} (data set ${dataset} absent)`, body);
    return;
  }
  describe(name, body);
}
