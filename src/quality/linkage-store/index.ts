export * from './identity-records.js';
export * from './links-store.js';
export * from './review-queue.js';
