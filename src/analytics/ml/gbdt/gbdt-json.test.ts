import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core/errors.js';
import { treeFromJson, treeToJson } from './gbdt-json.js';
import { GradientBoostingModel } from './gradient-boosting-model.js';
import { smallTree } from './tree.testkit.js';

describe('gbdt JSON', () => {
  it('round-trips a tree exactly', () => {
    const tree = smallTree();
    expect(treeFromJson(JSON.parse(JSON.stringify(treeToJson(tree))), 2, 0)).toEqual(tree);
  });

  it('rejects malformed trees and models', () => {
    const json = treeToJson(smallTree());
    expect(() => treeFromJson({ ...json, value: json.value.slice(1) }, 2, 0)).toThrow(/different lengths/);
    expect(() => treeFromJson({ ...json, left: [0, -1, 3, -1, -1] }, 2, 0)).toThrow(/node 0 is malformed/);
    expect(() => treeFromJson(json, 1, 0)).toThrow(ValidationError);
    expect(() => GradientBoostingModel.fromJSON({ kind: 'gbdt', version: 1 })).toThrow(ValidationError);
  });
});
