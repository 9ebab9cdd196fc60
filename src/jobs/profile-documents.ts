import type { GridLensConfig } from '../core/config.js';
import { defaultTagCatalogue } from '../analytics/tags/index.js';
import { allTables } from '../warehouse/schema/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { BatchedLookup } from './api-batched-lookup.js';
import { customerSummaryOf } from './customers.js';
import { sha256Hex } from './api-credentials.js';
import { insertRows } from './api-write-lock.js';
import {
  customerScores, emptyProfileTables, getCustomerProfile, getCustomerProfiles, optionalProfileTables, qualified, scoreTables, type CustomerProfile,
} from './profile.js';
import { withStore } from './store.js';

/**
 * Precomputed customer 360 documents (pipeline step `profiles`): one row per customer in
 * `customer_profile_documents`, so that the API answers a profile view with one primary-key lookup
 * instead of fifteen filtered scans.
 *
 * Freshness. A build records a stamp of its sources: row count and content hash of every table the
 * profile reads, the document format and the tag catalogue. Documents are used only while the
 * stamp of the store equals the build's; otherwise the profile is assembled live, as without a
 * build. The API re-checks the stamp at most every few seconds and after every write request.
 * The tables that API requests write (the black and watch lists, by field inspections) are not in
 * the documents: they are read live on every view, so such a write never waits for a rebuild.
 */
export const LIVE_PROFILE_TABLES: ReadonlySet<string> = new Set(['risk_list_entries', 'risk_list_changes']);

/** Recent records of each kind in a document (what the API shows). */
export const DOCUMENT_RECENT = 24;
/** Bump when the document's content changes shape: older builds are then not used. */
const DOCUMENT_FORMAT = 2;
/** Customers assembled per batch of range queries. */
const BUILD_CHUNK = 2_000;

export interface ProfileDocumentBuild {
  readonly documents: number;
  readonly seconds: number;
  readonly sourceStamp: string;
}

/** Tables a document is made of (the live tables excepted). */
export function documentSourceTables(): string[] {
  return ['customers', 'transformer_areas', 'tariffs', 'accounts', 'meters', ...optionalProfileTables()].filter((t) => !LIVE_PROFILE_TABLES.has(t));
}

async function tableStamp(wh: Warehouse, table: string): Promise<string> {
  const def = allTables.find((t) => t.name === table);
  const columns = def ? def.columns.map((c) => wh.dialect.quoteIdent(c.name)).join(', ') : '*';
  try {
    const [row] = await wh.query<{ n: unknown; h: unknown }>(`SELECT count(*) AS n, bit_xor(hash(${columns})) AS h FROM ${qualified(wh, table)}`);
    return `${table}:${String(row.n)}:${String(row.h)}`;
  } catch {
    return `${table}:absent`; // defined but not in this store (created before its migration)
  }
}

/** The stamp of the document sources as they are now (one scan of each source table). */
export async function profileSourceStamp(wh: Warehouse): Promise<string> {
  const tables = await Promise.all(documentSourceTables().map((t) => tableStamp(wh, t)));
  return sha256Hex(JSON.stringify({ format: DOCUMENT_FORMAT, recent: DOCUMENT_RECENT, tables, scores: scoreTables().map((s) => s.table.name), catalogue: defaultTagCatalogue }));
}

/** Whether the stored documents show the store as it is now. */
export async function profileDocumentsCurrent(wh: Warehouse): Promise<boolean> {
  const [build] = await wh.query<{ source_stamp: string }>('SELECT source_stamp FROM profile_document_builds ORDER BY built_at DESC LIMIT 1')
    .catch(() => []);
  return build !== undefined && build.source_stamp === (await profileSourceStamp(wh));
}

/**
 * Rebuilds every document. The previous build is forgotten first, so a failed or interrupted build
 * leaves no documents in use (views are then assembled live).
 */
export async function buildProfileDocuments(wh: Warehouse): Promise<ProfileDocumentBuild> {
  const started = performance.now();
  await wh.run('DELETE FROM profile_document_builds');
  await wh.run('DELETE FROM customer_profile_documents');
  const sourceStamp = await profileSourceStamp(wh);
  const skip = new Set([...(await emptyProfileTables(wh)), ...LIVE_PROFILE_TABLES]);
  const ids = (await wh.query<{ id: string }>('SELECT customer_id AS id FROM customers ORDER BY customer_id')).map((r) => r.id);
  for (let i = 0; i < ids.length; i += BUILD_CHUNK) {
    const chunk = ids.slice(i, i + BUILD_CHUNK);
    const profiles = await getCustomerProfiles(wh, { first: chunk[0], last: chunk[chunk.length - 1] }, { recent: DOCUMENT_RECENT, emptyTables: skip });
    const written = chunk.filter((id) => profiles.has(id));
    await wh.append('customer_profile_documents', { rowCount: written.length, columns: { customer_id: written, document: written.map((id) => JSON.stringify(profileBody(profiles.get(id)!))) } });
  }
  const seconds = (performance.now() - started) / 1000;
  await insertRows(wh, 'profile_document_builds', [{ built_at: new Date(), source_stamp: sourceStamp, documents: ids.length, seconds }]);
  return { documents: ids.length, seconds, sourceStamp };
}

