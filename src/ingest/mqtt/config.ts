import { z } from 'zod';
import { secret } from '../connector.js';

/**
 * Options of the MQTT live-telemetry connector. Meters (or their concentrators) publish JSON
 * readings on `gridlens/meters/<meterNo>/readings`; GridLens subscribes with QoS 1 on a persistent
 * session, so messages published while it is away are delivered when it reconnects. Every field
 * has a documented default.
 */
export const MqttConfig = z.object({
  url: z.string().regex(/^(mqtts?|wss?|tcp|ssl):\/\/[^/\s]+/, 'expected mqtt://host:port (or mqtts://, ws://, wss://)')
    .default('mqtt://127.0.0.1:1883').describe('broker URL: mqtt://, mqtts://, ws:// or wss://'),
  topic: z.string().min(1).default('gridlens/meters/+/readings').describe('topic filter subscribed with QoS 1'),
  meterLevel: z.number().int().min(0).max(63).optional()
    .describe('0-based topic level that holds the meter number; default: the first + of the topic filter'),
  clientId: z.string().min(1).max(128).default('gridlens-ingest')
    .describe('fixed client id of the persistent session (one consumer per id: two processes with one id take the session from each other)'),
  username: z.string().min(1).optional().describe('broker user name, if the broker requires one'),
  password: secret(z.string().optional()).describe('broker password (a secret: never printed or logged; the CLI reads it from an environment variable)'),
  sessionExpirySeconds: z.number().int().min(60).max(0xfffffffe).default(7 * 86_400)
    .describe('how long the broker keeps the session (subscription and queued messages) while GridLens is disconnected'),
  batchMessages: z.number().int().min(1).max(30_000).default(2_000)
    .describe('write a batch after this many messages; the broker may have twice as many unacknowledged messages in flight (MQTT 5 Receive Maximum)'),
  batchRows: z.number().int().min(1).max(1_000_000).default(65_536)
    .describe('write a batch when this many readings are collected; a message holding more readings is quarantined'),
  flushMs: z.number().int().min(1).max(600_000).default(250).describe('write a batch at the latest this long after its first message'),
  keepaliveSeconds: z.number().int().min(5).max(3_600).default(30).describe('MQTT keep-alive interval'),
  connectTimeoutMs: z.number().int().min(100).max(600_000).default(10_000).describe('time to wait for the broker to accept a connection'),
  reconnectMinMs: z.number().int().min(10).max(600_000).default(250).describe('first reconnect delay; doubled after every failed attempt'),
  reconnectMaxMs: z.number().int().min(10).max(3_600_000).default(30_000).describe('longest reconnect delay'),
  timeZone: z.string().min(1).default('Asia/Shanghai').describe('IANA zone of timestamps written without an offset (ISO timestamps with +08:00 or Z are absolute)'),
  channel: z.enum(['import', 'export']).default('import').describe('channel of readings that carry no channel field'),
  timestampAt: z.enum(['start', 'end']).default('start').describe('whether ts marks the start or the end of its interval'),
  intervalMinutes: z.number().int().min(1).max(1440).default(15).describe('interval length of the readings'),
  registerMeters: z.boolean().default(false).describe('register unknown meters (meter_no = topic level) instead of quarantining their readings'),
  source: z.string().min(1).default('mqtt').describe('source name recorded with the readings'),
});
export type MqttConfig = z.infer<typeof MqttConfig>;
export type MqttConfigInput = z.input<typeof MqttConfig>;

/** The topic level holding the meter number: the declared one, else the first `+` of the filter. */
export function meterLevelOf(config: Pick<MqttConfig, 'topic' | 'meterLevel'>): number {
  if (config.meterLevel !== undefined) return config.meterLevel;
  const level = config.topic.split('/').indexOf('+');
  return level >= 0 ? level : 2;
}

/** The broker URL without user name or password (for logs and the ledger). */
export function brokerLocation(config: Pick<MqttConfig, 'url' | 'topic'>): string {
  const url = config.url.replace(/^([a-z]+:\/\/)[^@/]*@/i, '$1');
  return `${url.replace(/\/+$/, '')}/${config.topic}`;
}
