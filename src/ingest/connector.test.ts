import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { redactConnectorConfig, secret } from './connector.js';
import { createConnector } from './connector-registry.js';
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
});
