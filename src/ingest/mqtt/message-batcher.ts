import { createHash, type Hash } from 'node:crypto';
import type { SourceBatch } from '../connector.js';
import type { MeterResolver, NewMeter } from '../readings/meter-resolver.js';
import type { ReadingBatchBuilder } from '../readings/reading-batch.js';
import type { DecodedMessage, MqttMessage, ReadingMessageReader } from './reading-message.js';

/** A message to acknowledge once its batch is committed: its packet id on the connection it came on. */
export interface PendingAck {
  readonly messageId: number;
  readonly generation: number;
}

/** A batch taken for writing. */
export interface SealedBatch {
  readonly batch: SourceBatch;
  readonly acks: readonly PendingAck[];
  readonly messages: number;
  readonly redelivered: number;
  readonly bytes: number;
  readonly sha256: string;
  readonly newMeters: readonly NewMeter[];
}

export interface MessageBatcherOptions {
  readonly batchMessages: number;
  readonly batchRows: number;
  readonly flushMs: number;
  readonly reader: ReadingMessageReader;
  /** A builder for the next batch, with the meter resolver it uses. */
  readonly newBuilder: () => { builder: ReadingBatchBuilder; meters: MeterResolver };
  /** Stop after this many messages. */
  readonly maxMessages?: number;
  /** Readings waiting in sealed batches at which delivery is held (memory guard; default 4 x batchRows). */
  readonly maxQueuedRows?: number;
  /** Called when delivery is held by the memory guard (true) and when it resumes (false). */
  readonly onPause?: (paused: boolean) => void;
}

interface OpenBatch {
  readonly builder: ReadingBatchBuilder;
  readonly meters: MeterResolver;
  readonly firstNewMeter: number;
  readonly acks: PendingAck[];
  readonly hash: Hash;
  messages: number;
  redelivered: number;
  bytes: number;
}

/**
 * Collects delivered messages into batches of at most `batchMessages` messages and `batchRows`
 * readings, sealed when full or `flushMs` after their first message, and queued for the writer.
 *
 * Flow control is the broker's: messages are acknowledged only after their batch is committed,
 * and the session's Receive Maximum (2 x batchMessages) stops the broker once that many are
 * unacknowledged — a batch being written and one being collected. Delivery is never held for
 * that (a client that stops reading makes Mosquitto drop messages under its default limits);
 * only when sealed batches hold more than `maxQueuedRows` readings (huge messages) is the next
 * delivery held until the writer catches up.
 */
export class MessageBatcher {
  private open: OpenBatch;
  private readonly sealed: SealedBatch[] = [];
  private queuedRows = 0;
  private held: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private failure: unknown;
  private waiter: (() => void) | undefined;
  private received = 0;

  constructor(private readonly options: MessageBatcherOptions) {
    this.open = this.newBatch();
  }

  /** Takes one delivery; `release` lets the transport deliver the next message. */
  offer(message: MqttMessage, ack: PendingAck | undefined, release: () => void): void {
    if (this.stopped) return release(); // neither stored nor acknowledged: the broker delivers it again next session
    const decoded = this.options.reader.decode(message);
    if (!this.fits(decoded)) this.seal();
    this.add(decoded, ack);
    if (this.full()) this.seal();
    if (this.queuedRows < (this.options.maxQueuedRows ?? 4 * this.options.batchRows)) return release();
    this.held = release;
    this.options.onPause?.(true);
  }

  /** The next batch to write, once one is ready; undefined when stopped and nothing is left. */
  async next(): Promise<SealedBatch | undefined> {
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      if (this.stopped && this.open.messages > 0) this.seal();
      const batch = this.sealed.shift();
      if (batch) return this.taken(batch);
      if (this.stopped) return undefined;
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  /** Ends collection: what was collected is still handed out, later deliveries are left unacknowledged. */
  stop(): void {
    this.stopped = true;
    this.resume();
    this.wake();
  }

  /** Ends collection with an error that `next` throws. */
  fail(error: unknown): void {
    this.failure = error;
    this.stop();
  }

  get messagesReceived(): number {
    return this.received;
  }

  private fits(decoded: DecodedMessage): boolean {
    const open = this.open;
    return open.messages === 0 || open.builder.pending + decoded.items.length <= this.options.batchRows;
  }

  private full(): boolean {
    const open = this.open;
    return open.builder.full || open.messages >= this.options.batchMessages || open.builder.pending >= this.options.batchRows;
  }

  private add(decoded: DecodedMessage, ack: PendingAck | undefined): void {
    const open = this.open;
    const { message } = decoded;
    this.options.reader.addTo(open.builder, decoded);
    if (ack) open.acks.push(ack);
    open.hash.update(message.topic).update('\n').update(message.payload).update('\n');
    open.messages++;
    open.bytes += message.payload.length;
    if (message.dup) open.redelivered++;
    if (open.messages === 1) this.timer = setTimeout(() => this.seal(), this.options.flushMs).unref();
    this.received++;
    if (this.options.maxMessages !== undefined && this.received >= this.options.maxMessages) this.stop();
  }

  /** Moves the collecting batch to the queue (if it has anything) and starts a new one. */
  private seal(): void {
    const open = this.open;
    clearTimeout(this.timer);
    if (open.messages === 0) return;
    const batch = open.builder.take(open.bytes);
    this.sealed.push({
      batch, acks: open.acks, messages: open.messages, redelivered: open.redelivered,
      bytes: open.bytes, sha256: open.hash.digest('hex'), newMeters: open.meters.newMeters.slice(open.firstNewMeter),
    });
    this.queuedRows += batch.recordsRead;
    this.open = this.newBatch();
    this.wake();
  }

  private taken(batch: SealedBatch): SealedBatch {
    this.queuedRows -= batch.batch.recordsRead;
    if (this.queuedRows < (this.options.maxQueuedRows ?? 4 * this.options.batchRows)) this.resume();
    return batch;
  }

  private resume(): void {
    const release = this.held;
    this.held = undefined;
    if (!release) return;
    this.options.onPause?.(false);
    release();
  }

  private newBatch(): OpenBatch {
    const { builder, meters } = this.options.newBuilder();
    return { builder, meters, firstNewMeter: meters.newMeters.length, acks: [], hash: createHash('sha256'), messages: 0, redelivered: 0, bytes: 0 };
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }
}
