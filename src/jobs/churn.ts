import { readUtilityChurnData, scoreChurn, type ChurnScore } from '../analytics/churn/index.js';
import type { GridLensConfig } from '../core/config.js';
import type { ProgressListener } from '../core/record-batch.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { withStore } from './store.js';

export interface ChurnResult {
  readonly runId: number;
  readonly mode: 'fitted' | 'prior';
  readonly modelSource: string;
  readonly customers: number;
  readonly bands: { readonly high: number; readonly medium: number; readonly low: number };
  /** Log-odds per standard deviation of each feature. */
  readonly effects: readonly { readonly feature: string; readonly perSd: number }[];
  readonly top: readonly ChurnScore[];
  readonly seconds: number;
}

/** `gridlens run churn`: churn / switching risk of every customer with reason codes, into `customer_churn`. */
export async function runChurn(config: Pick<GridLensConfig, 'db'>, warehouse?: Warehouse, onProgress?: ProgressListener): Promise<ChurnResult> {
  const started = performance.now();
  return withStore(config, async (wh) => {
    onProgress?.({ phase: 'churn', done: 0, total: 2 });
    const data = await readUtilityChurnData(wh);
    const scoring = scoreChurn(data);
    onProgress?.({ phase: 'churn', done: 1, total: 2 });
    const [{ n }] = await wh.query<{ n: number }>('SELECT coalesce(max(run_id), 0) + 1 AS n FROM customer_churn');
    const runId = Number(n);
    const s = scoring.scores;
    await wh.append('customer_churn', {
      rowCount: s.length,
      columns: {
        run_id: new Int32Array(s.length).fill(runId), customer_id: s.map((x) => x.customerId), score: Float64Array.from(s, (x) => x.score),
        band: s.map((x) => x.band), reasons: s.map((x) => x.reasons), model: s.map(() => `${scoring.model.json.kind}: ${scoring.model.json.source}`),
      },
    });
    onProgress?.({ phase: 'churn', done: 2, total: 2 });
    const count = (band: string) => s.filter((x) => x.band === band).length;
    const json = scoring.model.json;
    return {
      runId, mode: scoring.mode, modelSource: json.source, customers: s.length, bands: { high: count('high'), medium: count('medium'), low: count('low') },
      effects: json.features.map((f, j) => ({ feature: f.name, perSd: json.coefficients[j] })),
      top: [...s].sort((a, b) => b.score - a.score).slice(0, 10), seconds: (performance.now() - started) / 1000,
    };
  }, { warehouse });
}
