import { readFileSync } from 'node:fs';
import type { GridLensConfig } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
import type { ProgressListener } from '../core/record-batch.js';
import {
  chooseConnectors, createConnector, expandPaths, ingestFiles, ingestFormats, type FilePlan, type IngestFormat, type IngestRunSummary,
} from '../ingest/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { withStore } from './store.js';

/** What a caller (CLI, API, test) asks to ingest. Unset options take each connector's documented default. */
export interface IngestRequest {
  readonly paths: readonly string[];
  readonly format?: IngestFormat;
  /** A JSON mapping file: `format` plus connector options (columns, unit, timeZone, ...). */
  readonly mapping?: string;
  /** Connector options given as flags; they override the mapping file. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** "Now" for the future-timestamp rule (tests); default the clock. */
  readonly now?: Date;
  /** Keep negative values on import channels (VEE flags them later) instead of quarantining them. */
  readonly allowNegativeImport?: boolean;
  readonly mergeRows?: number;
}

export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

export interface IngestResult extends IngestRunSummary {
  readonly skipped: SkippedFile[];
}

export interface IngestJobOptions {
  readonly warehouse?: Warehouse;
  readonly onProgress?: ProgressListener;
}

/** `gridlens ingest`: expands the paths, picks a connector per file and runs the ingest pipeline. */
export async function ingest(config: Pick<GridLensConfig, 'db'>, request: IngestRequest, options: IngestJobOptions = {}): Promise<IngestResult> {
  const mapping = request.mapping ? readMapping(request.mapping) : {};
  const format = (request.format ?? mapping.format ?? 'auto') as IngestFormat;
  if (!ingestFormats.includes(format)) throw new ConfigError(`unknown format "${format}" (${ingestFormats.join(', ')})`, { format });
  const connectorOptions = { ...withoutFormat(mapping), ...definedOnly(request.options ?? {}) };
  const choices = chooseConnectors(expandPaths(request.paths), format);
  const skipped: SkippedFile[] = [];
  const plans: FilePlan[] = [];
  for (const choice of choices) {
    if ('skip' in choice) skipped.push({ path: choice.file.path, reason: choice.skip });
    else plans.push({ file: choice.file, connector: createConnector(choice.connector, { ...choice.options, ...connectorOptions }) });
  }
  return withStore(config, async (wh) => {
    const summary = await ingestFiles(wh, plans, {
      now: request.now, mergeRows: request.mergeRows, allowNegativeImport: request.allowNegativeImport, onProgress: options.onProgress,
      request: { paths: request.paths, format, mapping: request.mapping ?? null, options: connectorOptions },
    });
    return { ...summary, skipped };
  }, { warehouse: options.warehouse });
}

function readMapping(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ConfigError(`cannot read mapping file ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { mapping: path });
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected a JSON object');
    return value as Record<string, unknown>;
  } catch (cause) {
    throw new ConfigError(`mapping file ${path} is not a JSON object: ${cause instanceof Error ? cause.message : String(cause)}`, { mapping: path });
  }
}

function withoutFormat(mapping: Record<string, unknown>): Record<string, unknown> {
  const { format: _format, $comment: _comment, ...rest } = mapping;
  return rest;
}

function definedOnly(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}
