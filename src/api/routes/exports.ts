import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { EXPORT_DATASETS, writeExport } from '../../jobs/api-exports.js';
import { appendAudit } from '../../jobs/audit.js';
import { regionsOf } from '../context.js';
import { defineRoute } from '../route.js';
import { isoDate } from '../schemas.js';

const mediaTypes = { csv: 'text/csv; charset=utf-8', parquet: 'application/vnd.apache.parquet' } as const;

export const exportRoutes = [
  defineRoute({
    id: 'exports.get', method: 'GET', url: '/exports/:dataset', tag: 'exports', raw: true, produces: Object.values(mediaTypes),
    summary: 'Download a dataset (CSV or Parquet) for data sharing, limited to the caller\'s districts and without personal data. '
      + 'external=true (always for partner tokens) aggregates under the 15/15 rule; the X-GridLens-Groups header reports released, merged and suppressed groups. Audited.',
    params: z.strictObject({ dataset: z.enum(EXPORT_DATASETS) }),
    query: z.strictObject({
      format: z.enum(['csv', 'parquet']).default('csv'), external: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
      from: isoDate.optional(), to: isoDate.optional(),
    }),
    handler: async ({ ctx, request, reply, principal, params, query }) => {
      const external = query.external || principal.partner;
      const file = await writeExport(ctx.wh, { dataset: params.dataset, format: query.format, external, from: query.from, to: query.to, regions: regionsOf(principal), timeZone: ctx.config.timeZone });
      await appendAudit(ctx.wh, {
        actor: principal.user.username, action: 'export', target: params.dataset, ip: request.ip,
        details: { format: query.format, external, from: query.from ?? null, to: query.to ?? null, regions: regionsOf(principal), via: principal.via, ...file.report },
      }).catch(async (error: unknown) => { await file.remove(); throw error; });
      const stream = createReadStream(file.path);
      stream.on('close', () => void file.remove());
      reply.header('content-type', mediaTypes[query.format]).header('content-length', file.bytes)
        .header('content-disposition', `attachment; filename="${file.fileName}"`).header('x-gridlens-rows', file.report.rows);
      if (file.report.groups) reply.header('x-gridlens-groups', JSON.stringify(file.report.groups));
      return reply.send(stream);
    },
  }),
];
