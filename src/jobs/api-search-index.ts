import type { Warehouse } from '../warehouse/warehouse.js';

/**
 * An in-memory copy of the customer summaries search returns, sorted by id: the API's hottest query
 * then scans arrays instead of the table and never waits for the store's single connection. About
 * 300 bytes per customer (30 MB for 100,000). Rebuilt when the customers table's fingerprint
 * changes, checked at most every FRESHNESS_MS. Holds personal data in the server's memory only; the
 * API masks it like every other response.
 */
const FRESHNESS_MS = 30_000;

export type CustomerSummaryRow = {
  readonly customerId: string; readonly name: string; readonly phone: string | null; readonly address: string | null;
  readonly idNumber: string | null; readonly district: string; readonly customerClass: string; readonly tariffId: string;
  readonly areaId: string; readonly status: string;
};

interface Index {
  readonly rows: CustomerSummaryRow[];
  readonly ids: string[];
  readonly names: string[];
  readonly phones: string[];
  readonly districts: string[];
  readonly classes: string[];
  /** Every name (and every phone's digits) joined by newlines, with each row's start offset: one native indexOf scan finds all rows containing a fragment. */
  readonly nameText: Joined;
  readonly phoneText: Joined;
  readonly fingerprint: string;
  checkedAt: number;
}

interface Joined { readonly text: string; readonly starts: Int32Array }

function joined(values: readonly string[]): Joined {
  const starts = new Int32Array(values.length);
  let offset = 0;
  values.forEach((v, i) => {
    starts[i] = offset;
    offset += v.length + 1;
  });
  return { text: values.map((v) => v.replaceAll('\n', ' ')).join('\n'), starts };
}

/** Rows whose text contains `fragment` (no newline in it), ascending. */
function rowsContaining(j: Joined, fragment: string, into: Set<number>): void {
  for (let at = j.text.indexOf(fragment); at >= 0; at = j.text.indexOf(fragment, at + 1)) {
    let lo = 0;
    let hi = j.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (j.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    into.add(lo);
    const next = lo + 1 < j.starts.length ? j.starts[lo + 1] : j.text.length;
    at = next - 1; // one hit per row is enough
  }
}

/** Rows whose sorted id starts with `prefix`. */
function rowsWithIdPrefix(ids: readonly string[], prefix: string, into: Set<number>): void {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < ids.length && ids[i].startsWith(prefix); i++) into.add(i);
}

const indexes = new WeakMap<Warehouse, Promise<Index>>();

async function fingerprint(wh: Warehouse): Promise<string> {
  const [row] = await wh.query<{ n: number; h: unknown }>('SELECT count(*) AS n, bit_xor(hash(customer_id, name, phone, district, customer_type)) AS h FROM customers');
  return `${row.n}:${String(row.h)}`;
}

async function build(wh: Warehouse): Promise<Index> {
  const print = await fingerprint(wh);
  const rows = await wh.query<CustomerSummaryRow>(
    `SELECT customer_id AS "customerId", name, phone, address, id_number AS "idNumber", district, customer_type AS "customerClass",
       tariff_id AS "tariffId", area_id AS "areaId", status FROM customers ORDER BY customer_id`);
  const names = rows.map((r) => r.name ?? '');
  const phones = rows.map((r) => (r.phone ?? '').replace(/\D/g, ''));
  return {
    rows, ids: rows.map((r) => r.customerId), names, phones, districts: rows.map((r) => r.district), classes: rows.map((r) => r.customerClass),
    nameText: joined(names), phoneText: joined(phones), fingerprint: print, checkedAt: Date.now(),
  };
}

async function currentIndex(wh: Warehouse): Promise<Index> {
  let pending = indexes.get(wh);
  if (!pending) {
    pending = build(wh);
    indexes.set(wh, pending);
    pending.catch(() => indexes.delete(wh));
  }
  const index = await pending;
  if (Date.now() - index.checkedAt > FRESHNESS_MS) {
    index.checkedAt = Date.now();
    if ((await fingerprint(wh)) !== index.fingerprint) {
      indexes.delete(wh);
      return currentIndex(wh);
    }
  }
  return index;
}

export interface IndexQuery {
  readonly q?: string;
  readonly district?: string;
  readonly customerClass?: string;
  readonly regions: readonly string[] | null;
}

/** Recent answers per index (a rebuilt index starts empty): the same search repeated costs one map lookup. */
const MATCH_CACHE_SIZE = 256;
const matchCaches = new WeakMap<Index, Map<string, CustomerSummaryRow[]>>();

/** Summaries matching the query, in id order: id prefix, name fragment, or at least 4 phone digits. Callers must not modify the array. */
export async function matchCustomers(wh: Warehouse, query: IndexQuery): Promise<readonly CustomerSummaryRow[]> {
  const index = await currentIndex(wh);
  let cache = matchCaches.get(index);
  if (!cache) matchCaches.set(index, (cache = new Map()));
  const key = JSON.stringify([query.q?.trim() ?? '', query.district ?? null, query.customerClass ?? null, query.regions === null ? null : [...query.regions].sort()]);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // least recently used first
    cache.set(key, hit);
    return hit;
  }
  const out = scan(index, query);
  if (cache.size >= MATCH_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, out);
  return out;
}

function scan(index: Index, query: IndexQuery): CustomerSummaryRow[] {
  const q = (query.q?.trim() ?? '').replaceAll('\n', ' ');
  const digits = q.replace(/\D/g, '');
  const regions = query.regions === null ? null : new Set(query.regions);
  let candidates: Iterable<number>;
  if (q) {
    const hits = new Set<number>();
    rowsWithIdPrefix(index.ids, q, hits);
    rowsContaining(index.nameText, q, hits);
    if (digits.length >= 4) rowsContaining(index.phoneText, digits, hits);
    candidates = [...hits].sort((a, b) => a - b);
  } else {
    candidates = index.ids.keys();
  }
  const out: CustomerSummaryRow[] = [];
  for (const i of candidates) {
    if (regions && !regions.has(index.districts[i])) continue;
    if (query.district && index.districts[i] !== query.district) continue;
    if (query.customerClass && index.classes[i] !== query.customerClass) continue;
    out.push(index.rows[i]);
  }
  return Object.freeze(out) as CustomerSummaryRow[];
}

/** Builds the index ahead of the first search (the server calls it at start; failures surface on the first search). */
export function warmSearchIndex(wh: Warehouse): Promise<void> {
  return currentIndex(wh).then(() => undefined, () => undefined);
}
