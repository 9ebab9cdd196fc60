import { deliveryTables, ingestTables } from './ingest-tables.js';
import { qualityTables } from './quality-tables.js';
import { referenceTables } from './reference-tables.js';
import { analyticsTables } from './analytics-tables.js';
import { marketingTables } from './marketing-tables.js';
import { offerTables } from './offers-tables.js';
import { drTables } from './dr-tables.js';
import { riskTables } from './risk-tables.js';
import { forecastTables } from './forecast-tables.js';
import { platformTables } from './platform-tables.js';
import { profileTables } from './profile-tables.js';
import type { TableDef } from './table-def.js';
import { truthTables } from './truth-tables.js';
import { volumeTables } from './volume-tables.js';

/** Every table GridLens defines, in creation order. */
export const allTables: readonly TableDef[] = [...referenceTables, ...volumeTables, ...truthTables, ...ingestTables, ...qualityTables,
  ...analyticsTables, ...marketingTables, ...offerTables, ...drTables, ...riskTables, ...platformTables, ...forecastTables,
  ...deliveryTables, ...profileTables,
];
