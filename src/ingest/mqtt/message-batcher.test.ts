import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeterResolver } from '../readings/meter-resolver.js';
import { ReadingBatchBuilder } from '../readings/reading-batch.js';
import { readingRules } from '../readings/reading-rules.js';
import { MqttConfig } from './config.js';
import { MessageBatcher, type MessageBatcherOptions } from './message-batcher.js';
import { ReadingMessageReader, type MqttMessage } from './reading-message.js';

const config = MqttConfig.parse({});
let nextTs = Date.UTC(2026, 0, 1);
/** A message of `n` readings of meter M1 (or an unknown meter, registered when asked). */
function message(n = 1, meter = 'M1', dup = false): MqttMessage {
  const items = Array.from({ length: n }, () => ({ ts: new Date((nextTs += 900_000)).toISOString(), kwh: 1 }));
  return { topic: `gridlens/meters/${meter}/readings`, payload: Buffer.from(JSON.stringify(n === 1 ? items[0] : items)), messageId: 1, dup };
}

function batcher(options: Partial<MessageBatcherOptions> = {}, register = false) {
  const meters = new MeterResolver([['M1', 1]]);
  return new MessageBatcher({
    batchMessages: 3, batchRows: 10, flushMs: 50, reader: new ReadingMessageReader(config),
    newBuilder: () => ({
      meters, builder: new ReadingBatchBuilder({ meters, rules: readingRules(Date.UTC(2030, 0, 1)), sourceId: 1, batchRows: 10, registerMeters: register, intervalMinutes: 15 }),
    }),
    ...options,
  });
}

const released = () => {
  const calls: number[] = [];
  return { calls, release: (i: number) => () => void calls.push(i) };
};

afterEach(() => vi.useRealTimers());

describe('MessageBatcher', () => {
  it('seals a batch at batchMessages, keeps acks and counts redeliveries, and releases every delivery at once', async () => {
    const b = batcher();
    const r = released();
    for (let i = 0; i < 4; i++) b.offer(message(1, 'M1', i === 1), { messageId: 10 + i, generation: 1 }, r.release(i));
    expect(r.calls).toEqual([0, 1, 2, 3]);
    const first = await b.next();
    expect(first).toMatchObject({ messages: 3, redelivered: 1, acks: [{ messageId: 10 }, { messageId: 11 }, { messageId: 12 }] });
    expect(first?.batch.batch.rowCount).toBe(3);
    expect(first?.sha256).toMatch(/^[0-9a-f]{64}$/);
    b.stop();
    expect((await b.next())?.acks).toEqual([{ messageId: 13, generation: 1 }]);
    expect(await b.next()).toBeUndefined();
  });

  it('never splits a message: one that would overflow batchRows starts the next batch', async () => {
    const b = batcher();
    const r = released();
    b.offer(message(6), undefined, r.release(0));
    b.offer(message(6), undefined, r.release(1));
    b.stop();
    expect((await b.next())?.batch.batch.rowCount).toBe(6);
    expect((await b.next())?.batch.batch.rowCount).toBe(6);
  });

  it('seals a partial batch flushMs after its first message', async () => {
    vi.useFakeTimers();
    const b = batcher();
    b.offer(message(), undefined, () => undefined);
    const next = b.next();
    await vi.advanceTimersByTimeAsync(49);
    let done = false;
    void next.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await next)?.messages).toBe(1);
  });

  it('holds delivery while sealed batches exceed maxQueuedRows, until the writer takes one', async () => {
    const paused: boolean[] = [];
    const r = released();
    const b = batcher({ batchMessages: 1, maxQueuedRows: 2, onPause: (p) => paused.push(p) });
    b.offer(message(), undefined, r.release(0));
    b.offer(message(), undefined, r.release(1));
    expect(r.calls).toEqual([0]);
    expect(paused).toEqual([true]);
    await b.next();
    expect(r.calls).toEqual([0, 1]);
    expect(paused).toEqual([true, false]);
  });

  it('stops after maxMessages; later deliveries are released but neither stored nor acknowledged', async () => {
    const b = batcher({ maxMessages: 2 });
    const r = released();
    for (let i = 0; i < 3; i++) b.offer(message(), { messageId: i, generation: 1 }, r.release(i));
    expect(r.calls).toEqual([0, 1, 2]);
    expect((await b.next())?.acks.map((a) => a.messageId)).toEqual([0, 1]);
    expect(await b.next()).toBeUndefined();
    expect(b.messagesReceived).toBe(2);
  });

  it('hands each batch the meters registered while collecting it', async () => {
    const b = batcher({}, true);
    b.offer(message(1, 'NEW1'), undefined, () => undefined);
    b.offer(message(1, 'NEW1'), undefined, () => undefined);
    b.offer(message(1, 'NEW2'), undefined, () => undefined);
    b.offer(message(1, 'NEW3'), undefined, () => undefined);
    b.stop();
    expect((await b.next())?.newMeters.map((m) => m.meterNo)).toEqual(['NEW1', 'NEW2']);
    expect((await b.next())?.newMeters.map((m) => m.meterNo)).toEqual(['NEW3']);
  });

  it('throws a failure from next', async () => {
    const b = batcher();
    b.offer(message(), undefined, () => undefined);
    b.fail(new Error('not authorized'));
    await expect(b.next()).rejects.toThrow('not authorized');
  });
});
