// Writes docs/data-model.md from the table definitions.
import { writeFileSync } from 'node:fs';
import { allTables, renderDataModel } from '../src/warehouse/schema/index.js';

writeFileSync('docs/data-model.md', renderDataModel(allTables));
