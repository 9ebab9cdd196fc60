import type { Connector, ConnectorContext, SourceBatch, SourceFile } from '../connector.js';
import { readBytes } from '../files/byte-source.js';
import { decodeText } from '../files/text-decoding.js';
import { collectRecords, recordBuilder } from '../records/collect-records.js';
import { jsonLineRecords } from '../records/record-lines.js';
import { JsonlConfig, type JsonlConfigInput } from './config.js';

/** App / WeChat / web events from JSON lines, validated with the core `AppEvent` schema; merged by event_id. */
export class JsonlConnector implements Connector<JsonlConfig> {
  readonly name = 'jsonl' as const;
  readonly tables = ['events'] as const;
  readonly config: JsonlConfig;

  constructor(config: JsonlConfigInput = {}) {
    this.config = JsonlConfig.parse(config);
  }

  get sourceName(): string {
    return this.config.source;
  }

  read(file: SourceFile, _context: ConnectorContext): AsyncIterable<SourceBatch> {
    const builder = recordBuilder('events', this.config.timeZone, this.config.batchRows);
    return collectRecords(jsonLineRecords(decodeText(file.path, readBytes(file.path), this.config.encoding)), builder, file.bytes);
  }
}
