export * from './migration.js';
export * from './migrations.js';
export * from './migrate.js';
