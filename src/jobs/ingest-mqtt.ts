import type { GridLensConfig } from '../core/config.js';
import { createStreamConnector } from '../ingest/connector-registry.js';
import { ingestStream, type StreamEvent, type StreamProgress, type StreamSummary } from '../ingest/mqtt/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { withStore } from './store.js';

/** What a caller (CLI, service, test) asks of an MQTT ingest. */
export interface MqttIngestRequest {
  /** MQTT connector options (url, topic, clientId, username, password, batchMessages, flushMs...); unset ones take their defaults. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Stop after this many messages. */
  readonly maxMessages?: number;
  /** Stop after this many seconds. */
  readonly durationSeconds?: number;
  readonly futureToleranceMinutes?: number;
  /** Store negative import values (for VEE to flag) instead of quarantining them. */
  readonly allowNegativeImport?: boolean;
}

export interface MqttIngestOptions {
  readonly warehouse?: Warehouse;
  /** Stops the ingest (SIGINT/SIGTERM in the CLI): the batch being collected is committed, then it disconnects. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: StreamProgress) => void;
  readonly onEvent?: (event: StreamEvent) => void;
}

export type MqttIngestResult = StreamSummary;
export type { StreamEvent, StreamProgress };

/** `gridlens ingest mqtt`: subscribes to meter readings and stores them until stopped. */
export async function ingestMqtt(config: Pick<GridLensConfig, 'db'>, request: MqttIngestRequest, options: MqttIngestOptions = {}): Promise<MqttIngestResult> {
  const connector = createStreamConnector('mqtt', request.options ?? {});
  const signals = [options.signal, request.durationSeconds === undefined ? undefined : AbortSignal.timeout(request.durationSeconds * 1000)];
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  return withStore(config, (wh) => ingestStream(wh, connector, {
    signal: present.length > 0 ? AbortSignal.any(present) : undefined, maxMessages: request.maxMessages,
    futureToleranceMinutes: request.futureToleranceMinutes, allowNegativeImport: request.allowNegativeImport, onProgress: options.onProgress, onEvent: options.onEvent,
    request: { stream: connector.location, options: connector.printableConfig, maxMessages: request.maxMessages ?? null, durationSeconds: request.durationSeconds ?? null },
  }), { warehouse: options.warehouse });
}
