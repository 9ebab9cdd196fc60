import { segmentModelFromJson } from '../analytics/segments/index.js';
import { defaultTagCatalogue, type TagCatalogue } from '../analytics/tags/index.js';
import { epochDay, isoDateOfEpochDay, utcOffsetMinutes } from '../core/time/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { cachedRead } from './api-read-cache.js';
import { matchCustomers, type CustomerSummaryRow, type IndexQuery } from './api-search-index.js';
import type { Page } from './customers.js';

/**
 * Marketing reads for the API: load-shape segments and the tag catalogue with coverage, and the
 * customer search's segment and tag filters. Cheap reads of the stored runs (customer_segments,
 * segment_models, customer_tags); nothing is recomputed.
 */
type Text = { readonly 'zh-CN': string; readonly en: string };

export interface SegmentRow {
  readonly segmentId: string;
  readonly label: Text;
  readonly description: Text;
  readonly size: number;
  readonly share: number;
  /** Mean of the centroid over the model's profile blocks: 24 hourly shares of a typical day. */
  readonly shape: number[];
  /** Billed revenue of the members between the model's first and last profile day, CNY. */
  readonly revenueCny: number;
}

const segmentCode = (n: number) => `S${String(n).padStart(2, '0')}`;

/** Segments of the latest load-shape run (its sizes), described by the latest fitted model. */
export async function listSegments(wh: Warehouse): Promise<{ runId: number | null; segments: SegmentRow[] }> {
  const [modelRow] = await wh.query<{ run_id: number; model: string; from_date: string | null; to_date: string | null }>(
    "SELECT run_id, CAST(model AS VARCHAR) AS model, CAST(from_date AS VARCHAR) AS from_date, CAST(to_date AS VARCHAR) AS to_date FROM segment_models WHERE kind = 'load-shape' ORDER BY run_id DESC LIMIT 1");
  if (!modelRow) return { runId: null, segments: [] };
  const model = segmentModelFromJson(JSON.parse(modelRow.model));
  const [latest] = await wh.query<{ run_id: number }>("SELECT max(run_id) AS run_id FROM customer_segments WHERE kind = 'load-shape'");
  const runId = Number(latest?.run_id ?? modelRow.run_id);
  const sizes = await wh.query<{ segment: string; n: number; revenue: number }>(`
    SELECT s.segment, count(DISTINCT s.customer_id) AS n, coalesce(sum(b.amount), 0) AS revenue FROM customer_segments s
    LEFT JOIN bills b ON b.customer_id = s.customer_id AND (CAST(? AS DATE) IS NULL OR b.period_start >= CAST(? AS DATE)) AND (CAST(? AS DATE) IS NULL OR b.period_end <= CAST(? AS DATE))
    WHERE s.run_id = ? AND s.kind = 'load-shape' GROUP BY s.segment`, [modelRow.from_date, modelRow.from_date, modelRow.to_date, modelRow.to_date, runId]);
  const bySegment = new Map(sizes.map((r) => [r.segment, r]));
  const total = sizes.reduce((s, r) => s + Number(r.n), 0);
  const blocks = Math.max(1, model.blocks.length);
  return {
    runId,
    segments: model.segments.map((s, i) => {
      const code = segmentCode(s.segment);
      const centroid = model.centroids[i];
      const shape = Array.from({ length: 24 }, (_, h) => {
        let sum = 0;
        for (let b = 0; b < blocks; b++) sum += centroid[b * 24 + h] ?? 0;
        return Math.round((sum / blocks) * 1e5) / 1e5;
      });
      const row = bySegment.get(code);
      const size = Number(row?.n ?? 0);
      return { segmentId: code, label: s.name, description: s.text, size, share: total ? size / total : 0, shape, revenueCny: Math.round(Number(row?.revenue ?? 0) * 100) / 100 };
    }),
  };
}

export interface TagRow {
  readonly id: string;
  readonly version: number;
  readonly category: string;
  readonly label: Text;
  readonly description: Text;
  readonly customers: number;
  /** Share of the customers evaluated on the latest tag day that carry the tag. */
  readonly coverage: number;
}

/** The tag catalogue with how many customers carry each tag on the latest tag day. */
export async function listTags(wh: Warehouse, catalogue: TagCatalogue = defaultTagCatalogue): Promise<{ asOf: string | null; tags: TagRow[] }> {
  const [day] = await wh.query<{ as_of: string | null }>('SELECT CAST(max(as_of) AS VARCHAR) AS as_of FROM customer_tags');
  const asOf = day?.as_of ?? null;
  const counts = asOf === null ? [] : await wh.query<{ tag_id: string; n: number }>(
    'SELECT tag_id, count(DISTINCT customer_id) AS n FROM customer_tags WHERE as_of = CAST(? AS DATE) GROUP BY tag_id', [asOf]);
  // The customers evaluated that day (those with features), or all customers when features were not kept.
  const [evaluated] = asOf === null ? [] : await wh.query<{ n: number }>(
    'SELECT coalesce(nullif((SELECT count(DISTINCT customer_id) FROM customer_features WHERE as_of = CAST(? AS DATE)), 0), (SELECT count(*) FROM customers)) AS n', [asOf]);
  const byTag = new Map(counts.map((r) => [r.tag_id, Number(r.n)]));
  const population = Number(evaluated?.n ?? 0);
  return {
    asOf,
    tags: catalogue.tags.map((t) => {
      const customers = byTag.get(t.id) ?? 0;
      return { id: t.id, version: t.version, category: t.category, label: t.label, description: t.description, customers, coverage: population ? customers / population : 0 };
    }),
  };
}

