import { redactConnectorConfig } from '../connector.js';
import { ReadingBatchBuilder } from '../readings/reading-batch.js';
import { brokerLocation, MqttConfig, type MqttConfigInput } from './config.js';
import { MessageBatcher, type SealedBatch } from './message-batcher.js';
import { MqttSession } from './mqtt-session.js';
import { ReadingMessageReader } from './reading-message.js';
import type { StreamBatch, StreamConnector, StreamContext, StreamReadOptions } from '../stream-connector.js';

/**
 * Live meter readings from an MQTT broker: QoS 1 on a persistent session, batches of messages
 * handed to the stream pipeline, each batch acknowledged only after the pipeline committed it.
 * The session opens when reading starts and is released (DISCONNECT, session kept) in `finally`.
 */
export class MqttConnector implements StreamConnector<MqttConfig> {
  readonly name = 'mqtt' as const;
  readonly tables = ['readings'] as const;
  readonly config: MqttConfig;

  constructor(config: MqttConfigInput = {}) {
    this.config = MqttConfig.parse(config);
  }

  get sourceName(): string {
    return this.config.source;
  }

  get location(): string {
    return brokerLocation(this.config);
  }

  get printableConfig(): Record<string, unknown> {
    return { ...redactConnectorConfig(MqttConfig, this.config), url: brokerLocation({ url: this.config.url, topic: '' }).replace(/\/$/, '') };
  }

  async *read(context: StreamContext, options: StreamReadOptions = {}): AsyncIterable<StreamBatch> {
    if (options.signal?.aborted) return;
    const batcher = this.batcher(context, options.maxMessages);
    const session = new MqttSession(this.config, (message, ack, release) => batcher.offer(message, ack, release), (error) => batcher.fail(error), context.onEvent);
    const stop = () => batcher.stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    try {
      session.start();
      for (let sealed = await batcher.next(); sealed; sealed = await batcher.next()) {
        const acks = sealed.acks;
        yield streamBatch(sealed, () => void session.ack(acks));
      }
    } finally {
      options.signal?.removeEventListener('abort', stop);
      batcher.stop();
      await session.close();
    }
  }

  private batcher(context: StreamContext, maxMessages: number | undefined): MessageBatcher {
    const { config } = this;
    return new MessageBatcher({
      batchMessages: config.batchMessages, batchRows: config.batchRows, flushMs: config.flushMs, maxMessages,
      reader: new ReadingMessageReader(config),
      newBuilder: () => {
        const meters = context.meters();
        const builder = new ReadingBatchBuilder({
          meters, rules: context.rules(), sourceId: context.sourceId, batchRows: config.batchRows,
          registerMeters: config.registerMeters, intervalMinutes: config.intervalMinutes,
        });
        return { builder, meters };
      },
      onPause: (paused) => context.onEvent?.({ type: paused ? 'paused' : 'resumed' }),
    });
  }
}

function streamBatch(sealed: SealedBatch, ack: () => void): StreamBatch {
  return {
    ...sealed.batch, messages: sealed.messages, redelivered: sealed.redelivered, bytes: sealed.bytes, sha256: sealed.sha256,
    newMeters: sealed.newMeters, ack,
  };
}
