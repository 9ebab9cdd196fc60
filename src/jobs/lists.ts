import { userInfo } from 'node:os';
import type { GridLensConfig } from '../core/config.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { epochDay, isoDateOfEpochDay } from '../core/time/index.js';
import type { Dataset } from '../analytics/ml/index.js';
import { addMonths, GRADE_CODES, type LocalizedText } from '../analytics/credit/index.js';
import {
  BLACK_EFFECTS, defaultListRules, evaluateListRules, RED_EFFECTS, type ListEffects, type ListKind, type ListMatch, type ListRuleSet, type RiskFacts,
} from '../analytics/risk-lists/index.js';
import type { SqlParam, Warehouse } from '../warehouse/warehouse.js';
import type { CustomerRating } from './risk-types.js';
import { insertRows } from './api-write-lock.js';
import { withStore, type StoreOptions } from './store.js';

/** One current list entry. `exempt` entries are manual removals that keep a rule from re-adding the customer. */
export interface ListEntry {
  readonly customerId: string;
  readonly kind: ListKind;
  readonly source: 'rule' | 'manual' | 'exempt';
  readonly ruleId: string | null;
  readonly reason: string;
  readonly effects: ListEffects;
  readonly since: string;
  readonly expires: string | null;
  readonly setBy: string;
}

export interface ListRefreshSummary {
  readonly red: number;
  readonly black: number;
  readonly added: number;
  readonly renewed: number;
  readonly expired: number;
  readonly keptManual: number;
}

interface Change {
  readonly customerId: string;
  readonly kind: ListKind;
  readonly action: 'added' | 'removed' | 'expired' | 'renewed' | 'exempted';
  readonly source: string;
  readonly ruleId: string | null;
  readonly reason: string;
  readonly by: string;
  readonly expires: string | null;
}

const whoAmI = () => {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
};

const reasonText = (t: LocalizedText) => `${t['zh-CN']} / ${t.en}`;

/** Reads stored `effects` JSON, parsing each distinct value once (all entries of a rule share one). */
function effectsReader(): (raw: unknown) => ListEffects {
  const seen = new Map<unknown, ListEffects>();
  return (raw) => {
    if (!seen.has(raw)) seen.set(raw, (typeof raw === 'string' ? JSON.parse(raw) : raw) as ListEffects);
    return seen.get(raw) as ListEffects;
  };
}

/** Current entries (exempt ones only when asked), black first. */
export async function loadListEntries(wh: Warehouse, options: { kind?: ListKind; customerId?: string; includeExempt?: boolean } = {}): Promise<ListEntry[]> {
  const where: string[] = [];
  const params: SqlParam[] = [];
  if (options.kind) {
    where.push('kind = ?');
    params.push(options.kind);
  }
  if (options.customerId) {
    where.push('customer_id = ?');
    params.push(options.customerId);
  }
  if (!options.includeExempt) where.push(`source <> 'exempt'`);
  const rows = await wh.query(`
    SELECT customer_id, kind, source, rule_id, reason, effects, CAST(since AS VARCHAR) AS since, CAST(expires AS VARCHAR) AS expires, set_by
    FROM risk_list_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY kind, customer_id`, params);
  const effects = effectsReader();
  return rows.map((r) => ({
    customerId: String(r.customer_id), kind: r.kind === 'red' ? 'red' : 'black', source: r.source as ListEntry['source'], ruleId: r.rule_id === null ? null : String(r.rule_id),
    reason: String(r.reason), effects: effects(r.effects), since: String(r.since),
    expires: r.expires === null ? null : String(r.expires), setBy: String(r.set_by),
  }));
}

/** List membership of every listed customer (exemptions excluded), black first: what deposits and offers act on. */
export async function loadListMemberships(wh: Warehouse): Promise<Map<string, { kind: ListKind; effects: ListEffects }[]>> {
  const rows = await wh.query(`SELECT customer_id, kind, effects FROM risk_list_entries WHERE source <> 'exempt' ORDER BY kind, customer_id`);
  const effects = effectsReader();
  const out = new Map<string, { kind: ListKind; effects: ListEffects }[]>();
  for (const r of rows) {
    const id = String(r.customer_id);
    const list = out.get(id) ?? [];
    list.push({ kind: r.kind === 'red' ? 'red' : 'black', effects: effects(r.effects) });
    out.set(id, list);
  }
  return out;
}

/**
 * Up to this many rows go through one parameterised INSERT: an inspection or a manual change from
 * the API server, whose shared connection cannot run DuckDB's appender while other queries are pending.
 */
const SMALL_WRITE = 50;

const sinceOf = (e: ListEntry): Date => new Date(e.since.replace(' ', 'T') + (e.since.endsWith('Z') ? '' : 'Z'));

