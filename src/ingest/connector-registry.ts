import type { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import type { Connector, ConnectorName } from './connector.js';
import { CsvConfig, CsvConnector } from './csv/index.js';
import { GreenButtonConfig, GreenButtonConnector } from './green-button/index.js';
import { JsonlConfig, JsonlConnector } from './jsonl/index.js';
import { MqttConfig, MqttConnector } from './mqtt/index.js';
import { ParquetConfig, ParquetConnector } from './parquet/index.js';
import { ReferenceConfig, ReferenceConnector } from './reference/index.js';
import type { StreamConnector } from './stream-connector.js';

interface ConnectorEntry<C> {
  readonly schema: z.ZodObject;
  readonly create: (config: Record<string, unknown>) => C;
}

/** Every connector by name: its config schema and constructor. A new source is one more entry. */
export const connectorRegistry: Readonly<Record<ConnectorName, ConnectorEntry<Connector>>> = {
  csv: { schema: CsvConfig, create: (c) => new CsvConnector(c) },
  parquet: { schema: ParquetConfig, create: (c) => new ParquetConnector(c) },
  'green-button': { schema: GreenButtonConfig, create: (c) => new GreenButtonConnector(c) },
  jsonl: { schema: JsonlConfig, create: (c) => new JsonlConnector(c) },
  reference: { schema: ReferenceConfig, create: (c) => new ReferenceConnector(c) },
};

/** Live sources by name (`gridlens ingest mqtt`): their config schema and constructor. */
export const streamConnectorRegistry = {
  mqtt: { schema: MqttConfig, create: (c) => new MqttConnector(c as MqttConfig) },
} as const satisfies Readonly<Record<string, ConnectorEntry<StreamConnector>>>;

export type StreamConnectorName = keyof typeof streamConnectorRegistry;

/**
 * Builds a connector from loose options (a mapping file merged with CLI flags): keys the
 * connector does not know are ignored, values are validated by its zod schema, and a bad value is
 * a `ConfigError` naming the field.
 */
export function createConnector(name: ConnectorName, options: Readonly<Record<string, unknown>> = {}): Connector {
  return fromOptions(name, connectorRegistry[name], options);
}

/** Builds a stream connector the same way (unknown keys ignored, a bad value names the field). */
export function createStreamConnector(name: StreamConnectorName, options: Readonly<Record<string, unknown>> = {}): StreamConnector {
  return fromOptions(name, streamConnectorRegistry[name], options);
}

function fromOptions<C>(name: string, entry: ConnectorEntry<C>, options: Readonly<Record<string, unknown>>): C {
  const known = Object.fromEntries(Object.entries(options).filter(([key, value]) => key in entry.schema.shape && value !== undefined));
  const parsed = entry.schema.safeParse(known);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.');
    throw new ConfigError(`invalid ${name} option ${field}: ${issue.message}`, { connector: name, field });
  }
  return entry.create(parsed.data as Record<string, unknown>);
}
