import mqtt, { type IClientOptions, type IConnackPacket, type IPublishPacket, type MqttClient } from 'mqtt';
import { ValidationError } from '../../core/errors.js';
import { brokerLocation, type MqttConfig } from './config.js';
import type { PendingAck } from './message-batcher.js';
import type { MqttMessage } from './reading-message.js';
import type { StreamEvent } from '../stream-connector.js';

/** Receives each message; `ack` is set for QoS 1 messages; call `release` to get the next one. */
export type MessageSink = (message: MqttMessage, ack: PendingAck | undefined, release: () => void) => void;

/** Passed to mqtt.js's message callback to skip the PUBACK it would send: we send it after the commit. */
const ACK_DEFERRED = new Error('acknowledgement deferred until the batch is committed');

/** CONNACK reason codes that may clear up by themselves (server unavailable, busy, quota, rate). */
const TRANSIENT_REFUSALS = new Set([0x88, 0x89, 0x97, 0x9f, 3]);

/**
 * One persistent MQTT 5 session: fixed client id, clean start off, a session expiry, QoS 1
 * subscription (renewed only when the broker lost the session), reconnects with exponential
 * backoff, and acknowledgements sent by the caller after its commit.
 *
 * mqtt.js hands incoming messages over one at a time and sends the PUBACK when `handleMessage`
 * calls back; holding that callback until a batch of many messages is committed would stall the
 * client after the first message. So the callback returns at once with `ACK_DEFERRED` (mqtt.js then
 * skips the PUBACK) and `ack` sends the PUBACKs of a committed batch — only those received on the
 * current connection: after a reconnect the broker redelivers the others, and they are stored
 * (idempotently) and acknowledged again.
 *
 * Broker limits: Mosquitto keeps at most `max_queued_messages` (default 1000) QoS 1 messages for
 * a session beyond those in flight — for a disconnected session, at most that many in all — and
 * drops the rest without telling anyone. Size it for the longest outage GridLens must ride out
 * (messages per second × seconds), or set 0 (no limit) with `max_queued_bytes`.
 */
export class MqttSession {
  private client: MqttClient | undefined;
  private generation = 0;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closing = false;
  private lastError = '';

  constructor(
    private readonly config: MqttConfig,
    private readonly sink: MessageSink,
    private readonly onFatal: (error: Error) => void,
    private readonly onEvent: (event: StreamEvent) => void = () => undefined,
  ) {}

  start(): void {
    const client = mqtt.connect(this.config.url, this.clientOptions());
    if (typeof (client as unknown as Record<string, unknown>)['_sendPacket'] !== 'function') {
      client.end(true);
      throw new Error('this mqtt.js version has no _sendPacket: deferred acknowledgements are not possible');
    }
    client.handleMessage = (packet, callback) => this.deliver(packet, callback);
    client.on('connect', (connack) => this.connected(client, connack));
    client.on('close', () => this.closed());
    client.on('error', (error) => this.failed(client, error));
    this.client = client;
  }

  /** Sends the PUBACKs of committed messages received on the current connection; returns how many. */
  ack(acks: readonly PendingAck[]): number {
    const client = this.client;
    if (!client?.connected) return 0;
    const send = (client as unknown as Record<string, (packet: object, cb: () => void) => void>)['_sendPacket'].bind(client);
    const stream = client.stream as { cork?: () => void; uncork?: () => void };
    let sent = 0;
    stream.cork?.(); // one write for the whole batch
    for (const a of acks) {
      if (a.generation !== this.generation) continue;
      send({ cmd: 'puback', messageId: a.messageId }, () => undefined);
      sent++;
    }
    stream.uncork?.();
    return sent;
  }

  /** Disconnects gracefully (the broker keeps the session); safe to call twice. */
  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    if (!client) return;
    await new Promise<void>((resolve) => client.end(!client.connected, {}, () => resolve()));
  }

  private clientOptions(): IClientOptions {
    const c = this.config;
    return {
      clientId: c.clientId, clean: false, protocolVersion: 5, username: c.username, password: c.password,
      keepalive: c.keepaliveSeconds, connectTimeout: c.connectTimeoutMs, reconnectPeriod: 0, resubscribe: false,
      properties: { sessionExpiryInterval: c.sessionExpirySeconds, receiveMaximum: Math.min(65_535, 2 * c.batchMessages + 16) },
    };
  }

  private deliver(packet: IPublishPacket, callback: (error?: Error) => void): void {
    const qos1 = packet.qos > 0 && packet.messageId !== undefined;
    const message: MqttMessage = { topic: packet.topic, payload: toBuffer(packet.payload), messageId: packet.messageId, dup: packet.dup };
    const ack = qos1 ? { messageId: packet.messageId as number, generation: this.generation } : undefined;
    this.sink(message, ack, () => callback(qos1 ? ACK_DEFERRED : undefined));
  }

  private connected(client: MqttClient, connack: IConnackPacket): void {
    this.generation++;
    this.attempt = 0;
    this.onEvent({ type: 'connected', location: brokerLocation(this.config), sessionPresent: connack.sessionPresent });
    if (connack.sessionPresent) return;
    client.subscribe(this.config.topic, { qos: 1 }, (error, granted) => {
      const qos = granted?.[0]?.qos;
      if (error || qos === undefined || qos > 2 || qos < 1) {
        const reason = error?.message ?? (qos === 0 ? 'the broker granted QoS 0 only' : `the broker refused (code ${String(qos)})`);
        this.onFatal(new ValidationError(`cannot subscribe to ${this.config.topic} with QoS 1: ${reason}`, { topic: this.config.topic }));
        return;
      }
      this.onEvent({ type: 'subscribed', topic: this.config.topic });
    });
  }

  private closed(): void {
    if (this.closing) return;
    this.onEvent({ type: 'disconnected', reason: this.lastError || 'connection closed' });
    this.lastError = '';
    if (this.reconnectTimer) return;
    const min = this.config.reconnectMinMs, max = Math.max(min, this.config.reconnectMaxMs);
    const delayMs = Math.round(Math.min(max, min * 2 ** Math.min(this.attempt, 20)) * (0.75 + Math.random() / 2));
    this.attempt++;
    this.onEvent({ type: 'reconnecting', attempt: this.attempt, delayMs });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.closing) this.client?.reconnect();
    }, delayMs);
  }

  private failed(client: MqttClient, error: Error & { code?: unknown }): void {
    if (typeof error.code === 'number' && !client.connected && !TRANSIENT_REFUSALS.has(error.code)) {
      this.onFatal(new ValidationError(`MQTT broker ${brokerLocation(this.config)}: ${error.message}`, { code: error.code }));
      return;
    }
    this.lastError = error.message; // reported with the 'close' that follows
  }
}

function toBuffer(payload: Buffer | string): Buffer {
  return typeof payload === 'string' ? Buffer.from(payload) : payload;
}
