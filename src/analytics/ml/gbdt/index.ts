export * from './binning.js';
export * from './gbdt-json.js';
export * from './gbdt-params.js';
export * from './gradient-boosting-model.js';
export * from './objectives.js';
export * from './tree-explainer.js';
export * from './tree.js';
