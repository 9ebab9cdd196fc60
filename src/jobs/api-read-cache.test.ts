import { describe, expect, it } from 'vitest';
import type { Warehouse } from '../warehouse/warehouse.js';
import { cachedRead, invalidateReadCaches, SURVIVES_API_WRITES } from './api-read-cache.js';

describe('read cache', () => {
  it('shares a load within the TTL, reloads after it or after invalidation, and never keeps a failure', async () => {
    const wh = {} as Warehouse;
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cachedRead(wh, 'k', 1000, load, 0), cachedRead(wh, 'k', 1000, load, 10)])).toEqual([1, 1]);
    expect(await cachedRead(wh, 'k', 1000, load, 999)).toBe(1);
    expect(await cachedRead(wh, 'k', 1000, load, 1000)).toBe(2);
    invalidateReadCaches(wh);
    expect(await cachedRead(wh, 'k', 1000, load, 1001)).toBe(3);
    expect(await cachedRead({} as Warehouse, 'k', 1000, load, 1001)).toBe(4); // per store
    await expect(cachedRead(wh, 'bad', 1000, () => Promise.reject(new Error('boom')), 0)).rejects.toThrow('boom');
    expect(await cachedRead(wh, 'bad', 1000, load, 1)).toBe(5);
  });

  it('keeps the reads marked as unchanged by API writes after a write request, not after a write made elsewhere', async () => {
    const wh = {} as Warehouse;
    let loads = 0;
    const load = async () => ++loads;
    const stable = `${SURVIVES_API_WRITES}k`;
    expect([await cachedRead(wh, stable, 1000, load, 0), await cachedRead(wh, 'k', 1000, load, 0)]).toEqual([1, 2]);
    invalidateReadCaches(wh, { afterApiWrite: true });
    expect([await cachedRead(wh, stable, 1000, load, 1), await cachedRead(wh, 'k', 1000, load, 1)]).toEqual([1, 3]);
    invalidateReadCaches(wh);
    expect(await cachedRead(wh, stable, 1000, load, 2)).toBe(4);
  });
});
