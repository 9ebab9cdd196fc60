import type { Warehouse } from '../warehouse/warehouse.js';

/**
 * Small per-store caches of read results the API asks for on every request (the latest segment
 * run, which optional tables hold rows, assembled profiles). Entries live at most `ttlMs`; every
 * write route of the API clears them (`invalidateReadCaches`), so a change made through the server
 * is visible at once and a change made elsewhere within the TTL. Keys starting with
 * SURVIVES_API_WRITES hold facts that no API write request can change (it writes none of the tables
 * they depend on): write routes keep them, so that a login does not cost a rescan.
 */
export const SURVIVES_API_WRITES = 'stable:';

interface Entry { readonly at: number; readonly value: Promise<unknown> }

const caches = new WeakMap<Warehouse, Map<string, Entry>>();
const MAX_ENTRIES = 2_000;

/** The cached value of `key`, or `load()` (shared by concurrent callers; a failed load is not kept). */
export function cachedRead<T>(wh: Warehouse, key: string, ttlMs: number, load: () => Promise<T>, now = Date.now()): Promise<T> {
  let cache = caches.get(wh);
  if (!cache) caches.set(wh, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && now - hit.at < ttlMs && now >= hit.at) {
    cache.delete(key); // keep the most recently used last
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = load();
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  const entry = { at: now, value };
  cache.set(key, entry);
  value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return value;
}

/**
 * Forgets the cached reads of the store: after a write request of the API (`afterApiWrite`) those
 * that such a write can change; otherwise (after a write made elsewhere in this process) all of them.
 */
export function invalidateReadCaches(wh: Warehouse, options: { readonly afterApiWrite?: boolean } = {}): void {
  const cache = caches.get(wh);
  if (!cache) return;
  if (!options.afterApiWrite) return cache.clear();
  for (const key of [...cache.keys()]) if (!key.startsWith(SURVIVES_API_WRITES)) cache.delete(key);
}
