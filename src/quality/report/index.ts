export * from './quality-report-sql.js';
export * from './quality-report.js';
