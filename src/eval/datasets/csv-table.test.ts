import { describe, expect, it } from 'vitest';
import { columnIndex, parseCsv, parseNumber } from './csv-table.js';

describe('csv table', () => {
  it('parses quoted thousands separators and empty cells', () => {
    const table = parseCsv('\uFEFFzone_id,h1,h2\r\n1,"16,853",\r\n\r\n2,7,"1,002.5"\n');
    expect(table.header).toEqual(['zone_id', 'h1', 'h2']);
    expect(table.rows.map((r) => r.map(parseNumber))).toEqual([[1, 16853, NaN], [2, 7, 1002.5]]);
    expect(columnIndex(table, 'h2', 'x.csv')).toBe(2);
    expect(() => columnIndex(table, 'h3', 'x.csv')).toThrow(/x.csv has no column h3/);
    expect(parseNumber(' ')).toBeNaN();
  });
});
