/**
 * MQTT case of bench/ingest: sustained readings per second from publish to stored. The consumer
 * (`gridlens ingest mqtt` through its job, into a fresh DuckDB file) runs in this process, so its
 * peak RSS is the case's; the publisher runs in a child process and keeps at most WINDOW messages
 * ahead of what the consumer committed (Mosquitto's default queue of 1000 messages per client
 * would otherwise drop the excess).
 *   node --import tsx bench/ingest.ts mqtt READINGS_PER_MESSAGE N     (one case; prints one JSON line)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSessions, publishMessages, readingMessages } from '../src/ingest/mqtt/mqtt-load.testkit.js';
import { ingestMqtt } from '../src/jobs/ingest-mqtt.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import { reportCase, type CaseResult } from './lib/harness.js';

const BROKER = 'mqtt://127.0.0.1:1883';
const METERS = 1000;
const BATCH_MESSAGES = 2000;
/**
 * Messages the publisher may be ahead of the consumer's commits. Mosquitto's default limits
 * (max_queued_messages 1000) drop QoS 1 messages for a client with too large a backlog: on
 * 2.0.11 a backlog of about 4,000 (Receive Maximum 4,016 + queue) already lost messages, 3,000 did not.
 */
const WINDOW = 3000;
/** Cases run by bench/ingest.ts: [readings per message, readings] — single readings (message-bound) and meter-days of 96. */
export const mqttRuns: readonly (readonly [string, string])[] = [['1', '200000'], ['96', '2000000']];
const TARGET_READINGS_PER_SECOND = 50_000;

/** The MQTT part of bench/results/ingest.json's summary. */
export function mqttSummary(results: readonly CaseResult[]): Record<string, unknown> {
  const runs = results.filter((r) => r.name.startsWith('mqtt '));
  const best = Math.max(0, ...runs.map((r) => r.rowsPerSecond));
  const byReadingsPerMessage = Object.fromEntries(runs.map((r) => [String(r.readingsPerMessage), {
    readingsPerSecond: r.rowsPerSecond, messagesPerSecond: r.messagesPerSecond, peakRssMb: r.peakRssMb,
  }]));
  return {
    readingsPerSecond: best, byReadingsPerMessage, target: { readingsPerSecond: TARGET_READINGS_PER_SECOND }, met: best >= TARGET_READINGS_PER_SECOND,
    note: 'publish (child process, QoS 1) → Mosquitto 127.0.0.1:1883 → gridlens ingest mqtt → DuckDB file, until every reading is stored; acknowledged after commit',
  };
}

const meterNo = (m: number) => `BM${String(m + 1).padStart(8, '0')}`;

type ToPublisher = { committed: number };
type FromPublisher = { started: true } | { done: true; messages: number; readings: number };

function load(tag: string, perMessage: number, readings: number) {
  const meters = Array.from({ length: METERS }, (_, m) => meterNo(m));
  return readingMessages({ root: `${tag}/meters`, meters, startMs: Date.UTC(2026, 0, 1), steps: Math.ceil(readings / METERS), sizes: [perMessage] });
}

/** Child process: publishes the load, flow-controlled by the commits the parent reports. */
async function publisher(tag: string, perMessage: number, readings: number): Promise<void> {
  let committed = 0;
  process.on('message', (m: ToPublisher) => { committed = m.committed; });
  process.send?.({ started: true } satisfies FromPublisher);
  const result = await publishMessages(load(tag, perMessage, readings), { url: BROKER, clientId: `${tag}-pub`, concurrency: 500, mayPublish: (n) => n - committed < WINDOW });
  process.send?.({ done: true, messages: result.messages, readings: result.readings } satisfies FromPublisher);
  process.disconnect?.();
}

async function withStore<T>(work: (wh: Awaited<ReturnType<typeof openDuckDb>>) => Promise<T>): Promise<T> {
  const db = join(tmpdir(), `gridlens-bench-mqtt-${process.pid}.duckdb`);
  const wh = await openDuckDb(db, { memoryLimit: '1GB' });
  try {
    await migrate(wh);
    await wh.run(`INSERT INTO meters SELECT m + 1, 'BM' || lpad((m + 1)::VARCHAR, 8, '0'), 'C' || m, 'TA1', 1, 15, 'import', 1, DATE '2020-01-01' FROM range(0, ?) t(m)`, [METERS]);
    return await work(wh);
  } finally {
    await wh.close();
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
  }
}

/** Consumer: runs the ingest until every published message is stored; reports publish-to-stored throughput. */
export async function mqttCase(perMessageArg: string, readings: number): Promise<void> {
  const perMessage = Number(perMessageArg) || 1;
  const tag = `gridlens-bench-${process.pid}`;
  process.stderr.write(`bench ingest: mqtt ${perMessage} reading(s)/message, ${readings.toLocaleString('en-US')} readings\n`);
  await withStore(async (wh) => {
    const controller = new AbortController();
    let child: ChildProcess | undefined;
    let started = 0, storedAt = 0, committed = 0, published: { messages: number; readings: number } | undefined;
    const stopWhenAllStored = () => {
      if (!published || committed < published.messages || storedAt) return;
      storedAt = performance.now();
      controller.abort();
    };
    const run = ingestMqtt({ db: 'bench' }, { options: { url: BROKER, topic: `${tag}/meters/+/readings`, clientId: `${tag}-sub`, batchMessages: BATCH_MESSAGES } }, {
      warehouse: wh, signal: controller.signal,
      onEvent: (e) => { if (e.type === 'subscribed') child = startPublisher(); },
      onProgress: (p) => {
        committed = p.totals.messages;
        if (child?.connected) child.send({ committed } satisfies ToPublisher);
        stopWhenAllStored();
      },
    });
    const startPublisher = () => {
      const c = fork(new URL(import.meta.url).pathname, ['publish', tag, String(perMessage), String(readings)], { execArgv: ['--import', 'tsx'] });
      c.on('message', (m: FromPublisher) => {
        if ('started' in m) started = performance.now();
        else {
          published = { messages: m.messages, readings: m.readings };
          stopWhenAllStored();
        }
      });
      return c;
    };
    const summary = await run;
    const seconds = (storedAt - started) / 1000;
    await dropSessions(BROKER, [`${tag}-sub`, `${tag}-pub`]);
    const [{ n }] = await wh.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM readings');
    reportCase(`mqtt ${perMessage}x ${readings}`, n, seconds, {
      messages: summary.totals.messages, messagesPerSecond: Math.round(summary.totals.messages / seconds), readingsPerMessage: perMessage,
      batches: summary.totals.batches, stored: n, published: published?.readings ?? 0,
    });
  });
}

if (process.argv[2] === 'publish') await publisher(process.argv[3], Number(process.argv[4]), Number(process.argv[5]));