/** Deletes the entries of the given (customer, kind) pairs in one statement. */
async function deleteEntries(wh: Warehouse, keys: readonly { customerId: string; kind: ListKind }[]): Promise<void> {
  if (keys.length === 0) return;
  await wh.run(`
    DELETE FROM risk_list_entries USING (
      SELECT unnest(from_json(?, '["VARCHAR"]')) AS customer_id, unnest(from_json(?, '["VARCHAR"]')) AS kind) k
    WHERE risk_list_entries.customer_id = k.customer_id AND risk_list_entries.kind = k.kind`,
  [JSON.stringify(keys.map((k) => k.customerId)), JSON.stringify(keys.map((k) => k.kind))]);
}

async function writeEntries(wh: Warehouse, entries: readonly ListEntry[], changes: readonly Change[]): Promise<void> {
  await wh.transaction(async (tx) => {
    await deleteEntries(tx, [...entries, ...changes.filter((c) => c.action === 'removed' || c.action === 'expired')]);
    if (entries.length && entries.length <= SMALL_WRITE) {
      await insertRows(tx, 'risk_list_entries', entries.map((e) => ({
        customer_id: e.customerId, kind: e.kind, source: e.source, rule_id: e.ruleId, reason: e.reason, effects: JSON.stringify(e.effects), since: sinceOf(e), expires: e.expires, set_by: e.setBy,
      })));
    } else if (entries.length) {
      await tx.append('risk_list_entries', {
        rowCount: entries.length,
        columns: {
          customer_id: entries.map((e) => e.customerId), kind: entries.map((e) => e.kind), source: entries.map((e) => e.source), rule_id: entries.map((e) => e.ruleId),
          reason: entries.map((e) => e.reason), effects: entries.map((e) => e.effects), since: entries.map(sinceOf),
          expires: entries.map((e) => e.expires), set_by: entries.map((e) => e.setBy),
        },
      });
    }
    if (changes.length) await appendChanges(tx, changes);
  });
}

async function appendChanges(wh: Warehouse, changes: readonly Change[]): Promise<void> {
  const now = new Date();
  if (changes.length <= SMALL_WRITE) {
    await insertRows(wh, 'risk_list_changes', changes.map((c) => ({
      changed_at: now, customer_id: c.customerId, kind: c.kind, action: c.action, source: c.source, rule_id: c.ruleId, reason: c.reason, changed_by: c.by, expires: c.expires,
    })));
    return;
  }
  await wh.append('risk_list_changes', {
    rowCount: changes.length,
    columns: {
      changed_at: changes.map(() => now), customer_id: changes.map((c) => c.customerId), kind: changes.map((c) => c.kind), action: changes.map((c) => c.action),
      source: changes.map((c) => c.source), rule_id: changes.map((c) => c.ruleId), reason: changes.map((c) => c.reason), changed_by: changes.map((c) => c.by),
      expires: changes.map((c) => c.expires),
    },
  });
}

/** Inputs of a list refresh: every customer's rating and payment features on the as-of day, in the same order. */
export interface RiskListInput {
  readonly ratings: readonly CustomerRating[];
  /** Payment features of the customers on the as-of day (rows in `ratings` order). */
  readonly current: Dataset;
  /** Customers (positions in `ratings`) with confirmed theft. */
  readonly theft: ReadonlySet<number>;
}

/** The facts the list rules test, for every customer on the as-of day. */
export async function riskFacts(wh: Warehouse, input: RiskListInput): Promise<RiskFacts[]> {
  const pd = new Map((await wh.query(`SELECT customer_id, pd_default FROM arrears_scores WHERE run_id = (SELECT max(run_id) FROM arrears_scores)`))
    .map((r) => [String(r.customer_id), Number(r.pd_default)]));
  const { current, ratings, theft } = input;
  const [tenure, returned, late, pastDue] = current.columnsOf(['tenure_years', 'returned_12m', 'late_12m', 'days_past_due']);
  const x = (c: number, feature: number) => current.values[c * current.nFeatures + feature];
  return ratings.map((rating, c) => ({
    grade_rank: GRADE_CODES.indexOf(rating.band.grade), score: rating.score, tenure_years: x(c, tenure),
    theft_confirmed: Number(theft.has(c)), returned_12m: x(c, returned), late_12m: x(c, late), days_past_due: x(c, pastDue),
    pd_default: pd.get(rating.customerId) ?? Number.NaN, demerit_rating: rating.demeritRating,
  }));
}

/**
 * Applies the list rules to every customer: new matches are added, matches already listed are
 * renewed (new expiry), rule entries past their expiry are removed; manual entries and exemptions
 * are left as they are (they win over rules). Every change is appended to `risk_list_changes`.
 */
