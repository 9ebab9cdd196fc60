import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runConnectorContract, type FixtureSpec } from '../connector-contract.testkit.js';
import { JsonlConnector } from './jsonl-connector.js';

/** App events; bad lines: broken JSON, an unknown event type, a missing customer. */
function makeFixture(dir: string, { rows, bad }: FixtureSpec) {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    lines.push(JSON.stringify({ event_id: `E${i}`, customer_id: `C${i % 13}`, ts: `2025-03-0${1 + (i % 9)} 10:00:${String(i % 60).padStart(2, '0')}`, event_type: 'login', channel: 'app', properties: { method: 'sms' } }));
  }
  const badLines = ['{"event_id": "X1", "customer_id": ', '{"event_id":"X2","customer_id":"C1","ts":"2025-03-01 10:00:00","event_type":"dance","channel":"app","properties":{}}', '{"event_id":"X3","ts":"2025-03-01 10:00:00","event_type":"login","channel":"app","properties":{}}'];
  for (let k = 0; k < bad; k++) lines.splice(1 + k * 3, 0, badLines[k % badLines.length]);
  const path = join(dir, 'events.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, expectedRows: rows };
}

runConnectorContract({ name: 'jsonl', create: (config) => new JsonlConnector(config), makeFixture });
