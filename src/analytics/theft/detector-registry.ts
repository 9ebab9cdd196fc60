import { ValidationError } from '../../core/errors.js';
import type { GbdtParamsInput } from '../ml/index.js';
import type { IsolationForestParamsInput } from './isolation-forest.js';
import {
  GbdtTheftDetector, IsolationTheftDetector, PeerIsolationDetector, RobustZDetector, type TheftDetector,
} from './theft-detectors.js';

type DetectorFactory = (params?: unknown) => TheftDetector;

const factories = new Map<string, DetectorFactory>([
  ['gbdt', (p) => new GbdtTheftDetector((p ?? {}) as GbdtParamsInput)],
  ['robust-z', (p) => new RobustZDetector(p ?? {})],
  ['isolation-forest', (p) => new IsolationTheftDetector((p ?? {}) as IsolationForestParamsInput)],
  ['peer-isolation', (p) => new PeerIsolationDetector((p ?? {}) as { seed?: number })],
]);

/** Names of the registered theft detectors. */
export function theftDetectorNames(): string[] {
  return [...factories.keys()];
}

/** Names of the detectors that need no labels. */
export function unsupervisedDetectorNames(): string[] {
  return [...factories].filter(([, make]) => !make().supervised).map(([name]) => name);
}

/** A new, unfitted detector of the named kind; parameters are validated by the detector. */
export function createTheftDetector(name: string, params?: unknown): TheftDetector {
  const factory = factories.get(name);
  if (!factory) throw new ValidationError(`unknown theft detector ${name}; known: ${theftDetectorNames().join(', ')}`, { detector: name });
  return factory(params);
}