export async function refreshRuleLists(
  wh: Warehouse,
  input: RiskListInput & { asOfDay: number; by: string; rules?: ListRuleSet },
): Promise<ListRefreshSummary> {
  const asOf = isoDateOfEpochDay(input.asOfDay);
  const facts = await riskFacts(wh, input);
  const matches = input.ratings.flatMap((r, c) => evaluateListRules(r.customerId, facts[c], input.rules ?? defaultListRules, asOf));
  return applyMatches(wh, matches, asOf, input.by, true);
}

async function applyMatches(wh: Warehouse, matches: readonly ListMatch[], asOf: string, by: string, expireOthers: boolean): Promise<ListRefreshSummary> {
  const current = await loadListEntries(wh, { includeExempt: true });
  const key = (id: string, kind: string) => `${id}|${kind}`;
  const byKey = new Map(current.map((e) => [key(e.customerId, e.kind), e]));
  const blackListed = new Set(current.filter((e) => e.kind === 'black' && e.source !== 'exempt').map((e) => e.customerId));
  const writes: ListEntry[] = [];
  const changes: Change[] = [];
  let keptManual = 0;
  const now = new Date().toISOString();
  for (const m of matches) {
    const existing = byKey.get(key(m.customerId, m.kind));
    if (m.kind === 'red' && blackListed.has(m.customerId)) continue;
    const red = m.kind === 'black' ? byKey.get(key(m.customerId, 'red')) : undefined;
    if ((existing && existing.source !== 'rule') || red?.source === 'manual') {
      keptManual++;
      continue;
    }
    if (red?.source === 'rule') {
      changes.push({ customerId: m.customerId, kind: 'red', action: 'removed', source: 'rule', ruleId: red.ruleId, reason: `black list wins: ${reasonText(m.reason)}`, by, expires: red.expires });
    }
    const entry: ListEntry = { customerId: m.customerId, kind: m.kind, source: 'rule', ruleId: m.ruleId, reason: reasonText(m.reason), effects: m.effects, since: existing?.since ?? now, expires: m.expires, setBy: by };
    if (existing && existing.expires === m.expires && existing.ruleId === m.ruleId) continue;
    writes.push(entry);
    changes.push({ customerId: m.customerId, kind: m.kind, action: existing ? 'renewed' : 'added', source: 'rule', ruleId: m.ruleId, reason: entry.reason, by, expires: m.expires });
  }
  if (expireOthers) {
    const written = new Set(writes.map((w) => key(w.customerId, w.kind)));
    for (const e of current) {
      if (e.expires !== null && e.expires <= asOf && !written.has(key(e.customerId, e.kind))) {
        changes.push({ customerId: e.customerId, kind: e.kind, action: 'expired', source: e.source, ruleId: e.ruleId, reason: e.reason, by, expires: e.expires });
      }
    }
  }
  await writeEntries(wh, writes, changes);
  const after = await listCounts(wh);
  const count = (action: Change['action']) => changes.filter((c) => c.action === action).length;
  return { red: after.red, black: after.black, added: count('added'), renewed: count('renewed'), expired: count('expired'), keptManual };
}

/** Current red and black entries (exemptions not counted). */
async function listCounts(wh: Warehouse): Promise<{ red: number; black: number }> {
  const rows = await wh.query<{ kind: string; n: number }>(`SELECT kind, count(*) AS n FROM risk_list_entries WHERE source <> 'exempt' GROUP BY kind`);
  const of = (kind: ListKind) => Number(rows.find((r) => r.kind === kind)?.n ?? 0);
  return { red: of('red'), black: of('black') };
}

/** Puts one customer on the black list by a named rule (e.g. a confirmed theft from an inspection). */
export async function addRuleEntry(wh: Warehouse, customerId: string, ruleId: string, asOf: string, by: string, rules: ListRuleSet = defaultListRules): Promise<ListRefreshSummary> {
  const rule = rules.rules.find((r) => r.id === ruleId);
  if (!rule) throw new NotFoundError('list rule', ruleId);
  return applyMatches(wh, [{ customerId, kind: rule.kind, ruleId, reason: rule.label, effects: rule.effects, expires: addMonths(asOf, rule.expiresMonths) }], asOf, by, false);
}

export interface ListsShowResult {
  readonly entries: ListEntry[];
  readonly counts: { readonly red: number; readonly black: number; readonly exempt: number };
  readonly recentChanges: { changedAt: string; customerId: string; kind: string; action: string; reason: string; changedBy: string }[];
}

