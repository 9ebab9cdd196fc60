import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { greenButtonBlock, greenButtonFooter, greenButtonHeader } from '../../synth/files/green-button-xml.js';
import { runConnectorContract, type FixtureSpec } from '../connector-contract.testkit.js';
import { GreenButtonConnector } from './green-button-connector.js';

/** A feed of meter M0003 written by the synthetic utility's writer; bad readings get a non-numeric value. */
function makeFixture(dir: string, { rows, bad }: FixtureSpec) {
  const meter = { meterNo: 'M0003', customerId: 'C1', intervalMinutes: 15, tzOffsetSeconds: 28_800, updated: new Date(Date.UTC(2025, 5, 1)) };
  const start = Date.UTC(2025, 0, 1) / 1000;
  const parts = [greenButtonHeader(meter)];
  for (let block = 0; block * 96 < rows; block++) {
    const n = Math.min(96, rows - block * 96);
    const starts = Array.from({ length: n }, (_, i) => start + (block * 96 + i) * 900);
    parts.push(greenButtonBlock(meter, block + 1, starts, starts.map((_, i) => (i % 9) / 8)));
  }
  let xml = parts.join('') + greenButtonFooter;
  for (let k = 0; k < bad; k++) xml = xml.replace(/<espi:value>(\d+)<\/espi:value><\/espi:IntervalReading>(?!<!--bad-->)/, '<espi:value>n/a</espi:value></espi:IntervalReading><!--bad-->');
  const path = join(dir, 'M0003.xml');
  writeFileSync(path, xml);
  return { path, expectedRows: rows - bad };
}

runConnectorContract({ name: 'green-button', create: (config) => new GreenButtonConnector(config), makeFixture });
