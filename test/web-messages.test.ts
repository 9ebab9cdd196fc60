import { describe, expect, it } from 'vitest';
import { withQuery } from '../web/src/api/client.js';
import { catalogues, format, type MessageKey } from '../web/src/i18n/messages.js';
import { parseHash } from '../web/src/route-path.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dashboard message catalogue', () => {
  const keys = Object.keys(catalogues.en) as MessageKey[];

  it('has every key in both languages, non-empty, with the same placeholders', () => {
    expect(Object.keys(catalogues['zh-CN']).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(catalogues.en[key].trim(), key).not.toBe('');
      expect(catalogues['zh-CN'][key].trim(), key).not.toBe('');
      expect(placeholders(catalogues['zh-CN'][key]), key).toEqual(placeholders(catalogues.en[key]));
    }
  });

  it('is really translated: every zh-CN string has Chinese characters', () => {
    const untranslated = keys.filter((k) => !/[\u4e00-\u9fff]/.test(catalogues['zh-CN'][k]));
    expect(untranslated).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('en', 'common.total', { n: 42 })).toBe('42 in total');
    expect(format('zh-CN', 'common.total', { n: 42 })).toBe('共 42 条');
    expect(format('en', 'common.total')).toBe('{n} in total');
  });
});

describe('dashboard routing and query strings', () => {
  it('parses hash routes', () => {
    expect(parseHash('')).toEqual([]);
    expect(parseHash('#/customers/C%2F1')).toEqual(['customers', 'C/1']);
    expect(parseHash('#/risk?x=1')).toEqual(['risk']);
  });

  it('drops empty query values and encodes the rest', () => {
    expect(withQuery('/customers', { q: '张 三', district: '', page: 2, tag: undefined, segment: null })).toBe('/customers?q=%E5%BC%A0+%E4%B8%89&page=2');
    expect(withQuery('/overview')).toBe('/overview');
  });
});
