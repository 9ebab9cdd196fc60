import { initialSchema } from './001-initial-schema.js';
import { ingestLedger } from './002-ingest-ledger.js';
import { qualitySchema } from './003-quality.js';
import type { Migration } from './migration.js';

/** Every migration, in version order. Append only: never edit one that has shipped. */
export const migrations: readonly Migration[] = [initialSchema, ingestLedger, qualitySchema];
