export * from './byte-source.js';
export * from './text-decoding.js';
export * from './line-reader.js';
export * from './csv-fields.js';
export * from './path-expansion.js';
export * from './file-hash.js';
export * from './json-records.js';
