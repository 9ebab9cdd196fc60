import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { redactConnectorConfig, secret } from './connector.js';
import { createConnector, createStreamConnector } from './connector-registry.js';
import { ConfigError } from '../core/errors.js';

describe('connector configs', () => {
  it('redacts fields marked secret, also behind defaults and optionals', () => {
    const schema = z.object({ url: z.string(), password: secret(z.string()).optional(), token: secret(z.string()).default('x') });
    expect(redactConnectorConfig(schema, { url: 'mqtt://127.0.0.1', password: 'p', token: 't' })).toEqual({ url: 'mqtt://127.0.0.1', password: '***', token: '***' });
  });

  it('builds connectors by name from loose options, ignoring keys they do not know', () => {
    const csv = createConnector('csv', { timeZone: 'Asia/Shanghai', unit: 'Wh', table: 'customers' });
    expect(csv.config).toMatchObject({ timeZone: 'Asia/Shanghai', unit: 'Wh' });
    expect(createConnector('green-button', { timeZone: 'UTC' }).name).toBe('green-button');
  });

  it('names the bad field of a bad option', () => {
    expect(() => createConnector('csv', { unit: 'GWh' })).toThrow(ConfigError);
    expect(() => createConnector('csv', { unit: 'GWh' })).toThrow(/invalid csv option unit/);
  });

  it('builds stream connectors by name the same way, secrets kept out of the printable config', () => {
    const mqtt = createStreamConnector('mqtt', { url: 'mqtt://127.0.0.1:1883', password: 's3cret', table: 'ignored' });
    expect(mqtt.location).toContain('127.0.0.1:1883');
    expect(JSON.stringify(mqtt.printableConfig)).not.toContain('s3cret');
    expect(() => createStreamConnector('mqtt', { url: 'not a url' })).toThrow(/invalid mqtt option url/);
  });
});
