import type { GridLensConfig } from '../core/config.js';
import type { ProgressListener } from '../core/record-batch.js';
import type { AreaLossSummary, TheftDetectionOptionsInput } from '../analytics/theft/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { detectByAreaBatches } from './risk-theft-batches.js';
import { nextRiskRunId, recordRiskRun } from './risk-store.js';
import { withStore } from './store.js';

export interface LinelossRunRequest {
  readonly batchMeters?: number;
  readonly detection?: TheftDetectionOptionsInput;
  /** Areas returned in the result (all are stored), worst first. */
  readonly top?: number;
  readonly onProgress?: ProgressListener;
}

export interface LinelossRunResult {
  readonly runId: number;
  readonly areas: number;
  readonly flagged: number;
  readonly lossKwh: number;
  /** Flagged areas first, then by recent loss rate. */
  readonly worst: AreaLossSummary[];
  readonly seconds: number;
}

/**
 * `gridlens run lineloss`: daily line-loss rate of every transformer area (台区), areas above the
 * threshold or with a step up in loss, and group identification (customers whose usage moves
 * against the area's loss); stored in `area_losses`.
 */
export async function runLineloss(config: Pick<GridLensConfig, 'db'>, request: LinelossRunRequest = {}, warehouse?: Warehouse): Promise<LinelossRunResult> {
  const started = performance.now();
  return withStore(config, async (wh) => {
    const found = await detectByAreaBatches(wh, { keep: 1, batchMeters: request.batchMeters, detection: request.detection, onProgress: request.onProgress, phase: 'lineloss' });
    const runId = await nextRiskRunId(wh);
    const regions = new Map((await wh.query('SELECT area_id, region FROM transformer_areas')).map((r) => [String(r.area_id), String(r.region)]));
    const areas = [...found.areas].sort((a, b) => Number(b.flagged) - Number(a.flagged) || b.recentRate - a.recentRate);
    if (areas.length) {
      const n = areas.length;
      await wh.append('area_losses', {
        rowCount: n,
        columns: {
          run_id: new Int32Array(n).fill(runId), area_id: areas.map((a) => a.areaId), region: areas.map((a) => regions.get(a.areaId) ?? ''),
          median_rate: Float64Array.from(areas, (a) => a.medianRate), recent_rate: Float64Array.from(areas, (a) => a.recentRate),
          days_above: Int32Array.from(areas, (a) => a.daysAbove), rise: Float64Array.from(areas, (a) => a.rise), loss_kwh: Float64Array.from(areas, (a) => a.lossKwh),
          flagged: areas.map((a) => a.flagged),
          details: areas.map((a) => ({ reasons: a.reasons, stepDate: a.stepDate, baselineRate: a.baselineRate, currentRate: a.currentRate, riseZ: a.riseZ, recentShareAbove: a.recentShareAbove, customers: a.customers, days: a.days, suspects: a.suspects })),
        },
      });
    }
    const flagged = areas.filter((a) => a.flagged).length;
    const lossKwh = areas.reduce((s, a) => s + a.lossKwh, 0);
    await recordRiskRun(wh, { runId, kind: 'lineloss', asOf: found.batchStats[0]?.lastDay ?? new Date().toISOString().slice(0, 10), modelVersion: 'line-loss@1', model: null, metrics: { flagged }, stats: { areas: areas.length, batches: found.batches } });
    return { runId, areas: areas.length, flagged, lossKwh: Math.round(lossKwh), worst: areas.slice(0, request.top ?? 10), seconds: (performance.now() - started) / 1000 };
  }, { warehouse });
}
