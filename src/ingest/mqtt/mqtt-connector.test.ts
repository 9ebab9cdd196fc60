import { describe, expect, it } from 'vitest';
import { brokerLocation, meterLevelOf, MqttConfig } from './config.js';
import { MqttConnector } from './mqtt-connector.js';

/**
 * The parts of the connector contract that apply to a live source (the file contract's fixtures,
 * .gz and missing-file cases do not). Reading from a broker is tested against Mosquitto in
 * test/mqtt-ingest.test.ts.
 */
describe('MqttConnector', () => {
  it('parses its config to documented defaults', () => {
    const undocumented = Object.entries(MqttConfig.shape).filter(([, field]) => !(field as { description?: string }).description).map(([k]) => k);
    expect(undocumented).toEqual([]);
    const connector = new MqttConnector();
    expect(connector.config).toEqual(MqttConfig.parse({}));
    expect(connector.config).toMatchObject({ url: 'mqtt://127.0.0.1:1883', topic: 'gridlens/meters/+/readings', clientId: 'gridlens-ingest', batchMessages: 2000, flushMs: 250 });
    expect(connector).toMatchObject({ name: 'mqtt', tables: ['readings'], sourceName: 'mqtt' });
  });

  it('never shows the password: not in the printable config, not in the location', () => {
    const connector = new MqttConnector({ url: 'mqtt://meter-reader:s3cret@broker.example:1883', username: 'meter-reader', password: 'topsecret' });
    expect(JSON.stringify(connector.printableConfig)).not.toMatch(/s3cret|topsecret/);
    expect(connector.printableConfig).toMatchObject({ password: '***', url: 'mqtt://broker.example:1883', username: 'meter-reader' });
    expect(connector.location).toBe('mqtt://broker.example:1883/gridlens/meters/+/readings');
  });

  it('finds the meter level from the topic filter unless declared', () => {
    expect(meterLevelOf({ topic: 'gridlens/meters/+/readings' })).toBe(2);
    expect(meterLevelOf({ topic: 'province/+/meters/+/readings' })).toBe(1);
    expect(meterLevelOf({ topic: 'province/+/meters/+/readings', meterLevel: 3 })).toBe(3);
    expect(brokerLocation({ url: 'mqtts://u@host:8883/', topic: 't/#' })).toBe('mqtts://host:8883/t/#');
  });

  it('rejects bad options with the field named', () => {
    expect(() => new MqttConnector({ url: 'http://x' })).toThrow(/mqtt:\/\/host:port/);
    expect(() => new MqttConnector({ batchMessages: 0 })).toThrow();
  });

  it('does not connect when stopped before it starts', async () => {
    const connector = new MqttConnector({ url: 'mqtt://127.0.0.1:1' });
    const signal = AbortSignal.abort();
    const batches = [];
    for await (const b of connector.read({ sourceId: 1, meters: () => { throw new Error('unused'); }, rules: () => ({ notAfterMs: 0, allowNegativeImport: false }) }, { signal })) batches.push(b);
    expect(batches).toEqual([]);
  });
});
