import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { allTables, renderDataModel } from '../src/warehouse/schema/index.js';

it('docs/data-model.md matches the table definitions (run npm run docs:data-model)', () => {
  expect(readFileSync('docs/data-model.md', 'utf8')).toBe(renderDataModel(allTables));
});
