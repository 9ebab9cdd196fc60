/**
 * The CSV engines the ingest tests run under: `auto` (DuckDB bulk loads wherever they apply, the JS
 * reader for the rest) and `js` (the JS reader for every file). Both must give the same store.
 */
export const csvEngines = ['auto', 'js'] as const;
export type CsvTestEngine = (typeof csvEngines)[number];

/** The bulk mode a CSV file is expected to load with under an engine (undefined: read batch by batch). */
export const bulkUnder = (engine: CsvTestEngine, mode: 'direct' | 'staged') => (engine === 'js' ? undefined : mode);
