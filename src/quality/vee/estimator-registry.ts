import type { VeeEstimator } from './edit.js';
import { likeDayEstimator } from './like-day-estimator.js';
import { linearEstimator } from './linear-estimator.js';
import { registerEstimator } from './register-estimator.js';

export const estimatorNames = ['linear', 'like-day', 'register'] as const;
export type EstimatorName = (typeof estimatorNames)[number];

/** Every estimator by name, run by `runVee` in the order of `estimatorNames`. */
export const veeEstimators: Readonly<Record<EstimatorName, VeeEstimator>> = {
  linear: linearEstimator,
  'like-day': likeDayEstimator,
  register: registerEstimator,
};
