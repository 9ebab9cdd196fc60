import type { GridLensConfig } from '../core/config.js';
import type { ProgressListener } from '../core/record-batch.js';
import { computeFeatures, type ComputeFeaturesOptions } from '../analytics/features/index.js';
import { checkCatalogueFeatures, defaultTagCatalogue, evaluateTags, writeTags, type TagCatalogue, type TagCoverage } from '../analytics/tags/index.js';
import { analyticsTables, columnNames, findTable } from '../warehouse/schema/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { withStore } from './store.js';

/** The feature options of `computeFeatures` (range, full recompute, calendar, window, thresholds) plus the job's own. */
export interface FeaturesRunRequest extends Pick<ComputeFeaturesOptions, 'from' | 'to' | 'full' | 'timeZone' | 'windowDays' | 'evThresholdKw' | 'stationId'> {
  /** Evaluate the tag catalogue after the features (default true). */
  readonly tags?: boolean;
  readonly catalogue?: TagCatalogue;
  readonly now?: Date;
  /** Customers per aggregation chunk (default sized from the data); bounds memory. */
  readonly chunkCustomers?: number;
}

export interface FeaturesRunResult {
  readonly customers: number;
  readonly dayRows: number;
  readonly monthRows: number;
  /** Rows written to customer_features and customer_tags. */
  readonly featureRows: number;
  readonly tagRows: number;
  readonly asOf: string | null;
  readonly incremental: boolean;
  readonly recomputedFrom: string | null;
  readonly recomputedTo: string | null;
  readonly featureVersion: number;
  /** Whether the store had interval readings (otherwise only non-load features were computed). */
  readonly hasReadings: boolean;
  readonly catalogueVersion: number | null;
  readonly tagCoverage: TagCoverage[];
  readonly seconds: { readonly features: number; readonly tags: number; readonly total: number };
}

function isWarehouse(target: Pick<GridLensConfig, 'db'> | Warehouse): target is Warehouse {
  return typeof (target as Warehouse).query === 'function' && typeof (target as Warehouse).append === 'function';
}

/**
 * `gridlens run features`: refreshes the feature store (incrementally by default) and the customer
 * tags. Takes the config (opens the store) or an open warehouse (benchmarks, tests, the API).
 */
export async function runFeatures(
  target: Pick<GridLensConfig, 'db'> | Warehouse,
  request: FeaturesRunRequest = {},
  { onProgress }: { onProgress?: ProgressListener } = {},
): Promise<FeaturesRunResult> {
  const work = async (wh: Warehouse): Promise<FeaturesRunResult> => {
    const started = performance.now();
    const catalogue = request.catalogue ?? defaultTagCatalogue;
    if (request.tags !== false) checkCatalogueFeatures(catalogue, columnNames(findTable(analyticsTables, 'customer_features')!));
    const options: ComputeFeaturesOptions = {
      from: request.from, to: request.to, full: request.full, timeZone: request.timeZone, windowDays: request.windowDays,
      evThresholdKw: request.evThresholdKw, stationId: request.stationId, now: request.now, chunkCustomers: request.chunkCustomers, onProgress,
    };
    const features = await computeFeatures(wh, options);
    const tagStart = performance.now();
    let tagRows = 0;
    let tagCoverage: TagCoverage[] = [];
    if (request.tags !== false && features.asOf) {
      onProgress?.({ phase: 'tags', done: 0, total: 1 });
      const evaluation = evaluateTags(catalogue, features.rows);
      tagRows = await writeTags(wh, evaluation, features.asOf);
      tagCoverage = evaluation.coverage;
      onProgress?.({ phase: 'tags', done: 1, total: 1 });
    }
    const end = performance.now();
    return {
      customers: features.customers, dayRows: features.dayRows, monthRows: features.monthRows, featureRows: features.rows.length, tagRows,
      asOf: features.asOf, incremental: features.incremental, recomputedFrom: features.recomputedFrom, recomputedTo: features.recomputedTo,
      featureVersion: features.featureVersion, hasReadings: features.hasReadings, catalogueVersion: request.tags !== false ? catalogue.version : null, tagCoverage,
      seconds: { features: features.seconds, tags: (end - tagStart) / 1000, total: (end - started) / 1000 },
    };
  };
  return isWarehouse(target) ? work(target) : withStore(target, work);
}
