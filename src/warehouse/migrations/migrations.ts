import { initialSchema } from './001-initial-schema.js';
import { ingestLedger } from './002-ingest-ledger.js';
import { qualitySchema } from './003-quality.js';
import { featuresSchema } from './004-features.js';
import { segmentsSchema } from './005-segments.js';
import { offersSchema } from './006-offers.js';
import { drSchema } from './007-dr.js';
import { riskSchema } from './008-risk.js';
import { platformSchema } from './009-platform.js';
import { forecastsSchema } from './010-forecasts.js';
import { repeatedReadingsSchema } from './011-repeated-readings.js';
import { profileDocumentsSchema } from './012-profile-documents.js';
import type { Migration } from './migration.js';

/** Every migration, in version order. Append only: never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  initialSchema, ingestLedger, qualitySchema,
  featuresSchema, segmentsSchema, offersSchema, drSchema, riskSchema, platformSchema, forecastsSchema,
  repeatedReadingsSchema, profileDocumentsSchema,
];
