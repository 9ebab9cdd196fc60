import { z } from 'zod';
import { ValidationError } from '../../../core/errors.js';
import type { TreeNodes } from './tree.js';

const finite = z.number().refine(Number.isFinite, 'must be finite');
const int = z.number().int();

const TreeJson = z.object({
  feature: z.array(int.min(-1)),
  threshold: z.array(finite),
  defaultLeft: z.array(z.union([z.literal(0), z.literal(1)])),
  left: z.array(int.min(-1)),
  right: z.array(int.min(-1)),
  value: z.array(finite),
  cover: z.array(finite),
  gain: z.array(finite),
});
type TreeJson = z.infer<typeof TreeJson>;

/** The persisted form of a gradient-boosting model (version 1). */
export const GbdtJson = z.object({
  kind: z.literal('gbdt'),
  version: z.literal(1),
  params: z.record(z.string(), z.unknown()),
  featureNames: z.array(z.string()).min(1),
  baseScore: finite,
  bestIteration: int.min(0),
  trees: z.array(TreeJson),
});
export type GbdtJson = z.infer<typeof GbdtJson>;

export function treeToJson(tree: TreeNodes): TreeJson {
  return {
    feature: Array.from(tree.feature),
    threshold: Array.from(tree.threshold),
    defaultLeft: Array.from(tree.defaultLeft, (v) => (v === 1 ? 1 : 0)),
    left: Array.from(tree.left),
    right: Array.from(tree.right),
    value: Array.from(tree.value),
    cover: Array.from(tree.cover),
    gain: Array.from(tree.gain),
  };
}

/** Restores a tree, checking that arrays agree and that children point forward inside the tree. */
export function treeFromJson(json: TreeJson, nFeatures: number, index: number): TreeNodes {
  const n = json.feature.length;
  const lengths = [json.threshold, json.defaultLeft, json.left, json.right, json.value, json.cover, json.gain].map((a) => a.length);
  if (n === 0 || lengths.some((l) => l !== n)) throw new ValidationError(`tree ${index} has arrays of different lengths`, { tree: index });
  for (let node = 0; node < n; node++) {
    const f = json.feature[node];
    if (f < 0) continue;
    const ok = f < nFeatures && [json.left[node], json.right[node]].every((c) => c > node && c < n);
    if (!ok) throw new ValidationError(`tree ${index} node ${node} is malformed`, { tree: index, node });
  }
  return {
    feature: Int32Array.from(json.feature),
    threshold: Float64Array.from(json.threshold),
    defaultLeft: Uint8Array.from(json.defaultLeft),
    left: Int32Array.from(json.left),
    right: Int32Array.from(json.right),
    value: Float64Array.from(json.value),
    cover: Float64Array.from(json.cover),
    gain: Float64Array.from(json.gain),
  };
}
