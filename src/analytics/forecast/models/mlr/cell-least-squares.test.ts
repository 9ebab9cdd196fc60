import { describe, expect, it } from 'vitest';
import { Dataset, LeastSquaresModel, Mulberry32 } from '../../../ml/index.js';
import { fitCellLeastSquares, predictCells, type CellDesign } from './cell-least-squares.js';
import { CholeskySolver } from './cholesky-solver.js';

/** Rows in 4 cells; each row: intercept, cell dummy and x × cell (columns 0, 1..4, 5..8). */
function design(n: number, seed: number): { cells: CellDesign; x: Float64Array; cell: Int32Array } {
  const rng = new Mulberry32(seed);
  const x = Float64Array.from({ length: n }, () => rng.normal());
  const cell = Int32Array.from({ length: n }, () => rng.int(4));
  const cells: CellDesign = {
    rows: n,
    cellCount: 4,
    width: 9,
    baseWidth: 2,
    maxEntries: 3,
    cellOf: (r) => cell[r],
    base: (r, out) => {
      out[0] = 1;
      out[1] = x[r];
    },
    cellEntries: (c, column, baseIndex) => {
      column.set([0, 1 + c, 5 + c]);
      baseIndex.set([0, 0, 1]);
      return 3;
    },
    penalised: (column) => column > 0,
  };
  return { cells, x, cell };
}

describe('cell least squares', () => {
  it('matches the dense least-squares model of analytics/ml', () => {
    const { cells, x, cell } = design(500, 3);
    const rng = new Mulberry32(9);
    const y = Float64Array.from(x, (v, r) => 2 + cell[r] - (cell[r] + 1) * v + 0.1 * rng.normal());
    const beta = fitCellLeastSquares(cells, y, 1e-12);
    const columns: Record<string, Float64Array> = {};
    for (let c = 0; c < 4; c++) {
      columns[`cell${c}`] = Float64Array.from(cell, (k) => (k === c ? 1 : 0));
      columns[`x_cell${c}`] = Float64Array.from(cell, (k, r) => (k === c ? x[r] : 0));
    }
    const dense = new LeastSquaresModel().fit(Dataset.fromColumns(columns, { target: y }));
    const expected = dense.predict(Dataset.fromColumns(columns));
    const actual = predictCells(cells, beta);
    for (let r = 0; r < 500; r += 37) expect(actual[r]).toBeCloseTo(expected[r], 6);
  });

  it('leaves out unseen and collinear columns of a singular system', () => {
    // columns: a, a again (collinear), b, and an unseen dummy (zero row and column)
    const s = Float64Array.from([4, 4, 1, 0, 4, 4, 1, 0, 1, 1, 3, 0, 0, 0, 0, 0]);
    const x = new CholeskySolver(s, 4).solve(Float64Array.from([6, 6, 5, 0]));
    expect(x[1]).toBe(0);
    expect(x[3]).toBe(0);
    expect(4 * x[0] + x[2]).toBeCloseTo(6, 12);
    expect(x[0] + 3 * x[2]).toBeCloseTo(5, 12);
  });
});
