import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import { parseWith, requireFitted } from './model.js';

describe('model helpers', () => {
  const Schema = z.object({ depth: z.number().int().min(1).default(6) });

  it('parseWith applies defaults and turns zod issues into a ValidationError naming the field', () => {
    expect(parseWith(Schema, undefined, 'test parameter')).toEqual({ depth: 6 });
    expect(() => parseWith(Schema, { depth: 0 }, 'test parameter')).toThrow(ValidationError);
    expect(() => parseWith(Schema, { depth: 0 }, 'test parameter')).toThrow(/invalid test parameter depth/);
  });

  it('requireFitted throws for an unfitted model', () => {
    expect(requireFitted(1, 'x')).toBe(1);
    expect(() => requireFitted(undefined, 'gbdt')).toThrow(/gbdt model is not fitted/);
  });
});
