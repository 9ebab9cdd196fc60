import { MS_PER_HOUR, MS_PER_MINUTE, epochDay, isoDateOfEpochDay } from '../../core/time/index.js';
import { QueryError, type Row, type Warehouse } from '../../warehouse/warehouse.js';
import { qualityReportSql, timelinessSql, type QualityGrouping } from './quality-report-sql.js';

export interface QualityReportRequest {
  readonly by: QualityGrouping;
  /** First and last local day, both included. */
  readonly from: string;
  readonly to: string;
  /** Offset of local time from UTC for days (fixed: DST zones are approximated by the offset at `from`). */
  readonly offsetMinutes: number;
}

/** Data-quality measures of one group (a meter, source, local day or transformer area). */
export interface QualityRow {
  readonly key: string;
  readonly label: string | null;
  readonly meters: number;
  /** Intervals the group's meter channels should have delivered over the range. */
  readonly expected: number;
  readonly received: number;
  /** received / expected. */
  readonly completeness: number | null;
  readonly invalid: number;
  /** Share of received intervals not inside a VEE finding of severity error. */
  readonly validity: number | null;
  readonly estimated: number;
  /** Values stored in `readings` (received, estimated or removed). */
  readonly stored: number;
  /** Share of stored values that are estimates. */
  readonly estimatedShare: number | null;
  /** Deliveries replaced by a newer different value (ingest's `superseded_readings`); null without the ingest tables. */
  readonly duplicates: number | null;
  /** Hours from the start of the newest interval stored from the source to its last ingest; sources only, null without ledger timings. */
  readonly timelinessLagHours: number | null;
}

export interface QualityReport {
  readonly by: QualityGrouping;
  readonly from: string;
  readonly to: string;
  readonly rows: QualityRow[];
  readonly totals: Omit<QualityRow, 'key' | 'label' | 'timelinessLagHours'> & { readonly metersWithoutReadings: number };
  readonly notes: QualityNote[];
}

/** A fact about the report, with a stable code (the CLI words it in each language). */
export interface QualityNote {
  readonly code: 'duplicates-unavailable' | 'timeliness-unavailable' | 'timeliness-no-ledger' | 'timeliness-definition' | 'timeliness-by-source' | 'silent-meters';
  readonly message: string;
  readonly count?: number;
}

type Aggregate = { k: unknown; meters: number; received: number | null; invalid: number | null; estimated: number | null; stored: number };

/** Builds the report with aggregations pushed down to the warehouse (one pass per measure). */
export async function buildQualityReport(wh: Warehouse, request: QualityReportRequest): Promise<QualityReport> {
  const t0 = new Date(localMidnight(request.from, request.offsetMinutes));
  const t1 = new Date(localMidnight(isoDateOfEpochDay(epochDay(request.to) + 1), request.offsetMinutes));
  const sql = qualityReportSql(wh.dialect, request.by, request.offsetMinutes);
  const notes: QualityNote[] = [];
  const aggregates = await wh.query<Aggregate>(sql.aggregates, [t0, t1, t0, t1, t1, t0]);
  const spanMinutes = request.by === 'day' ? 1440 : (t1.getTime() - t0.getTime()) / MS_PER_MINUTE;
  const expected = byKey(await wh.query<{ k: unknown; expected: number }>(sql.expected, [spanMinutes, t0, t1]), (r) => r.expected);
  const duplicates = await optional(wh, sql.duplicates, [t0, t1], notes);
  const lag = request.by === 'source' ? await timeliness(wh, notes) : undefined;
  if (request.by !== 'source') notes.push({ code: 'timeliness-by-source', message: 'timeliness: the ingest ledger times files, not meters, days or areas; reported with --by source' });
  const labels = await groupLabels(wh, request.by);
  const groups = request.by === 'day' ? withEveryDay(aggregates, request) : aggregates;
  const rows = groups.map((a) => qualityRow(a, {
    expected: request.by === 'day' ? (expected.get('null') ?? 0) : (expected.get(String(a.k)) ?? 0),
    duplicates: duplicates ? (duplicates.get(String(a.k)) ?? 0) : null, lag: lag ? (lag.get(String(a.k)) ?? null) : null, label: labels.get(String(a.k)) ?? null,
  }));
  rows.sort((a, b) => (request.by === 'day' ? a.key.localeCompare(b.key) : (a.completeness ?? 0) - (b.completeness ?? 0) || a.key.localeCompare(b.key, 'en', { numeric: true })));
  const [fleet] = await wh.query<{ all_meters: number; seen: number }>(
    'SELECT (SELECT count(*) FROM meters) AS all_meters, (SELECT count(DISTINCT meter_id) FROM readings WHERE ts >= ? AND ts < ?) AS seen', [t0, t1]);
  const totals = { ...totalsOf(rows, duplicates !== undefined), meters: fleet.seen, metersWithoutReadings: fleet.all_meters - fleet.seen };
  const silent = totals.metersWithoutReadings;
  if (silent > 0) notes.push({ code: 'silent-meters', message: `${silent} meters have no reading in the range and are not counted as expected`, count: silent });
  return { by: request.by, from: request.from, to: request.to, rows, totals, notes };
}