/**
 * The body of `GET /customers/:id` for a profile: what a document stores and a view sends. The
 * customer row is reduced to its summary fields (masked as the profile is).
 */
export function profileBody(p: CustomerProfile) {
  return {
    customer: customerSummaryOf(p.customer), area: p.area, tariff: p.tariff, accounts: p.accounts, meters: p.meters, features: p.features, shape: p.shape,
    monthly: p.monthly, tags: p.tags, scores: p.scores, ...p.recent,
  };
}
type ProfileBody = ReturnType<typeof profileBody>;

/** A profile view ready to send: the body as JSON text and the customer's district (for the region check). */
export interface ProfileViewText {
  readonly district: string;
  readonly json: string;
}

const lookups = new WeakMap<Warehouse, BatchedLookup<ProfileViewText>>();

/**
 * The stored document of a customer, as stored (no parse): concurrent views read their documents in
 * one statement, and the store extracts each district from the JSON.
 */
function storedDocument(wh: Warehouse, customerId: string): Promise<ProfileViewText | null> {
  let lookup = lookups.get(wh);
  if (!lookup) {
    lookup = new BatchedLookup(async (ids) => {
      // In key order, as the rows are stored (by customer id): the store then reads them front to back (about 20 % less time at 50 ids).
      const rows = await wh.query<{ customer_id: string; district: string; document: string }>(
        `SELECT customer_id, json_extract_string(document, '$.customer.district') AS district, document FROM customer_profile_documents
         WHERE customer_id IN (${ids.map(() => '?').join(', ')})`, [...ids].sort());
      return new Map(rows.map((r) => [r.customer_id, { district: r.district, json: r.document }]));
    });
    lookups.set(wh, lookup);
  }
  return lookup.get(customerId);
}

/** The live tables that exist and hold rows (the others are in `emptyTables`). */
const liveTables = (emptyTables: ReadonlySet<string>) => new Set([...LIVE_PROFILE_TABLES].filter((t) => !emptyTables.has(t)));

/**
 * The customers with rows in the live tables (black and watch lists: a small share). A view of any
 * other customer sends its stored document untouched.
 */
export async function liveScoreCustomers(wh: Warehouse, emptyTables: ReadonlySet<string> = new Set()): Promise<Set<string>> {
  const tables = scoreTables().filter(({ table }) => liveTables(emptyTables).has(table.name));
  const ids = await Promise.all(tables.map(({ table }) =>
    wh.query<{ id: string }>(`SELECT DISTINCT customer_id AS id FROM ${qualified(wh, table.name)}`).catch(() => [])));
  return new Set(ids.flat().map((r) => r.id));
}

/** The stored body with the scores of the live tables read now, in the order of `scoreTables()`. */
async function withLiveScores(wh: Warehouse, customerId: string, stored: ProfileViewText, emptyTables: ReadonlySet<string>): Promise<ProfileViewText> {
  const live = await customerScores(wh, customerId, liveTables(emptyTables));
  if (live.length === 0) return stored;
  const body = JSON.parse(stored.json) as ProfileBody;
  const order = new Map(scoreTables().map((s, i) => [s.table.name, i]));
  const scores = [...body.scores, ...live].sort((a, b) => (order.get(a.table) ?? 0) - (order.get(b.table) ?? 0));
  return { district: stored.district, json: JSON.stringify({ ...body, scores }) };
}

export interface ProfileViewOptions {
  /** Whether the stored documents are current (`profileDocumentsCurrent`, which the API caches). */
  readonly documentsCurrent: boolean;
  /** Optional tables known to hold no rows (see `emptyProfileTables`). */
  readonly emptyTables?: ReadonlySet<string>;
  /** Customers with rows in the live tables (`liveScoreCustomers`, which the API caches briefly); unknown: asked per view. */
  readonly liveCustomers?: ReadonlySet<string>;
}

/**
 * The masked profile the API shows (DOCUMENT_RECENT records of each kind), as JSON text: the stored
 * document (with the live tables' rows when the customer has any) when documents are current, else
 * assembled live. The same content either way.
 */
export async function profileView(wh: Warehouse, customerId: string, options: ProfileViewOptions): Promise<ProfileViewText> {
  const emptyTables = options.emptyTables ?? new Set<string>();
  const stored = options.documentsCurrent ? await storedDocument(wh, customerId) : null;
  if (stored) return options.liveCustomers?.has(customerId) === false ? stored : withLiveScores(wh, customerId, stored, emptyTables);
  const profile = await getCustomerProfile(wh, customerId, { recent: DOCUMENT_RECENT, emptyTables });
  return { district: String(profile.customer.district), json: JSON.stringify(profileBody(profile)) };
}

/** The pipeline step `profiles` (`gridlens run profiles` when wired). */
export function runProfileDocuments(config: Pick<GridLensConfig, 'db'>, warehouse?: Warehouse): Promise<ProfileDocumentBuild> {
  return withStore(config, buildProfileDocuments, { warehouse });
}
