import { z } from 'zod';
import { defineRoute } from '../route.js';

export const healthRoutes = [
  defineRoute({
    id: 'health', method: 'GET', url: '/healthz', tag: 'platform', summary: 'Liveness: the store answers.',
    response: z.object({ ok: z.boolean() }),
    handler: async ({ ctx }) => {
      await ctx.wh.query('SELECT 1');
      return { ok: true };
    },
  }),
];
