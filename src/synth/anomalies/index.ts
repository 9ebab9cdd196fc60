export * from './localized-label.js';
export * from './theft-families.js';
export * from './theft-plan.js';
export * from './theft-attacks.js';
export * from './theft-events.js';
export * from './fault-types.js';
export * from './fault-plan.js';
export * from './meter-faults.js';
