import { TreeRecorder, type TreeNodes } from './tree.js';

/**
 * A hand-made tree: x0 <= 0.5 (missing → left) → leaf −1 (cover 2); otherwise x1 <= 2
 * (missing → right) → leaf 3 (cover 1) or leaf 5 (cover 1). Internal values: 4 and 1.5.
 */
export function smallTree(): TreeNodes {
  const recorder = new TreeRecorder();
  const root = recorder.add(4);
  const top = recorder.split(root, 0, 0.5, true, 10);
  recorder.setCover(top.left, 2);
  recorder.setCover(top.right, 2);
  recorder.setLeafValue(top.left, -1);
  const bottom = recorder.split(top.right, 1, 2, false, 4);
  recorder.setCover(bottom.left, 1);
  recorder.setCover(bottom.right, 1);
  recorder.setLeafValue(bottom.left, 3);
  recorder.setLeafValue(bottom.right, 5);
  return recorder.finish();
}
