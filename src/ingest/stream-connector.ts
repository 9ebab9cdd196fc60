import type { SourceBatch } from './connector.js';
import type { MeterResolver, NewMeter } from './readings/meter-resolver.js';
import type { ReadingRules } from './readings/reading-rules.js';

/**
 * The boundary of live sources (MQTT today), beside the file `Connector`: a stream connector
 * yields batches that the stream pipeline commits one transaction each, and only then
 * acknowledges to the source. A source that redelivers what was not acknowledged (at-least-once)
 * thereby ends up exactly once in the store, because the merge is idempotent by key.
 */

/** What the stream pipeline lends a stream connector. */
export interface StreamContext {
  /** Source id stamped on readings. */
  readonly sourceId: number;
  /** meter_no → meter_id as of now (the pipeline may reload the meters table between batches). */
  meters(): MeterResolver;
  /** Record rules as of now: "future" moves with the clock in a long-running stream. */
  rules(): ReadingRules;
  /** Connection events, for logs. */
  readonly onEvent?: (event: StreamEvent) => void;
}

/** What happened to the connection (for logs; the stream recovers by itself except from `fatal`). */
export type StreamEvent =
  | { readonly type: 'connected'; readonly location: string; readonly sessionPresent: boolean }
  | { readonly type: 'subscribed'; readonly topic: string }
  | { readonly type: 'disconnected'; readonly reason: string }
  | { readonly type: 'reconnecting'; readonly attempt: number; readonly delayMs: number }
  | { readonly type: 'paused' }
  | { readonly type: 'resumed' };

/** One batch of a stream: readings and rejects, plus what the pipeline needs to record and acknowledge it. */
export interface StreamBatch extends SourceBatch {
  /** Messages in the batch. */
  readonly messages: number;
  /** Of which redeliveries (the broker resent them because they were not acknowledged). */
  readonly redelivered: number;
  /** Payload bytes of the batch. */
  readonly bytes: number;
  /** SHA-256 of the batch's topics and payloads, for the ledger. */
  readonly sha256: string;
  /** Meters registered while collecting the batch (`registerMeters`); written with it. */
  readonly newMeters: readonly NewMeter[];
  /** Acknowledges the batch's messages to the source. Call it only after the batch is committed. */
  ack(): void;
}

export interface StreamReadOptions {
  /** Stops the stream: the batch being collected is still yielded, later messages stay unacknowledged. */
  readonly signal?: AbortSignal;
  /** Stops after this many messages (redeliveries included). */
  readonly maxMessages?: number;
}

export interface StreamConnector<Config = unknown> {
  readonly name: string;
  readonly config: Config;
  /** Target tables of the batches. */
  readonly tables: readonly string[];
  /** Name recorded in `sources` for the rows this connector writes. */
  readonly sourceName: string;
  /** Where the stream comes from, without credentials: the ledger path of its batches. */
  readonly location: string;
  /** The config with secrets replaced, for the ledger and logs. */
  readonly printableConfig: Readonly<Record<string, unknown>>;
  /** Yields batches until stopped; throws on a failure it cannot recover from (bad credentials). */
  read(context: StreamContext, options?: StreamReadOptions): AsyncIterable<StreamBatch>;
}
