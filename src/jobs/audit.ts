import type { GridLensConfig } from '../core/config.js';
import { batchFromRows } from '../core/record-batch.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { sha256Hex } from './api-credentials.js';
import { insertRows, serializeWrites } from './api-write-lock.js';
import { withStore } from './store.js';

/**
 * The append-only, tamper-evident audit log. Entry n stores hash_n = sha256(hash_{n-1} +
 * canonical JSON of entry n); the first entry chains to 64 zeros. Changing, removing or
 * re-ordering any stored entry breaks the chain from that entry on, which `verifyAuditChain` finds.
 */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditOutcome = 'ok' | 'denied';

export interface AuditEntryInput {
  readonly actor: string;
  /** auth.login, auth.login_failed, auth.logout, customer.view, customer.unmask, export, user.add, user.update, token.create... */
  readonly action: string;
  readonly target?: string | null;
  readonly outcome?: AuditOutcome;
  readonly ip?: string | null;
  /** Facts about the action; never personal data values. */
  readonly details?: Record<string, unknown>;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string | null;
  readonly outcome: AuditOutcome;
  readonly ip: string | null;
  readonly details: Record<string, unknown>;
  readonly prevHash: string;
  readonly hash: string;
}

/** JSON with object keys sorted at every level: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function entryHash(prevHash: string, e: Omit<AuditEntry, 'prevHash' | 'hash'>): string {
  return sha256Hex(prevHash + canonicalJson({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, target: e.target, outcome: e.outcome, ip: e.ip, details: e.details }));
}

/** The chain's head per store, kept by this process (every append goes through here, under the write lock). */
const heads = new WeakMap<Warehouse, { seq: number; hash: string }>();

/** The head as `via` reads it; `wh` keys the cache (the store, whichever of its connections writes). */
async function headOf(wh: Warehouse, via: Warehouse): Promise<{ seq: number; hash: string }> {
  const known = heads.get(wh);
  if (known) return known;
  const [last] = await via.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  return last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}

/**
 * Chains and stores entries in one batch through `via` (a connection of `wh`: itself or a session);
 * the caller must hold the write lock of `wh`, so every connection appends in chain order.
 */
async function appendChained(wh: Warehouse, inputs: readonly { input: AuditEntryInput; now: Date }[], via: Warehouse = wh): Promise<AuditEntry[]> {
  let head = await headOf(wh, via);
  const entries: AuditEntry[] = [];
  for (const { input, now } of inputs) {
    const body = {
      seq: head.seq + 1, at: now.toISOString(), actor: input.actor, action: input.action, target: input.target ?? null,
      outcome: input.outcome ?? 'ok', ip: input.ip ?? null, details: JSON.parse(canonicalJson(input.details ?? {})) as Record<string, unknown>,
    };
    const hash = entryHash(head.hash, body);
    entries.push({ ...body, prevHash: head.hash, hash });
    head = { seq: body.seq, hash };
  }
  const rows = entries.map((e) => ({
    seq: e.seq, logged_at: new Date(e.at), actor: e.actor, action: e.action, target: e.target, outcome: e.outcome, ip: e.ip,
    details: canonicalJson(e.details), prev_hash: e.prevHash, hash: e.hash,
  }));
  try {
    // Nothing else runs on the audit session, so it may use the appender (half the cost of the
    // INSERT); on the shared connection the appender cannot run beside other queries (see insertRows).
    if (via === wh) await insertRows(wh, 'audit_log', rows);
    else await via.append('audit_log', batchFromRows(rows));
    heads.set(wh, head);
  } catch (error) {
    heads.delete(wh);
    throw error;
  }
  return entries;
}

/** Appends one entry; the caller must already hold the write lock (see `appendAudit`). */
export async function appendAuditLocked(wh: Warehouse, input: AuditEntryInput, now = new Date()): Promise<AuditEntry> {
  return (await appendChained(wh, [{ input, now }]))[0];
}

type Pending = { input: AuditEntryInput; now: Date; resolve: (e: AuditEntry) => void; reject: (e: unknown) => void };
const queues = new WeakMap<Warehouse, Pending[]>();
const writers = new WeakMap<Warehouse, Promise<Warehouse>>();

