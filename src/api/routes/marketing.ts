import { z } from 'zod';
import { listSegments, listTags } from '../../jobs/api-segments.js';
import { defineRoute } from '../route.js';
import { label } from '../schemas.js';

/** Segments and tags: aggregates of the stored segmentation and tag runs (no customer records). */
export const marketingRoutes = [
  defineRoute({
    id: 'segments.list', method: 'GET', url: '/segments', tag: 'segments',
    summary: 'Load-shape segments of the latest segmentation run (a bare list, per the contract): label and description, size and share, typical-day shape (24 hourly values) and billed revenue (CNY).',
    response: z.array(z.object({
      segmentId: z.string(), label, description: label, size: z.number().int(), share: z.number(), shape: z.array(z.number()).length(24), revenueCny: z.number(),
    })),
    handler: async ({ ctx }) => (await listSegments(ctx.wh)).segments,
  }),
  defineRoute({
    id: 'tags.list', method: 'GET', url: '/tags', tag: 'segments',
    summary: 'The tag catalogue (label, description, category) with the number and share of customers carrying each tag on the latest tag day.',
    response: z.array(z.object({
      id: z.string(), version: z.number().int(), category: z.string(), label, description: label, asOf: z.string().nullable(), customers: z.number().int(), coverage: z.number(),
    })),
    handler: async ({ ctx }) => {
      const { asOf, tags } = await listTags(ctx.wh);
      return tags.map((t) => ({ ...t, asOf }));
    },
  }),
];
