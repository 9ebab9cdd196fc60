import mqtt from 'mqtt';

/** Test and benchmark load for the MQTT connector: generated meter readings and a flow-controlled publisher. */

export interface LoadMessage {
  readonly topic: string;
  readonly payload: string;
  readonly readings: number;
}

export interface ReadingLoad {
  /** Topic prefix; messages go to `<root>/<meterNo>/readings`. */
  readonly root: string;
  readonly meters: readonly string[];
  /** Interval start of the first reading (epoch ms, UTC). */
  readonly startMs: number;
  /** 15-minute intervals per meter. */
  readonly steps: number;
  /** Readings per message, cycled over meters (1 = a single object, more = an array). */
  readonly sizes: readonly number[];
}

const STEP_MS = 15 * 60_000;
const CST_MS = 8 * 3_600_000;

/** The energy of meter `m` (0-based) at step `s`: deterministic, 3 decimals. */
export const loadKwh = (m: number, s: number) => ((m * 7919 + s * 104_729) % 5000) / 1000;

/** ISO text of an instant in China Standard Time, as meters send it. */
export const cstIso = (ms: number) => `${new Date(ms + CST_MS).toISOString().slice(0, 19)}+08:00`;

/** Every meter's readings, chunked per meter and sent round-robin over meters (as live meters interleave). */
export function* readingMessages(load: ReadingLoad): Generator<LoadMessage> {
  const chunks = load.meters.map((_, m) => load.sizes[m % load.sizes.length]);
  const rounds = Math.max(...chunks.map((size) => Math.ceil(load.steps / size)));
  for (let r = 0; r < rounds; r++) {
    for (let m = 0; m < load.meters.length; m++) {
      const from = r * chunks[m], to = Math.min(load.steps, from + chunks[m]);
      if (from >= to) continue;
      const items = [];
      for (let s = from; s < to; s++) items.push({ ts: cstIso(load.startMs + s * STEP_MS), kwh: loadKwh(m, s), channel: 'import', seq: s });
      const payload = JSON.stringify(chunks[m] === 1 ? items[0] : items);
      yield { topic: `${load.root}/${load.meters[m]}/readings`, payload, readings: items.length };
    }
  }
}

export interface PublishOptions {
  readonly url: string;
  readonly clientId: string;
  /** Publishes awaiting their PUBACK at once (default 200). */
  readonly concurrency?: number;
  /** Flow control: publishing waits while this returns false (given the messages published so far). */
  readonly mayPublish?: (published: number) => boolean;
  /** Called with the count after every publish acknowledged by the broker. */
  readonly onPublished?: (published: number) => void;
}

export interface PublishResult {
  readonly messages: number;
  readonly readings: number;
  readonly seconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Publishes with QoS 1 on a persistent session, retrying what failed, through broker restarts:
 * resolves when the broker acknowledged every message.
 */
export async function publishMessages(messages: Iterable<LoadMessage>, options: PublishOptions): Promise<PublishResult> {
  const client = mqtt.connect(options.url, {
    clientId: options.clientId, clean: false, protocolVersion: 5, reconnectPeriod: 200, connectTimeout: 5_000,
    properties: { sessionExpiryInterval: 600 },
  });
  client.on('error', () => undefined); // reconnects by itself
  const started = performance.now();
  const limit = options.concurrency ?? 200;
  let inFlight = 0, published = 0, acked = 0, readings = 0;
  const retry: LoadMessage[] = [];
  const send = (message: LoadMessage) => {
    inFlight++;
    client.publish(message.topic, message.payload, { qos: 1 }, (error) => {
      inFlight--;
      if (error) return void retry.push(message);
      acked++;
      options.onPublished?.(acked);
    });
  };
  try {
    for (const message of messages) {
      while (inFlight >= limit || !(options.mayPublish?.(published) ?? true)) await sleep(2);
      while (retry.length > 0) send(retry.shift() as LoadMessage);
      send(message);
      published++;
      readings += message.readings;
    }
    while (inFlight > 0 || retry.length > 0) {
      while (retry.length > 0) send(retry.shift() as LoadMessage);
      await sleep(5);
    }
    return { messages: published, readings, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.endAsync();
  }
}

/** Ends the broker's persistent sessions of these client ids (a clean start with no expiry discards them). */
export async function dropSessions(url: string, clientIds: readonly string[]): Promise<void> {
  for (const clientId of clientIds) {
    const client = await mqtt.connectAsync(url, { clientId, clean: true, protocolVersion: 5, reconnectPeriod: 0, properties: { sessionExpiryInterval: 0 } });
    await client.endAsync();
  }
}
