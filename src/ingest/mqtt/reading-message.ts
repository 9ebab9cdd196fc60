import { Channel } from '../../core/schemas/meter.js';
import type { RejectCode } from '../connector.js';
import { parseChannel } from '../readings/energy-units.js';
import { LocalClock } from '../readings/local-time.js';
import type { ReadingBatchBuilder, RecordRef } from '../readings/reading-batch.js';
import { TimeReader } from '../readings/time-reader.js';
import { meterLevelOf, type MqttConfig } from './config.js';

/** One message as delivered by the broker. */
export interface MqttMessage {
  readonly topic: string;
  readonly payload: Buffer;
  /** MQTT packet identifier (QoS 1); absent for QoS 0. */
  readonly messageId?: number;
  /** Redelivery flag (DUP): the broker sent it before without getting an acknowledgement. */
  readonly dup?: boolean;
}

/** A message decoded far enough to know how many readings it holds. */
export interface DecodedMessage {
  readonly message: MqttMessage;
  readonly text: string;
  readonly meterNo: string;
  /** The reading objects; empty when the whole message is rejected. */
  readonly items: readonly unknown[];
  readonly array: boolean;
  readonly failure?: { readonly code: RejectCode; readonly reason: string };
}

/** Longest raw text kept in quarantine for one message. */
const MAX_RAW = 16_384;
const MAX_TOPIC_CACHE = 200_000;

type Item = Record<string, unknown>;

/**
 * Reads reading messages: the meter number from the topic level, the payload as JSON — one
 * `{ ts, kwh, channel?, seq? }` object or an array of them — and each reading through the shared
 * builder (meter lookup, future and negative-import rules). Rejects name the topic, the reading's
 * `seq` (else the packet id) and why.
 */
export class ReadingMessageReader {
  private readonly level: number;
  private readonly times: TimeReader;
  private readonly defaultChannel: number;
  private readonly meterByTopic = new Map<string, string>();

  constructor(private readonly config: MqttConfig) {
    this.level = meterLevelOf(config);
    const shift = config.timestampAt === 'end' ? -config.intervalMinutes * 60_000 : 0;
    this.times = new TimeReader('ymd', new LocalClock(config.timeZone), shift);
    this.defaultChannel = config.channel === 'export' ? Channel.export : Channel.import;
  }

  /** Parses the payload; a message that cannot be read at all carries a `failure`. */
  decode(message: MqttMessage): DecodedMessage {
    const text = message.payload.toString('utf8');
    const meterNo = this.meterOf(message.topic);
    const base = { message, text, meterNo, items: [], array: false };
    if (meterNo === '') return { ...base, failure: { code: 'malformed', reason: `topic "${message.topic}" has no meter number at level ${this.level}` } };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { ...base, failure: { code: 'malformed', reason: `bad JSON: ${error instanceof Error ? error.message : String(error)}` } };
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return { ...base, failure: { code: 'malformed', reason: 'empty array: no readings' } };
      if (value.length > this.config.batchRows) {
        return { ...base, failure: { code: 'malformed', reason: `${value.length} readings in one message; at most batchRows = ${this.config.batchRows}` } };
      }
      return { ...base, items: value, array: true };
    }
    if (!isItem(value)) return { ...base, failure: { code: 'malformed', reason: 'expected a reading object or an array of readings' } };
    return { ...base, items: [value] };
  }

  /** Adds a decoded message to the batch: its readings, or one reject per bad reading (or for the message). */
  addTo(builder: ReadingBatchBuilder, decoded: DecodedMessage): void {
    const { message } = decoded;
    if (decoded.failure) {
      builder.reject({ messageId: this.refOf(message, undefined, undefined) }, clip(decoded.text), decoded.failure.code, decoded.failure.reason);
      return;
    }
    for (let i = 0; i < decoded.items.length; i++) {
      const item = decoded.items[i];
      const index = decoded.array ? i : undefined;
      const raw = decoded.array ? () => clip(JSON.stringify(item)) : () => clip(decoded.text);
      if (!isItem(item)) {
        builder.reject({ messageId: this.refOf(message, index, undefined) }, raw, 'malformed', 'reading is not a JSON object');
        continue;
      }
      this.addItem(builder, decoded.meterNo, item, { messageId: this.refOf(message, index, item.seq) }, raw);
    }
  }

  private addItem(builder: ReadingBatchBuilder, meterNo: string, item: Item, ref: RecordRef, raw: () => string): void {
    const ts = this.timeOf(item.ts);
    if (Number.isNaN(ts)) return void builder.reject(ref, raw, this.times.failure.code, this.times.failure.reason);
    const kwh = item.kwh;
    if (typeof kwh !== 'number' || !Number.isFinite(kwh)) {
      return void builder.reject(ref, raw, 'invalid_value', `kwh must be a number, got ${JSON.stringify(kwh) ?? 'nothing'}`);
    }
    const channel = item.channel === undefined || item.channel === null ? this.defaultChannel : parseChannel(String(item.channel));
    if (channel === 0) return void builder.reject(ref, raw, 'invalid_value', `unknown channel ${JSON.stringify(item.channel)}`);
    builder.add(meterNo, channel, ts, kwh, ref, raw);
  }

  /** UTC interval start of a `ts` field: ISO text (offset or local time of `timeZone`) or epoch milliseconds. */
  private timeOf(value: unknown): number {
    if (typeof value === 'string') return this.times.read(value);
    if (typeof value === 'number' && Number.isInteger(value)) return this.times.fromNaive(value, true);
    this.times.failure = { code: 'invalid_time', reason: `ts must be an ISO timestamp or epoch milliseconds, got ${JSON.stringify(value) ?? 'nothing'}` };
    return Number.NaN;
  }

  private meterOf(topic: string): string {
    let meterNo = this.meterByTopic.get(topic);
    if (meterNo === undefined) {
      meterNo = topic.split('/')[this.level] ?? '';
      if (this.meterByTopic.size >= MAX_TOPIC_CACHE) this.meterByTopic.clear();
      this.meterByTopic.set(topic, meterNo);
    }
    return meterNo;
  }

  /** Where a record came from: `<topic> seq=<seq>`, else `<topic> mid=<packet id>`, plus `[i]` inside an array. */
  private refOf(message: MqttMessage, index: number | undefined, seq: unknown): string {
    if (typeof seq === 'number' || (typeof seq === 'string' && seq !== '')) return `${message.topic} seq=${seq}`;
    const at = index === undefined ? '' : `[${index}]`;
    return `${message.topic} mid=${message.messageId ?? 0}${at}`;
  }
}

function isItem(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const clip = (text: string) => (text.length > MAX_RAW ? `${text.slice(0, MAX_RAW)}…` : text);
