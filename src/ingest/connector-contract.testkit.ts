import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb } from '../warehouse/duckdb/index.js';
import { allTables } from '../warehouse/schema/registry.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { Connector, ConnectorContext, SourceBatch, SourceFile } from './connector.js';
import { connectorRegistry } from './connector-registry.js';
import { IngestFileError } from './ingest-errors.js';
import { MeterResolver } from './readings/meter-resolver.js';
import { readingRules } from './readings/reading-rules.js';

/** Meters every fixture may use: meter_no `M0001`..`M0010` → meter_id 1..10. */
export const contractMeters: readonly (readonly [string, number])[] = Array.from({ length: 10 }, (_, i) => [`M${String(i + 1).padStart(4, '0')}`, i + 1] as const);

/** "Now" of the contract: fixtures date their records before it. */
export const contractNow = Date.UTC(2026, 0, 1);

export interface FixtureSpec {
  /** Good records to write. */
  readonly rows: number;
  /** Bad records to mix in (each rejected with a reason). */
  readonly bad: number;
}

export interface ConnectorFixture {
  readonly path: string;
  /** Accepted rows the connector must yield (readings, or records). */
  readonly expectedRows: number;
}

export interface ContractSkip {
  readonly reason: string;
  readonly tests: readonly string[];
}

export interface ConnectorContractOptions {
  readonly name: string;
  /** A connector with the given options (merged over the fixture's defaults). */
  readonly create: (config?: Record<string, unknown>) => Connector;
  /** Writes a source file in `dir` (plain, not compressed) and says what reading it must give. */
  readonly makeFixture: (dir: string, spec: FixtureSpec) => ConnectorFixture | Promise<ConnectorFixture>;
  readonly skip?: readonly ContractSkip[];
  /** Options `create` applies to every connector (e.g. an engine); the defaults test expects them on top of the defaults. */
  readonly baseConfig?: Record<string, unknown>;
}

async function readAll(connector: Connector, path: string, sql: Warehouse): Promise<SourceBatch[]> {
  const file: SourceFile = { path, bytes: existsSync(path) ? statSync(path).size : 0 };
  const context: ConnectorContext = { meters: new MeterResolver(contractMeters), rules: readingRules(contractNow), sql, sourceId: 7 };
  const batches: SourceBatch[] = [];
  for await (const batch of connector.read(file, context)) batches.push(batch);
  return batches;
}

const accepted = (batches: readonly SourceBatch[]) => batches.reduce((n, b) => n + b.batch.rowCount, 0);
const rejects = (batches: readonly SourceBatch[]) => batches.flatMap((b) => b.rejects);

function digest(batches: readonly SourceBatch[]): string {
  const hash = createHash('sha256');
  for (const b of batches) hash.update(JSON.stringify({ t: b.table, n: b.batch.rowCount, c: Object.fromEntries(Object.entries(b.batch.columns).map(([k, v]) => [k, Array.from(v as ArrayLike<unknown>)])) }));
  return hash.digest('hex');
}

/** The behaviour every connector must show. Each connector's test file calls this once. */
export function runConnectorContract(options: ConnectorContractOptions): void {
  const skipped = new Map<string, string>();
  for (const s of options.skip ?? []) for (const t of s.tests) skipped.set(t, s.reason);
  const test = (name: string, fn: () => Promise<void>) =>
    skipped.has(name) ? it.skip(`${name} (skipped: ${skipped.get(name)})`, fn) : it(name, fn);

  describe(`Connector contract: ${options.name}`, () => {
    let dir: string;
    let sql: Warehouse;
    let good: ConnectorFixture;
    let mixed: ConnectorFixture;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), `gridlens-contract-${options.name}-`));
      sql = await openDuckDb(':memory:');
      mkdirSync(join(dir, 'good'));
      mkdirSync(join(dir, 'mixed'));
      good = await options.makeFixture(join(dir, 'good'), { rows: 250, bad: 0 });
      mixed = await options.makeFixture(join(dir, 'mixed'), { rows: 40, bad: 3 });
    });
    afterAll(async () => {
      await sql?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('config parses to documented defaults', async () => {
      const connector = options.create();
      const schema = connectorRegistry[connector.name].schema;
      const undocumented = Object.entries(schema.shape).filter(([, field]) => !(field as { description?: string }).description).map(([k]) => k);
      expect(undocumented).toEqual([]);
      expect(connector.config).toEqual(schema.parse(options.baseConfig ?? {}));
    });

    test('yields every good record in batches addressed to its tables', async () => {
      const connector = options.create();
      const batches = await readAll(connector, good.path, sql);
      expect(accepted(batches)).toBe(good.expectedRows);
      expect(rejects(batches)).toEqual([]);
      for (const b of batches) {
        expect(connector.tables).toContain(b.table);
        const def = allTables.find((t) => t.name === b.table);
        expect(def).toBeDefined();
        for (const [name, values] of Object.entries(b.batch.columns)) {
          expect(def?.columns.map((c) => c.name)).toContain(name);
          expect((values as ArrayLike<unknown>).length).toBe(b.batch.rowCount);
        }
      }
    });

    test('keeps batches bounded (memory stays flat)', async () => {
      const batches = await readAll(options.create({ batchRows: 60 }), good.path, sql);
      expect(batches.filter((b) => b.batch.rowCount > 0).length).toBeGreaterThan(2);
      for (const b of batches) expect(b.batch.rowCount).toBeLessThanOrEqual(60);
      const bytes = batches.map((b) => b.bytesRead);
      expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    });

    test('rejects bad records with where and why, and keeps the good ones', async () => {
      const batches = await readAll(options.create(), mixed.path, sql);
      expect(accepted(batches)).toBe(mixed.expectedRows);
      const bad = rejects(batches);
      expect(bad.length).toBe(3);
      for (const r of bad) {
        expect(r.line ?? r.messageId).toBeDefined();
        expect(r.reason.length).toBeGreaterThan(5);
        expect(r.raw.length).toBeGreaterThan(0);
      }
    });

    test('reads .gz the same as the plain file', async () => {
      const gz = `${good.path}.gz`;
      writeFileSync(gz, gzipSync(readFileSync(good.path)));
      expect(digest(await readAll(options.create(), gz, sql))).toBe(digest(await readAll(options.create(), good.path, sql)));
    });

    test('a truncated .gz is an error naming the file', async () => {
      const gz = `${good.path}.cut.gz`;
      const full = gzipSync(readFileSync(good.path));
      writeFileSync(gz, full.subarray(0, Math.floor(full.length / 2)));
      const error = await readAll(options.create(), gz, sql).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(IngestFileError);
      expect(String((error as Error).message)).toContain(gz);
    });

    test('a missing file is an error naming it', async () => {
      const missing = join(dir, 'no-such-file');
      const error = await readAll(options.create(), missing, sql).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(IngestFileError);
      expect(String((error as Error).message)).toContain(missing);
    });

    test('reading is deterministic', async () => {
      expect(digest(await readAll(options.create(), mixed.path, sql))).toBe(digest(await readAll(options.create(), mixed.path, sql)));
    });
  });
}
