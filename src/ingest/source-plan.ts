import { basename, extname, sep } from 'node:path';
import type { ConnectorName, SourceFile } from './connector.js';
import { referenceTableNames } from './records/record-tables.js';
import { referenceTableOf } from './reference/reference-connector.js';

/** Formats the CLI accepts; `csv-wide` is the CSV connector with the wide layout. */
export const ingestFormats = ['auto', 'csv', 'csv-wide', 'parquet', 'green-button', 'jsonl', 'reference'] as const;
export type IngestFormat = (typeof ingestFormats)[number];

export type FileChoice = { file: SourceFile; connector: ConnectorName; options: Record<string, unknown> } | { file: SourceFile; skip: string };

/** Tables GridLens stores that no file connector writes (series other systems deliver). */
const notIngested = new Set(['area_readings', 'weather', 'telemetry', 'register_reads', 'meter_events']);

const stemOf = (path: string) => basename(path).toLowerCase().replace(/\.gz$/, '').replace(/\.[^.]+$/, '');
const extOf = (path: string) => extname(path.toLowerCase().replace(/\.gz$/, ''));

/** Picks the connector of each file: the declared format, or by name and extension under `auto`. */
export function chooseConnectors(files: readonly SourceFile[], format: IngestFormat): FileChoice[] {
  const choices = files.map((file) => (format === 'auto' ? autoChoice(file) : declared(file, format)));
  return choices.sort((a, b) => rank(a) - rank(b));
}

function declared(file: SourceFile, format: Exclude<IngestFormat, 'auto'>): FileChoice {
  if (format === 'csv-wide') return { file, connector: 'csv', options: { layout: 'wide' } };
  return { file, connector: format, options: {} };
}

function autoChoice(file: SourceFile): FileChoice {
  const path = file.path;
  if (path.split(sep).includes('truth')) return { file, skip: 'ground truth of the synthetic utility, not source data' };
  if (basename(path) === 'manifest.json') return { file, skip: 'synthetic export manifest' };
  const stem = stemOf(path), ext = extOf(path);
  if (notIngested.has(stem)) return { file, skip: `no file connector writes ${stem}` };
  if (ext === '.xml') return { file, connector: 'green-button', options: {} };
  if (referenceTableOf(path) && ['.csv', '.txt', '.json', '.jsonl', '.ndjson'].includes(ext)) return { file, connector: 'reference', options: {} };
  if (ext === '.parquet') return (referenceTableNames as readonly string[]).includes(stem) ? { file, skip: 'reference data is read from CSV or JSON' } : { file, connector: 'parquet', options: {} };
  if (ext === '.jsonl' || ext === '.ndjson') return { file, connector: 'jsonl', options: {} };
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return { file, connector: 'csv', options: {} };
  return { file, skip: `unknown file type "${ext || basename(path)}": pass --format` };
}

/** Reference data first, in dependency order (meters before readings), then the rest in path order. */
function rank(choice: FileChoice): number {
  if ('skip' in choice || choice.connector !== 'reference') return referenceTableNames.length;
  const table = referenceTableOf(choice.file.path);
  return table ? referenceTableNames.indexOf(table) : referenceTableNames.length - 1;
}
