import type { Warehouse } from '../warehouse/warehouse.js';

/**
 * Sessions and tokens resolved in the last AUTH_CACHE_MS, per store: every request authenticates,
 * and this keeps that off the store. Any change of users, sessions or tokens made through these
 * jobs clears it; the TTL bounds what a change made elsewhere can leave stale.
 */
const AUTH_CACHE_MS = 30_000;
const authCaches = new WeakMap<Warehouse, Map<string, { at: number; value: unknown }>>();

export async function cached<T>(wh: Warehouse, key: string, now: Date, load: () => Promise<T | null>): Promise<T | null> {
  let cache = authCaches.get(wh);
  if (!cache) authCaches.set(wh, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && now.getTime() - hit.at < AUTH_CACHE_MS && now.getTime() >= hit.at) return hit.value as T | null;
  const value = await load();
  if (value !== null) {
    if (cache.size > 10_000) cache.clear();
    cache.set(key, { at: now.getTime(), value });
  }
  return value;
}

/** Forgets every cached session and token of the store (after any user, session or token change). */
export function invalidateAuthCache(wh: Warehouse): void {
  authCaches.get(wh)?.clear();
}
