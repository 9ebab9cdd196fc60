import type { TableDef } from './table-def.js';

const header = `# Data model

Generated from the table definitions in \`src/warehouse/schema/\` (\`npm run docs:data-model\`);
\`test/data-model-doc.test.ts\` fails when this page and the code disagree. The domain types behind
the tables (zod schemas with their validation rules) are in \`src/core/schemas/\`: \`Customer\`,
\`Account\`, \`Meter\`, \`IntervalReading\`, \`RegisterRead\`, \`TransformerArea\`, \`AreaReading\`,
\`WeatherObservation\`, \`Equipment\`, \`Telemetry\`, \`Tariff\` (URDB-compatible with the China
extension), \`Bill\`, \`BillLine\`, \`Payment\`, \`Ticket\`, \`AppEvent\`.

Conventions: timestamps are UTC (\`TIMESTAMP\`); local calendars use the customer's time zone
(default Asia/Shanghai). Energy is kWh (1 Wh resolution), power kW, money in the row's currency
(CNY by default). Reading quality: 0 actual, 1 estimated, 2 edited, 3 missing. Channels: 1 import
(delivered to the customer), 2 export (PV feed-in). Columns marked PII are masked by role in the API.
Tables in schema \`truth\` hold the synthetic utility's ground truth: evaluation reads them,
analytics never do.
`;

function tableSection(table: TableDef): string {
  const key = table.primaryKey ? `Key: ${table.primaryKey.join(', ')}. ` : '';
  const lines = [
    `## \`${table.name}\``, '', `${table.doc} ${key}Sort key: ${table.orderBy.join(', ')}.${table.bulk ? ' Bulk-appended, no index.' : ''}`, '',
    '| column | type | notes |', '|---|---|---|',
    ...table.columns.map((c) => `| ${c.name} | ${c.type}${c.nullable ? ' (nullable)' : ''} | ${[c.pii ? `PII: ${c.pii}` : '', c.doc ?? ''].filter(Boolean).join('; ')} |`),
  ];
  return lines.join('\n');
}

/** The data-model page, rendered from the table definitions. */
export function renderDataModel(tables: readonly TableDef[]): string {
  return `${header}\n${tables.map(tableSection).join('\n\n')}\n`;
}