export interface FilteredSearch extends IndexQuery {
  readonly segment?: string;
  readonly tag?: string;
  readonly page: number;
  readonly pageSize: number;
}

export type SearchItem = CustomerSummaryRow & { readonly segment: string | null; readonly tags: string[] };

async function idSet(wh: Warehouse, sql: string, params: (string | number)[]): Promise<Set<string>> {
  return new Set((await wh.query<{ customer_id: string }>(sql, params)).map((r) => r.customer_id));
}

const MARKS_TTL_MS = 10_000;

/** The latest load-shape run and tag day (null before those steps ran), cached briefly: every search page needs them. */
function latestMarks(wh: Warehouse): Promise<{ runId: number | null; asOf: string | null }> {
  return cachedRead(wh, 'search:latest-marks', MARKS_TTL_MS, async () => {
    const [row] = await wh.query<{ run_id: number | bigint | null; as_of: string | null }>(
      `SELECT (SELECT max(run_id) FROM customer_segments WHERE kind = 'load-shape') AS run_id, (SELECT CAST(max(as_of) AS VARCHAR) FROM customer_tags) AS as_of`);
    return { runId: row?.run_id == null ? null : Number(row.run_id), asOf: row?.as_of ?? null };
  });
}

/**
 * Customer search with the contract's segment (S01... of the latest load-shape run) and tag (id, on
 * the latest tag day) filters; each item carries its segment and tags. Matching runs on the
 * in-memory index; the store is asked only for the page's segments and tags (and the filters' ids).
 */
export async function searchCustomersFiltered(wh: Warehouse, s: FilteredSearch): Promise<Page<SearchItem>> {
  let matches = await matchCustomers(wh, s);
  const { runId, asOf } = await latestMarks(wh);
  if (s.segment !== undefined) {
    const ids = runId === null ? new Set<string>()
      : await idSet(wh, "SELECT customer_id FROM customer_segments WHERE kind = 'load-shape' AND segment = ? AND run_id = ?", [s.segment, runId]);
    matches = matches.filter((m) => ids.has(m.customerId));
  }
  if (s.tag !== undefined) {
    const ids = asOf === null ? new Set<string>()
      : await idSet(wh, 'SELECT customer_id FROM customer_tags WHERE tag_id = ? AND as_of = CAST(? AS DATE)', [s.tag, asOf]);
    matches = matches.filter((m) => ids.has(m.customerId));
  }
  const page = matches.slice((s.page - 1) * s.pageSize, s.page * s.pageSize);
  const ids = page.map((m) => m.customerId);
  const segment = new Map<string, string>();
  const tags = new Map<string, string[]>();
  const marks = ids.map(() => '?').join(', ');
  const [segmentRows, tagRows] = await Promise.all([
    ids.length && runId !== null
      ? wh.query<{ customer_id: string; segment: string }>(
        `SELECT customer_id, segment FROM customer_segments WHERE kind = 'load-shape' AND run_id = ? AND customer_id IN (${marks})`, [runId, ...ids])
      : [],
    ids.length && asOf !== null
      ? wh.query<{ customer_id: string; tag_id: string }>(
        `SELECT customer_id, tag_id FROM customer_tags WHERE as_of = CAST(? AS DATE) AND customer_id IN (${marks}) ORDER BY tag_id`, [asOf, ...ids])
      : [],
  ]);
  for (const r of segmentRows) segment.set(r.customer_id, r.segment);
  for (const r of tagRows) tags.set(r.customer_id, [...(tags.get(r.customer_id) ?? []), r.tag_id]);
  return {
    items: page.map((m) => ({ ...m, segment: segment.get(m.customerId) ?? null, tags: tags.get(m.customerId) ?? [] })),
    total: matches.length, page: s.page, pageSize: s.pageSize,
  };
}

/**
 * The window of a load curve when `from` or `to` is missing: 30 local days ending at the customer's
 * latest import reading (today when it has none), or 30 days from `from` / up to `to`.
 */
export async function loadWindow(wh: Warehouse, customerId: string, timeZone: string, given: { from?: string; to?: string }): Promise<{ from: string; to: string }> {
  if (given.from !== undefined && given.to !== undefined) return { from: given.from, to: given.to };
  if (given.from !== undefined) return { from: given.from, to: isoDateOfEpochDay(epochDay(given.from) + 29) };
  let to = given.to;
  if (to === undefined) {
    const [row] = await wh.query<{ ts: Date | null }>('SELECT max(r.ts) AS ts FROM readings r JOIN meters m ON m.meter_id = r.meter_id WHERE m.customer_id = ? AND r.channel = 1', [customerId]);
    const lastMs = row?.ts ? new Date(row.ts).getTime() : Date.now(); // readings are stamped at the start of their interval
    to = new Date(lastMs + utcOffsetMinutes(timeZone, lastMs) * 60_000).toISOString().slice(0, 10);
  }
  return { from: isoDateOfEpochDay(epochDay(to) - 29), to };
}
