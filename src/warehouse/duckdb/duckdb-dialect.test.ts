import { describe, expect, it } from 'vitest';
import { volumeTables } from '../schema/index.js';
import { duckdbDialect } from './duckdb-dialect.js';

describe('duckdbDialect', () => {
  it('renders a bulk table without an index', () => {
    const readings = volumeTables.find((t) => t.name === 'readings')!;
    const sql = duckdbDialect.createTable(readings);
    expect(sql).toContain('"ts" TIMESTAMP NOT NULL');
    expect(sql).toContain('"kwh" DOUBLE,');
    expect(sql).not.toContain('PRIMARY KEY');
  });

  it('quotes identifiers with schemas and embedded quotes', () => {
    expect(duckdbDialect.quoteIdent('truth.theft')).toBe('"truth"."theft"');
    expect(duckdbDialect.quoteIdent('a"b')).toBe('"a""b"');
  });

  it('computes local calendar expressions from a fixed offset', () => {
    expect(duckdbDialect.localDate('ts', 480)).toBe('CAST((ts + INTERVAL 480 MINUTE) AS DATE)');
    expect(() => duckdbDialect.localHour('ts', 1.5)).toThrow(RangeError);
    expect(duckdbDialect.epochMs('r.ts')).toBe('epoch_ms(r.ts)');
  });

  it('inserts rows from one JSON parameter, casting what JSON carries as text', () => {
    const sql = duckdbDialect.insertJsonRows('audit_log', [{ name: 'seq', type: 'int64' }, { name: 'logged_at', type: 'timestamp' }]);
    expect(sql).toBe('INSERT INTO "audit_log" ("seq", "logged_at") SELECT CAST(r."seq" AS BIGINT), CAST(r."logged_at" AS TIMESTAMP) '
      + 'FROM (SELECT unnest(from_json(?, \'[{"seq":"BIGINT","logged_at":"VARCHAR"}]\')) AS r)');
  });

  it('escapes export paths', () => {
    expect(duckdbDialect.exportQuery('SELECT 1', "/tmp/o'brien.csv", 'csv')).toBe("COPY (SELECT 1) TO '/tmp/o''brien.csv' (FORMAT CSV, HEADER)");
  });
});
