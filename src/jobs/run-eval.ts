import { NotFoundError } from '../core/errors.js';
import { creditEvals } from '../eval/credit/credit-evals.js';
import type { EvalResult } from '../eval/credit/eval-types.js';
import { DEFAULT_DATA_DIR } from '../eval/datasets/index.js';
import { drEvals } from '../eval/dr/dr-evals.js';
import { forecastEvals, type EvalReport } from '../eval/forecast/index.js';
import { churnEvals } from '../eval/churn/index.js';
import { segmentsEvals } from '../eval/segments/index.js';
import { tagsEvals } from '../eval/tags/index.js';
import { theftEvals } from '../eval/theft/index.js';

export { DEFAULT_DATA_DIR };
export type { EvalReport, EvalResult };

/** A forecast report (models × scores) or a scored result (metrics and checks: credit, theft). */
export type EvalOutcome =
  | { readonly family: 'forecast'; readonly passed: boolean; readonly report: EvalReport }
  | { readonly family: 'scored'; readonly passed: boolean; readonly result: EvalResult };

/** How `gridlens eval NAME` runs: the data folder and, for seeded evals, the seed (default: each eval's own). */
export interface RunEvalOptions {
  readonly dataDir?: string;
  readonly seed?: number;
}

interface RegisteredEval {
  readonly name: string;
  readonly description: string;
  run(dataDir: string, seed: number | undefined): Promise<EvalOutcome>;
}

const registered: RegisteredEval[] = [
  ...forecastEvals.map((e) => ({
    name: e.name, description: e.description,
    // Forecast evals are deterministic: they take no seed.
    run: async (dataDir: string): Promise<EvalOutcome> => {
      const report = await e.run({ dataDir });
      return { family: 'forecast', passed: report.passed, report };
    },
  })),
  ...[...creditEvals, ...theftEvals, ...drEvals, ...segmentsEvals, ...tagsEvals, ...churnEvals].map((e) => ({
    name: e.name, description: e.description,
    run: async (dataDir: string, seed: number | undefined): Promise<EvalOutcome> => {
      const result = await e.run(seed === undefined ? { dataDir } : { dataDir, seed });
      return { family: 'scored', passed: result.passed, result };
    },
  })),
];

/** The real-data and demo evals by name (`gridlens eval NAME`). */
const evalRegistry: ReadonlyMap<string, RegisteredEval> = new Map(registered.map((e) => [e.name, e]));

/** Name and description of every registered eval. */
export function listEvals(): { name: string; description: string }[] {
  return [...evalRegistry.values()].map(({ name, description }) => ({ name, description }));
}

/** `gridlens eval NAME`: runs one eval on the shared data sets under `dataDir` (default DEFAULT_DATA_DIR). */
export function runEval(name: string, options: RunEvalOptions = {}): Promise<EvalOutcome> {
  const definition = evalRegistry.get(name);
  if (!definition) throw new NotFoundError('eval', `${name} (known: ${[...evalRegistry.keys()].join(', ')})`);
  return definition.run(options.dataDir ?? DEFAULT_DATA_DIR, options.seed);
}
