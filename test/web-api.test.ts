import { describe, expect, it } from 'vitest';
import { listOf } from '../web/src/api/list-of.js';

describe('dashboard list responses', () => {
  it('reads a bare array, a page and an object naming its list', () => {
    expect(listOf([1, 2])).toEqual([1, 2]);
    expect(listOf({ items: [3], total: 1, page: 1, pageSize: 20 })).toEqual([3]);
    expect(listOf({ kind: 'theft', runId: 4, entries: [{ rank: 1 }] })).toEqual([{ rank: 1 }]);
    expect(listOf({ runId: null, offers: [] })).toEqual([]);
  });

  it('has no rows for anything else', () => {
    expect(listOf(null)).toEqual([]);
    expect(listOf(undefined)).toEqual([]);
    expect(listOf({ ok: true })).toEqual([]);
    expect(listOf('text')).toEqual([]);
  });
});