function localMidnight(isoDate: string, offsetMinutes: number): number {
  return epochDay(isoDate) * 86_400_000 - offsetMinutes * MS_PER_MINUTE;
}

function byKey<T extends Row>(rows: readonly T[], value: (r: T) => number): Map<string, number> {
  return new Map(rows.map((r) => [String(r.k), Number(value(r))]));
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

function qualityRow(a: Aggregate, extra: { expected: number; duplicates: number | null; lag: number | null; label: string | null }): QualityRow {
  const received = Number(a.received ?? 0), invalid = Number(a.invalid ?? 0), estimated = Number(a.estimated ?? 0);
  return {
    key: String(a.k), label: extra.label, meters: Number(a.meters), expected: extra.expected, received, completeness: ratio(received, extra.expected),
    invalid, validity: received > 0 ? 1 - invalid / received : null, estimated, stored: Number(a.stored), estimatedShare: ratio(estimated, Number(a.stored)),
    duplicates: extra.duplicates, timelinessLagHours: extra.lag,
  };
}

/** Days without a single reading are groups too (nothing received). */
function withEveryDay(aggregates: readonly Aggregate[], request: QualityReportRequest): Aggregate[] {
  const found = new Map(aggregates.map((a) => [String(a.k), a]));
  const out: Aggregate[] = [];
  for (let d = epochDay(request.from); d <= epochDay(request.to); d++) {
    const day = isoDateOfEpochDay(d);
    out.push(found.get(day) ?? { k: day, meters: 0, received: 0, invalid: 0, estimated: 0, stored: 0 });
  }
  return out;
}

function totalsOf(rows: readonly QualityRow[], withDuplicates: boolean): Omit<QualityRow, 'key' | 'label' | 'timelinessLagHours' | 'meters'> {
  const sum = (f: (r: QualityRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const expected = sum((r) => r.expected), received = sum((r) => r.received), invalid = sum((r) => r.invalid), estimated = sum((r) => r.estimated);
  const stored = sum((r) => r.stored);
  return {
    expected, received, stored, completeness: ratio(received, expected),
    invalid, validity: received > 0 ? 1 - invalid / received : null, estimated, estimatedShare: ratio(estimated, stored),
    duplicates: withDuplicates ? sum((r) => r.duplicates ?? 0) : null,
  };
}

/** Runs a query over tables another component may not have created; undefined (with a note) when they are absent. */
async function optional(wh: Warehouse, sql: string, params: Date[], notes: QualityNote[]): Promise<Map<string, number> | undefined> {
  try {
    return byKey(await wh.query<{ k: unknown; duplicates: number }>(sql, params), (r) => r.duplicates);
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    notes.push({ code: 'duplicates-unavailable', message: 'duplicates: no ingest tables (superseded_readings); reported as null' });
    return undefined;
  }
}

async function timeliness(wh: Warehouse, notes: QualityNote[]): Promise<Map<string, number> | undefined> {
  let rows: { k: number; files: number; last_ingest: Date | null; last_interval: Date | null }[];
  try {
    rows = await wh.query(timelinessSql);
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    notes.push({ code: 'timeliness-unavailable', message: 'timeliness: no ingest ledger tables; reported as null' });
    return undefined;
  }
  notes.push(rows.length === 0
    ? { code: 'timeliness-no-ledger', message: 'timeliness: no ingest ledger entries (data not loaded by gridlens ingest); reported as null' }
    : { code: 'timeliness-definition', message: 'timeliness: hours from the newest interval of a source to its last ingest (ledger timings per connector)' });
  return new Map(rows.filter((r) => r.last_ingest && r.last_interval).map((r) => [String(r.k), (r.last_ingest!.getTime() - r.last_interval!.getTime()) / MS_PER_HOUR]));
}

async function groupLabels(wh: Warehouse, by: QualityGrouping): Promise<Map<string, string>> {
  if (by === 'source') return new Map((await wh.query<{ k: number; name: string }>('SELECT source_id AS k, name FROM sources')).map((r) => [String(r.k), r.name]));
  if (by === 'area') return new Map((await wh.query<{ k: string; name: string }>('SELECT area_id AS k, name FROM transformer_areas')).map((r) => [r.k, r.name]));
  return new Map();
}
