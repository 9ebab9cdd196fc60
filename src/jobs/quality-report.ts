import type { GridLensConfig } from '../core/config.js';
import { ValidationError } from '../core/errors.js';
import { epochDay, utcOffsetMinutes } from '../core/time/index.js';
import { buildQualityReport, type QualityGrouping, type QualityReport } from '../quality/report/index.js';
import { localIsoDate } from '../quality/vee-store/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { withStore } from './store.js';

export interface QualityReportJobRequest {
  readonly by?: QualityGrouping;
  /** First local day; default the first day with readings. */
  readonly from?: string;
  /** Last local day, included; default the last day with readings. */
  readonly to?: string;
  /** Rows kept (worst completeness first; days in order); default all. */
  readonly limit?: number;
}

export interface QualityReportResult extends QualityReport {
  readonly timeZone: string;
  /** Rows left out by `limit`. */
  readonly omitted: number;
}

/** `gridlens quality`: completeness, validity, timeliness, duplicates and estimated share per source, meter, day or area. */
export async function qualityReport(
  config: Pick<GridLensConfig, 'db' | 'timeZone'>, request: QualityReportJobRequest = {}, warehouse?: Warehouse,
): Promise<QualityReportResult> {
  return withStore(config, async (wh) => {
    const { from, to } = await resolveDays(wh, request, config.timeZone);
    const offsetMinutes = utcOffsetMinutes(config.timeZone, epochDay(from) * 86_400_000);
    const report = await buildQualityReport(wh, { by: request.by ?? 'meter', from, to, offsetMinutes });
    const limit = request.limit ?? report.rows.length;
    return { ...report, rows: report.rows.slice(0, limit), omitted: Math.max(0, report.rows.length - limit), timeZone: config.timeZone };
  }, { warehouse });
}

async function resolveDays(wh: Warehouse, request: QualityReportJobRequest, timeZone: string): Promise<{ from: string; to: string }> {
  if (request.from && request.to) return checked(request.from, request.to);
  const [row] = await wh.query<{ first: Date | null; last: Date | null }>('SELECT min(ts) AS first, max(ts) AS last FROM readings');
  if (!row?.first || !row.last) throw new ValidationError('quality: the store has no readings; ingest some or give --from and --to');
  const day = (d: Date) => localIsoDate(d.getTime(), utcOffsetMinutes(timeZone, d.getTime()));
  return checked(request.from ?? day(row.first), request.to ?? day(row.last));
}

function checked(from: string, to: string): { from: string; to: string } {
  if (epochDay(to) < epochDay(from)) throw new ValidationError(`quality: --to ${to} is before --from ${from}`, { from, to });
  return { from, to };
}
