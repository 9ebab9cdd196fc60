export * from './gbdt/gbdt-forecaster.js';
export * from './gbdt/gbdt-forecaster-params.js';
export * from './gbdt/target-transform.js';
export * from './mlr/mlr-forecaster.js';
export * from './mlr/mlr-params.js';
export * from './seasonal-naive-forecaster.js';
