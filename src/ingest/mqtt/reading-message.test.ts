import { describe, expect, it } from 'vitest';
import { MeterResolver } from '../readings/meter-resolver.js';
import { ReadingBatchBuilder } from '../readings/reading-batch.js';
import { readingRules } from '../readings/reading-rules.js';
import { MqttConfig, type MqttConfigInput } from './config.js';
import { ReadingMessageReader, type MqttMessage } from './reading-message.js';

const now = Date.UTC(2026, 6, 1);
const topic = (meter: string) => `gridlens/meters/${meter}/readings`;
const message = (meter: string, payload: unknown, messageId = 7): MqttMessage =>
  ({ topic: topic(meter), payload: Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)), messageId });

function read(messages: MqttMessage[], config: MqttConfigInput = {}) {
  const reader = new ReadingMessageReader(MqttConfig.parse(config));
  const builder = new ReadingBatchBuilder({
    meters: new MeterResolver([['M1', 1], ['M2', 2]]), rules: readingRules(now), sourceId: 3, batchRows: 100, registerMeters: false, intervalMinutes: 15,
  });
  for (const m of messages) reader.addTo(builder, reader.decode(m));
  const { batch, rejects } = builder.take(0);
  const c = batch.columns as { meter_id: Int32Array; channel: Uint8Array; ts: Float64Array; kwh: Float64Array };
  const rows = Array.from({ length: batch.rowCount }, (_, i) => `${c.meter_id[i]} ${c.channel[i]} ${new Date(c.ts[i]).toISOString()} ${c.kwh[i]}`);
  return { rows, rejects: rejects.map((r) => `${r.messageId} ${r.code}: ${r.reason}`), raw: rejects.map((r) => r.raw) };
}

describe('ReadingMessageReader', () => {
  it('reads one reading or an array per message, the meter from the topic, ISO offsets as absolute', () => {
    const { rows, rejects } = read([
      message('M1', { ts: '2026-06-01T08:15:00+08:00', kwh: 0.123, channel: 'import', seq: 42 }),
      message('M2', [{ ts: '2026-06-01T00:30:00Z', kwh: 1.5 }, { ts: Date.UTC(2026, 5, 1, 0, 45), kwh: 2, channel: 'export' }]),
    ]);
    expect(rejects).toEqual([]);
    expect(rows).toEqual(['1 1 2026-06-01T00:15:00.000Z 0.123', '2 1 2026-06-01T00:30:00.000Z 1.5', '2 2 2026-06-01T00:45:00.000Z 2']);
  });

  it('reads times without an offset in the configured zone, and interval-end labels as starts', () => {
    const { rows } = read([message('M1', { ts: '2026-06-01 08:15', kwh: 1 })], { timestampAt: 'end' });
    expect(rows).toEqual(['1 1 2026-06-01T00:00:00.000Z 1']);
  });

  it('rejects malformed messages and readings with where (topic, seq or packet id) and why', () => {
    const { rows, rejects, raw } = read([
      message('M1', '{"ts": "2026-06-01T08:15:00+08:00", "kwh": 0.1', 11),
      message('M9', { ts: '2026-06-01T08:15:00+08:00', kwh: 0.1, seq: 5 }),
      message('M1', [{ ts: 'yesterday', kwh: 1, seq: 6 }, { ts: '2026-06-01T08:30:00+08:00', kwh: -0.5 }, { ts: '2026-06-01T08:45:00+08:00', kwh: 0.2 }], 12),
      message('M1', { ts: '2026-06-01T09:00:00+08:00', kwh: '0.3', seq: 8 }),
      message('M1', { ts: '2026-06-01T09:15:00+08:00', kwh: 0.3, channel: 'sideways', seq: 9 }),
      message('M1', { ts: '2027-06-01T09:15:00+08:00', kwh: 0.3, seq: 10 }),
      message('M1', [], 13),
      message('M1', 42, 14),
    ]);
    expect(rows).toEqual(['1 1 2026-06-01T00:45:00.000Z 0.2']);
    expect(rejects).toEqual([
      expect.stringMatching(/^gridlens\/meters\/M1\/readings mid=11 malformed: bad JSON: /),
      'gridlens/meters/M9/readings seq=5 unknown_meter: unknown meter "M9" (not in the meters table)',
      'gridlens/meters/M1/readings seq=6 invalid_time: cannot read time "yesterday" as ymd',
      expect.stringMatching(/^gridlens\/meters\/M1\/readings mid=12\[1\] negative_value: negative value -0.5 kWh/),
      'gridlens/meters/M1/readings seq=8 invalid_value: kwh must be a number, got "0.3"',
      'gridlens/meters/M1/readings seq=9 invalid_value: unknown channel "sideways"',
      expect.stringMatching(/^gridlens\/meters\/M1\/readings seq=10 future_timestamp: /),
      'gridlens/meters/M1/readings mid=13 malformed: empty array: no readings',
      'gridlens/meters/M1/readings mid=14 malformed: expected a reading object or an array of readings',
    ]);
    expect(raw[0]).toBe('{"ts": "2026-06-01T08:15:00+08:00", "kwh": 0.1');
    expect(raw[3]).toBe('{"ts":"2026-06-01T08:30:00+08:00","kwh":-0.5}');
  });

  it('rejects a topic without the meter level and a message with more readings than a batch holds', () => {
    const reader = new ReadingMessageReader(MqttConfig.parse({ topic: 'site/+/meters/+/readings', meterLevel: 3, batchRows: 2 }));
    expect(reader.decode({ topic: 'site/a', payload: Buffer.from('{}') }).failure?.reason).toBe('topic "site/a" has no meter number at level 3');
    const big = reader.decode({ topic: 'site/a/meters/M1/readings', payload: Buffer.from(JSON.stringify([{}, {}, {}])) });
    expect(big.failure).toEqual({ code: 'malformed', reason: '3 readings in one message; at most batchRows = 2' });
    expect(reader.decode({ topic: 'site/a/meters/M1/readings', payload: Buffer.from('[{}, {}]') }).meterNo).toBe('M1');
  });
});
