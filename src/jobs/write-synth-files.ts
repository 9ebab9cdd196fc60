import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { utcOffsetMinutes } from '../core/time/index.js';
import type { ProgressListener } from '../core/record-batch.js';
import { parseSynthOptions, type SynthOptions } from '../synth/synth-options.js';
import { openDuckDb } from '../warehouse/duckdb/index.js';
import { migrate } from '../warehouse/migrations/index.js';
import { loadSynthetic } from './load-synthetic.js';
import { writeGreenButtonFeed } from './synth-files/green-button-export.js';
import { readingExports, recordExports, runExport, type ExportSpec } from './synth-files/tabular-exports.js';
import { cleanRequest, type SynthRequest } from './synth-request.js';

export const synthFileFormats = ['csv', 'parquet', 'green-button', 'jsonl'] as const;
export type SynthFileFormat = (typeof synthFileFormats)[number];

export interface WrittenFile {
  readonly path: string;
  readonly format: string;
  readonly rows: number;
  readonly description: string;
}

export interface SynthFilesResult {
  readonly options: SynthOptions;
  readonly files: WrittenFile[];
  readonly readings: number;
  readonly seconds: number;
}

/**
 * Writes the synthetic utility as the files a utility's systems would hand over: CSV (long and
 * wide), Parquet, Green Button XML and JSON lines, plus ground truth under `truth/` and a manifest.
 * The data goes through a scratch DuckDB file so memory stays flat at any size.
 */
export async function writeSynthFiles(
  request: SynthRequest,
  outDir: string,
  { formats = [...synthFileFormats], greenButtonMeters = 20, onProgress }: { formats?: SynthFileFormat[]; greenButtonMeters?: number; onProgress?: ProgressListener } = {},
): Promise<SynthFilesResult> {
  const options = parseSynthOptions(cleanRequest(request));
  const started = performance.now();
  for (const dir of ['csv', 'parquet', 'jsonl', 'green-button', 'truth']) mkdirSync(join(outDir, dir), { recursive: true });
  const scratch = join(tmpdir(), `gridlens-synth-${process.pid}-${Date.now()}.duckdb`);
  const wh = await openDuckDb(scratch);
  try {
    await migrate(wh);
    const loaded = await loadSynthetic(wh, options, onProgress);
    const offset = utcOffsetMinutes(options.timeZone, Date.parse(`${options.start}T00:00:00Z`));
    const wanted = new Set<string>(formats);
    const specs: ExportSpec[] = [
      ...readingExports(offset, options.intervalMinutes).filter((s) => wanted.has(s.format)),
      ...recordExports(wanted),
    ];
    const files: WrittenFile[] = [];
    for (const [i, spec] of specs.entries()) {
      onProgress?.({ phase: 'export', done: i, total: specs.length });
      files.push({ path: spec.file, format: spec.format, rows: await runExport(wh, spec, join(outDir, spec.file)), description: spec.description });
    }
    if (wanted.has('green-button')) files.push(...(await writeGreenButton(wh, outDir, greenButtonMeters, offset * 60)));
    onProgress?.({ phase: 'export', done: specs.length, total: specs.length });
    writeManifest(outDir, options, offset, files);
    return { options, files, readings: loaded.rowsByTable.readings ?? 0, seconds: (performance.now() - started) / 1000 };
  } finally {
    await wh.close();
    rmSync(scratch, { force: true });
    rmSync(`${scratch}.wal`, { force: true });
  }
}

async function writeGreenButton(wh: Awaited<ReturnType<typeof openDuckDb>>, outDir: string, count: number, tzOffsetSeconds: number): Promise<WrittenFile[]> {
  const meters = await wh.query<{ meter_id: number; meter_no: string }>(
    `SELECT m.meter_id, m.meter_no FROM meters m JOIN customers c USING (customer_id)
     ORDER BY (c.customer_type = 'residential') DESC, m.meter_id LIMIT ?`, [count]);
  const files: WrittenFile[] = [];
  for (const m of meters) {
    const file = `green-button/${m.meter_no}.xml`;
    const rows = await writeGreenButtonFeed(wh, m.meter_id, join(outDir, file), tzOffsetSeconds);
    files.push({ path: file, format: 'green-button', rows, description: `Green Button ESPI feed of meter ${m.meter_no}` });
  }
  return files;
}

function writeManifest(outDir: string, options: SynthOptions, offsetMinutes: number, files: WrittenFile[]): void {
  const manifest = {
    generator: 'gridlens synth', options, timeZone: options.timeZone, utcOffsetMinutes: offsetMinutes,
    readings: { unit: 'kWh', resolution: 0.001, intervalMinutes: options.intervalMinutes, timestamps: 'interval start, local wall-clock time in CSV; UTC in Parquet' },
    files,
  };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