/**
 * The store's session for group commits, opened once: on the store's own connection a commit
 * would wait behind every read queued there by concurrent requests (profile views read documents
 * and then wait for their audit entry). Closed with the store.
 */
function auditWriter(wh: Warehouse): Promise<Warehouse> {
  let writer = writers.get(wh);
  if (!writer) {
    writer = wh.session();
    writers.set(wh, writer);
    writer.catch(() => writers.delete(wh)); // the next append tries again
  }
  return writer;
}

/**
 * Appends one entry to the chain, serialised with every other platform write. Entries that arrive
 * while a write is running are chained and stored together (group commit) on a session of their
 * own (`auditWriter`); each caller resumes once its entry is stored.
 */
export function appendAudit(wh: Warehouse, input: AuditEntryInput, now = new Date()): Promise<AuditEntry> {
  return new Promise<AuditEntry>((resolve, reject) => {
    const queue = queues.get(wh);
    if (queue) {
      queue.push({ input, now, resolve, reject });
      return;
    }
    const batch: Pending[] = [{ input, now, resolve, reject }];
    queues.set(wh, batch);
    void serializeWrites(wh, async () => {
      queues.delete(wh);
      try {
        const entries = await appendChained(wh, batch, await auditWriter(wh));
        batch.forEach((p, i) => p.resolve(entries[i]));
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    });
  });
}

type AuditRow = {
  seq: number; logged_at: Date; actor: string; action: string; target: string | null; outcome: string; ip: string | null;
  details: string; prev_hash: string; hash: string;
};

function fromRow(r: AuditRow): AuditEntry {
  return {
    seq: Number(r.seq), at: r.logged_at.toISOString(), actor: r.actor, action: r.action, target: r.target, outcome: r.outcome as AuditOutcome,
    ip: r.ip, details: JSON.parse(r.details) as Record<string, unknown>, prevHash: r.prev_hash, hash: r.hash,
  };
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  /** The hash of the last entry: record it elsewhere to detect a truncated tail later. */
  readonly headHash: string;
  readonly firstBadEntry?: { readonly seq: number; readonly reason: string };
}

/** Recomputes the chain from the first entry. */
export async function verifyAuditChain(wh: Warehouse): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for await (const batch of wh.stream<AuditRow>('SELECT * FROM audit_log ORDER BY seq', [], 5_000)) {
    for (const row of batch) {
      const bad = checkEntry(row, expectedSeq, prevHash);
      if (bad) return { ok: false, entries, headHash: prevHash, firstBadEntry: { seq: Number(row.seq), reason: bad } };
      prevHash = row.hash;
      expectedSeq += 1;
      entries += 1;
    }
  }
  return { ok: true, entries, headHash: prevHash };
}

function checkEntry(row: AuditRow, expectedSeq: number, prevHash: string): string | null {
  if (Number(row.seq) !== expectedSeq) return `sequence gap: expected entry ${expectedSeq}, found ${row.seq}`;
  if (row.prev_hash !== prevHash) return 'prev_hash does not match the hash of the entry before';
  let entry: AuditEntry;
  try {
    entry = fromRow(row);
  } catch {
    return 'details are not valid JSON';
  }
  if (entryHash(prevHash, entry) !== row.hash) return 'hash does not match the entry: it was modified';
  return null;
}

export interface AuditQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly action?: string;
  readonly actor?: string;
}

/** Newest first. */
export async function listAudit(wh: Warehouse, query: AuditQuery): Promise<{ items: AuditEntry[]; total: number; page: number; pageSize: number }> {
  const where: string[] = [];
  const params: string[] = [];
  if (query.action) { where.push('action = ?'); params.push(query.action); }
  if (query.actor) { where.push('actor = ?'); params.push(query.actor); }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ n }] = await wh.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log ${clause}`, params);
  const rows = await wh.query<AuditRow>(`SELECT * FROM audit_log ${clause} ORDER BY seq DESC LIMIT ? OFFSET ?`, [...params, query.pageSize, (query.page - 1) * query.pageSize]);
  return { items: rows.map(fromRow), total: Number(n), page: query.page, pageSize: query.pageSize };
}

/** `gridlens audit verify`. */
export function auditVerify(config: Pick<GridLensConfig, 'db'>, warehouse?: Warehouse): Promise<AuditVerification> {
  return withStore(config, verifyAuditChain, { warehouse });
}
