import type { TableDef } from './table-def.js';

/** Precomputed customer 360 documents, so that a profile view is one point lookup. */
export const profileTables: readonly TableDef[] = [
  {
    name: 'customer_profile_documents',
    doc: 'The customer 360 profile of each customer as the API shows it (personal data masked), written by the pipeline step `profiles`; '
      + 'used only while the latest build in profile_document_builds matches the source tables.',
    primaryKey: ['customer_id'], orderBy: ['customer_id'],
    columns: [
      { name: 'customer_id', type: 'varchar' },
      { name: 'document', type: 'varchar', doc: 'the JSON body of GET /customers/:id (masked), without the live sections (black and watch lists)' },
    ],
  },
  {
    name: 'profile_document_builds',
    doc: 'Builds of customer_profile_documents; the latest row says which state of the source tables the documents show.',
    primaryKey: ['built_at'], orderBy: ['built_at'],
    columns: [
      { name: 'built_at', type: 'timestamp' },
      { name: 'source_stamp', type: 'varchar', doc: 'SHA-256 of the row counts and content hashes of every source table, the document format and the tag catalogue' },
      { name: 'documents', type: 'int64' }, { name: 'seconds', type: 'float64' },
    ],
  },
];
