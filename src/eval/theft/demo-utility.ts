import { generateUtility } from '../../synth/utility-generator.js';
import { parseSynthOptions, type SynthOptions, type SynthOptionsInput } from '../../synth/synth-options.js';
import { openDuckDb } from '../../warehouse/duckdb/index.js';
import { migrate } from '../../warehouse/migrations/index.js';
import type { Warehouse } from '../../warehouse/warehouse.js';

/** A generated utility in an in-memory warehouse, and the options it was made with. */
export interface DemoUtility {
  readonly warehouse: Warehouse;
  readonly options: SynthOptions;
}

/** Generates the synthetic utility straight into a fresh in-memory DuckDB (worker threads on every core). */
export async function generateDemoUtility(input: SynthOptionsInput): Promise<DemoUtility> {
  const options = parseSynthOptions({ threads: 0, ...input });
  const warehouse = await openDuckDb(':memory:');
  try {
    await migrate(warehouse);
    for await (const { table, batch } of generateUtility(options)) if (batch.rowCount > 0) await warehouse.append(table, batch);
    return { warehouse, options };
  } catch (error) {
    await warehouse.close();
    throw error;
  }
}
