import { Dataset } from '../ml/index.js';
import { mad, median, present } from './series-stats.js';

/** Largest one-sided z kept. */
const MAX_Z = 30;

/**
 * One-sided robust z-scores: (x − median) / MAD in the suspicious direction of each feature,
 * floored at 0 and capped at 30. A feature that is almost always the same value (MAD 0) is scaled
 * by its mean absolute deviation instead, or by 1e-3.
 */
export class SuspicionScaler {
  private center = new Float64Array(0);
  private scale = new Float64Array(0);
  private names: readonly string[] = [];

  constructor(private readonly directions: Readonly<Record<string, 1 | -1>>) {}

  fit(data: Dataset): this {
    this.names = data.featureNames;
    this.center = Float64Array.from(data.featureNames, (_, f) => median(data.column(f)));
    this.scale = Float64Array.from(data.featureNames, (_, f) => spread(data.column(f), this.center[f]));
    return this;
  }

  transform(data: Dataset): Dataset {
    const columns = data.columnsOf(this.names);
    const p = this.names.length;
    const values = new Float64Array(data.nRows * p);
    for (let r = 0; r < data.nRows; r++) {
      for (let f = 0; f < p; f++) {
        const x = data.value(r, columns[f]);
        const z = ((this.directions[this.names[f]] ?? 1) * (x - this.center[f])) / this.scale[f];
        values[r * p + f] = Number.isNaN(z) ? 0 : Math.min(MAX_Z, Math.max(0, z));
      }
    }
    return new Dataset({ featureNames: this.names, values });
  }
}

function spread(values: Float64Array, center: number): number {
  const robust = mad(values, center);
  if (robust > 0) return robust;
  const xs = present(values);
  const meanAbs = xs.reduce((s, v) => s + Math.abs(v - center), 0) / Math.max(1, xs.length);
  return meanAbs > 0 ? meanAbs : 1e-3;
}