/** `gridlens lists show`. */
export async function listsShow(config: Pick<GridLensConfig, 'db'>, request: { kind?: ListKind; customerId?: string; limit?: number } = {}, options: Pick<StoreOptions, 'warehouse'> = {}): Promise<ListsShowResult> {
  return withStore(config, async (wh) => {
    const all = await loadListEntries(wh, { includeExempt: true, customerId: request.customerId });
    const entries = all.filter((e) => e.source !== 'exempt' && (!request.kind || e.kind === request.kind)).slice(0, request.limit ?? 1000);
    const params: SqlParam[] = request.customerId ? [request.customerId] : [];
    const changes = await wh.query(`SELECT CAST(changed_at AS VARCHAR) AS at, customer_id, kind, action, reason, changed_by FROM risk_list_changes
      ${request.customerId ? 'WHERE customer_id = ?' : ''} ORDER BY changed_at DESC LIMIT 20`, params);
    return {
      entries,
      counts: { red: all.filter((e) => e.kind === 'red' && e.source !== 'exempt').length, black: all.filter((e) => e.kind === 'black' && e.source !== 'exempt').length, exempt: all.filter((e) => e.source === 'exempt').length },
      recentChanges: changes.map((c) => ({ changedAt: String(c.at), customerId: String(c.customer_id), kind: String(c.kind), action: String(c.action), reason: String(c.reason), changedBy: String(c.changed_by) })),
    };
   }, options);
}

export interface ListsSetRequest {
  readonly customerId: string;
  readonly kind: ListKind;
  readonly reason: string;
  readonly expires?: string;
  readonly by?: string;
}

async function requireCustomer(wh: Warehouse, customerId: string): Promise<void> {
  const [row] = await wh.query('SELECT count(*) AS n FROM customers WHERE customer_id = ?', [customerId]);
  if (!Number(row?.n)) throw new NotFoundError('customer', customerId);
}

function checkManual(reason: string, expires: string | undefined): void {
  if (!reason.trim()) throw new ValidationError('a manual list change needs a reason (--reason)', { field: 'reason' });
  if (expires !== undefined && expires <= new Date().toISOString().slice(0, 10)) throw new ValidationError(`--expires ${expires} is not in the future`, { field: 'expires' });
  if (expires !== undefined) epochDay(expires);
}

/** `gridlens lists set`: a manual entry (override) that rules do not change; it replaces the customer's entry on the other list. */
export async function listsSet(config: Pick<GridLensConfig, 'db'>, request: ListsSetRequest, options: Pick<StoreOptions, 'warehouse'> = {}): Promise<{ entry: ListEntry; replaced: ListEntry[] }> {
  checkManual(request.reason, request.expires);
  return withStore(config, async (wh) => {
    await requireCustomer(wh, request.customerId);
    const by = request.by ?? whoAmI();
    const replaced = (await loadListEntries(wh, { customerId: request.customerId })).filter((e) => e.kind !== request.kind);
    const entry: ListEntry = {
      customerId: request.customerId, kind: request.kind, source: 'manual', ruleId: null, reason: request.reason.trim(),
      effects: request.kind === 'black' ? BLACK_EFFECTS : RED_EFFECTS, since: new Date().toISOString(), expires: request.expires ?? null, setBy: by,
    };
    const changes: Change[] = [
      ...replaced.map((e): Change => ({ customerId: e.customerId, kind: e.kind, action: 'removed', source: 'manual', ruleId: e.ruleId, reason: `replaced by ${request.kind} list: ${entry.reason}`, by, expires: e.expires })),
      { customerId: entry.customerId, kind: entry.kind, action: 'added', source: 'manual', ruleId: null, reason: entry.reason, by, expires: entry.expires },
    ];
    await writeEntries(wh, [entry], changes);
    return { entry, replaced };
   }, options);
}

/**
 * `gridlens lists remove`: takes the customer off a list. A rule entry becomes an exemption (the
 * rule does not put the customer back until the exemption expires or is lifted).
 */
export async function listsRemove(config: Pick<GridLensConfig, 'db'>, request: ListsSetRequest, options: Pick<StoreOptions, 'warehouse'> = {}): Promise<{ removed: ListEntry; exemption: ListEntry | null }> {
  checkManual(request.reason, request.expires);
  return withStore(config, async (wh) => {
    const [existing] = await loadListEntries(wh, { customerId: request.customerId, kind: request.kind });
    if (!existing) throw new NotFoundError(`${request.kind} list entry of customer`, request.customerId);
    const by = request.by ?? whoAmI();
    const exemption: ListEntry | null = existing.source === 'rule'
      ? { ...existing, source: 'exempt', reason: request.reason.trim(), since: new Date().toISOString(), expires: request.expires ?? null, setBy: by }
      : null;
    const change: Change = { customerId: existing.customerId, kind: existing.kind, action: exemption ? 'exempted' : 'removed', source: 'manual', ruleId: existing.ruleId, reason: request.reason.trim(), by, expires: request.expires ?? null };
    if (exemption) await writeEntries(wh, [exemption], [change]);
    else await writeEntries(wh, [], [change]);
    return { removed: existing, exemption };
   }, options);
}
