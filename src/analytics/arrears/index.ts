export * from './arrears-panel.js';
export * from './bill-book.js';
export * from './collection-list.js';
export * from './dunning-plan.js';
export * from './payment-features.js';
export * from './pd-model.js';
