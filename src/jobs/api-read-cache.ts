import type { Warehouse } from '../warehouse/warehouse.js';

/**
 * Small per-store caches of read results the API asks for on every request (the latest segment
 * run, which optional tables hold rows, assembled profiles). Entries live at most `ttlMs`; every
 * write route of the API clears them all (`invalidateReadCaches`), so a change made through the
 * server is visible at once and a change made elsewhere within the TTL.
 */
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

/** Forgets every cached read of the store (after any write through the API). */
export function invalidateReadCaches(wh: Warehouse): void {
  caches.get(wh)?.clear();
}
