import type { GridLensConfig } from '../core/config.js';
import type { ProgressListener } from '../core/record-batch.js';
import { parseSynthOptions, type SynthOptions } from '../synth/synth-options.js';
import { allTables } from '../warehouse/schema/index.js';
import { countRows, type TableInfo } from './db-info.js';
import { loadSynthetic, readingsChecksum, storeChecksum } from './load-synthetic.js';
import { withStore } from './store.js';
import { cleanRequest, type SynthRequest } from './synth-request.js';

export interface DemoResult {
  readonly created: boolean;
  readonly options: SynthOptions;
  readonly seconds: number;
  readonly readings: number;
  readonly readingsChecksum: string;
  /** Checksum over every table: equal for equal seeds and options, whatever the thread count. */
  readonly storeChecksum: string;
  readonly tables: TableInfo[];
}

/**
 * Creates the demo utility in the store. An existing store with readings is left alone unless
 * `force` is set, in which case every table is emptied first.
 */
export async function createDemo(
  config: Pick<GridLensConfig, 'db'>,
  request: SynthRequest,
  { force = false, onProgress }: { force?: boolean; onProgress?: ProgressListener } = {},
): Promise<DemoResult> {
  const options = parseSynthOptions(cleanRequest(request));
  const started = performance.now();
  return withStore(config, async (wh) => {
    const [{ n }] = await wh.query<{ n: number }>('SELECT count(*) AS n FROM readings');
    if (n > 0 && !force) {
      return { created: false, options, seconds: 0, readings: n, readingsChecksum: await readingsChecksum(wh), storeChecksum: await storeChecksum(wh), tables: await countRows(wh) };
    }
    for (const table of allTables) await wh.run(`DELETE FROM ${wh.dialect.quoteIdent(table.name)}`);
    const loaded = await loadSynthetic(wh, options, onProgress);
    await wh.run('CHECKPOINT');
    return {
      created: true,
      options,
      seconds: (performance.now() - started) / 1000,
      readings: loaded.rowsByTable.readings ?? 0,
      readingsChecksum: await readingsChecksum(wh),
      storeChecksum: await storeChecksum(wh),
      tables: await countRows(wh),
    };
  });
}
