/**
 * One regression tree as parallel typed arrays (node 0 is the root; children always have larger
 * ids than their parent). A row goes left when x <= threshold, or when x is missing and
 * defaultLeft is 1.
 */
export interface TreeNodes {
  /** Feature position in the model's feature order; -1 at leaves. */
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly defaultLeft: Uint8Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /**
   * Leaf output (shrinkage applied) at leaves; at internal nodes the cover-weighted mean of the
   * leaves below, which path attribution (Saabas) differentiates along a row's path.
   */
  readonly value: Float64Array;
  /** Sum of training hessians (rows, for squared error) that reached the node. */
  readonly cover: Float64Array;
  /** Loss reduction of the node's split; 0 at leaves. */
  readonly gain: Float64Array;
}

/** A growable tree used while training. */
export class TreeRecorder {
  private readonly feature: number[] = [];
  private readonly threshold: number[] = [];
  private readonly defaultLeft: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  private readonly value: number[] = [];
  private readonly cover: number[] = [];
  private readonly gain: number[] = [];

  /** Adds a leaf and returns its id. */
  add(cover: number): number {
    this.feature.push(-1);
    this.threshold.push(0);
    this.defaultLeft.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.value.push(0);
    this.cover.push(cover);
    this.gain.push(0);
    return this.feature.length - 1;
  }

  split(node: number, feature: number, threshold: number, defaultLeft: boolean, gain: number): { left: number; right: number } {
    this.feature[node] = feature;
    this.threshold[node] = threshold;
    this.defaultLeft[node] = defaultLeft ? 1 : 0;
    this.gain[node] = gain;
    return { left: (this.left[node] = this.add(0)), right: (this.right[node] = this.add(0)) };
  }

  setCover(node: number, cover: number): void {
    this.cover[node] = cover;
  }

  setLeafValue(node: number, value: number): void {
    this.value[node] = value;
  }

  /** Freezes the tree and fills internal-node values bottom-up. */
  finish(): TreeNodes {
    const tree: TreeNodes = {
      feature: Int32Array.from(this.feature),
      threshold: Float64Array.from(this.threshold),
      defaultLeft: Uint8Array.from(this.defaultLeft),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float64Array.from(this.value),
      cover: Float64Array.from(this.cover),
      gain: Float64Array.from(this.gain),
    };
    fillInternalValues(tree);
    return tree;
  }
}

/** Internal value = cover-weighted mean of the children (children have larger ids, so go backwards). */
export function fillInternalValues(tree: TreeNodes): void {
  for (let n = tree.feature.length - 1; n >= 0; n--) {
    if (tree.feature[n] < 0) continue;
    const l = tree.left[n];
    const r = tree.right[n];
    const total = tree.cover[l] + tree.cover[r];
    tree.value[n] = total > 0 ? (tree.cover[l] * tree.value[l] + tree.cover[r] * tree.value[r]) / total : (tree.value[l] + tree.value[r]) / 2;
  }
}

/** The leaf reached by the row whose feature `f` is at values[base + columns[f]]. */
export function leafOf(tree: TreeNodes, values: Float64Array, base: number, columns: Int32Array): number {
  let node = 0;
  let f = tree.feature[0];
  while (f >= 0) {
    const x = values[base + columns[f]];
    node = x <= tree.threshold[node] || (x !== x && tree.defaultLeft[node] === 1) ? tree.left[node] : tree.right[node];
    f = tree.feature[node];
  }
  return node;
}
