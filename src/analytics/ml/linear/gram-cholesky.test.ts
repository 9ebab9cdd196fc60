import { describe, expect, it } from 'vitest';
import { GramCholesky } from './gram-cholesky.js';

describe('GramCholesky', () => {
  it('solves a positive definite system and inverts its diagonal', () => {
    // A = [[4, 2, 0.6], [2, 5, 1], [0.6, 1, 3]]; expected: numpy 1.24 solve(A, [1, 2, 3]) and diag(inv(A)).
    const a = Float64Array.from([4, 2, 0.6, 2, 5, 1, 0.6, 1, 3]);
    const factor = new GramCholesky(a, 3, 1e-12);
    const x = factor.solve(Float64Array.from([1, 2, 3]));
    const back = [0, 1, 2].map((i) => a[i * 3] * x[0] + a[i * 3 + 1] * x[1] + a[i * 3 + 2] * x[2]);
    back.forEach((v, i) => expect(v).toBeCloseTo(i + 1, 13));
    expect(Array.from(x)).toEqual([expect.closeTo(0.004484304932735425, 13), expect.closeTo(0.21255605381165918, 13), expect.closeTo(0.9282511210762333, 13)]);
    const inv = factor.inverseDiagonal();
    expect(inv[0]).toBeCloseTo(0.31390134529147984, 13);
    expect(inv[1]).toBeCloseTo(0.2609865470852018, 13);
    expect(inv[2]).toBeCloseTo(0.35874439461883406, 13);
  });

  it('drops a column collinear with earlier ones and a zero column', () => {
    // Gram of columns [1, 1, 1], [1, 2, 3], [2, 3, 4] (= c0 + c1) and a zero column.
    const cols = [[1, 1, 1], [1, 2, 3], [2, 3, 4], [0, 0, 0]];
    const gram = new Float64Array(16);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) gram[i * 4 + j] = cols[i].reduce((s, v, r) => s + v * cols[j][r], 0);
    const factor = new GramCholesky(gram, 4, 1e-11);
    expect(factor.rank).toBe(2);
    expect(Array.from(factor.kept)).toEqual([1, 1, 0, 0]);
    const x = factor.solve(Float64Array.from([6, 14, 20, 0])); // Xᵀy for y = [1, 2, 3] = c1
    expect(x[0]).toBeCloseTo(0, 12);
    expect(x[1]).toBeCloseTo(1, 12);
    expect(x[2]).toBe(0);
    expect(Number.isNaN(factor.inverseDiagonal()[2])).toBe(true);
  });
});
