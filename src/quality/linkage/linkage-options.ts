import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import { hangzhouGazetteer, type AddressGazetteer } from './address-gazetteer.js';

/** Options of `linkRecords`, with their defaults. */
export const LinkageOptions = z.object({
  /** Posterior match probability from which a record is linked without review. */
  linkThreshold: z.number().gt(0).lt(1).default(0.95),
  /** Probability from which an unlinked record's best candidate goes to the review queue. */
  reviewThreshold: z.number().gt(0).lt(1).default(0.5),
  /** Blocks with more records than this are skipped (and counted in the stats). */
  maxBlockSize: z.number().int().min(2).default(400),
  /** Area code given to landline numbers written without one. */
  defaultAreaCode: z.string().regex(/^0\d{2,3}$/).default('0571'),
  /** Candidates listed per review item. */
  reviewCandidates: z.number().int().min(1).max(10).default(3),
  emMaxIterations: z.number().int().min(1).max(1000).default(200),
  gazetteer: z.custom<AddressGazetteer>((v) => typeof v === 'object' && v !== null && 'districts' in v).default(hangzhouGazetteer),
}).refine((o) => o.reviewThreshold <= o.linkThreshold, { message: 'reviewThreshold must not exceed linkThreshold', path: ['reviewThreshold'] });
export type LinkageOptions = z.infer<typeof LinkageOptions>;
export type LinkageOptionsInput = z.input<typeof LinkageOptions>;

export function parseLinkageOptions(input: LinkageOptionsInput = {}): LinkageOptions {
  const parsed = LinkageOptions.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(`invalid linkage option ${issue.path.join('.')}: ${issue.message}`, { option: issue.path.join('.') });
  }
  return parsed.data;
}
