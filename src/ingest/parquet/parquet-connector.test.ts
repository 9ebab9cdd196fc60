import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDuckDb } from '../../warehouse/duckdb/index.js';
import { runConnectorContract, type FixtureSpec } from '../connector-contract.testkit.js';
import { ParquetConnector } from './parquet-connector.js';

/** Parquet written by DuckDB from a CSV: UTC timestamps, bad rows with an unknown meter, a NULL value and an unknown channel. */
async function makeFixture(dir: string, { rows, bad }: FixtureSpec) {
  const lines = ['meter_no,channel,ts,kwh'];
  for (let i = 0; i < rows; i++) lines.push(`M${String((i % 10) + 1).padStart(4, '0')},1,${new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 10) * 900_000).toISOString().slice(0, 19).replace('T', ' ')},${(i % 7) / 4}`);
  const badLines = ['M9999,1,2025-01-01 00:00:00,1.0', 'M0001,1,2025-01-02 00:00:00,', 'M0001,7,2025-01-03 00:00:00,2.5'];
  for (let k = 0; k < bad; k++) lines.push(badLines[k % badLines.length]);
  writeFileSync(join(dir, 'src.csv'), `${lines.join('\n')}\n`);
  const path = join(dir, 'readings.parquet');
  const wh = await openDuckDb(':memory:');
  await wh.run(`COPY (SELECT * FROM read_csv(?, types = {'ts': 'TIMESTAMP', 'channel': 'VARCHAR'})) TO '${path.replaceAll("'", "''")}' (FORMAT PARQUET)`, [join(dir, 'src.csv')]);
  await wh.close();
  return { path, expectedRows: rows };
}

runConnectorContract({
  name: 'parquet', create: (config) => new ParquetConnector(config), makeFixture,
  skip: [{ reason: 'Parquet compresses its pages itself; a gzipped .parquet is not a format', tests: ['reads .gz the same as the plain file', 'a truncated .gz is an error naming the file'] }],
});
