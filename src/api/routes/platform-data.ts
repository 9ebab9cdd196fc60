import { z } from 'zod';
import { getTariff, listIngestRuns, listTariffs } from '../../jobs/api-catalog.js';
import { overviewKpis } from '../../jobs/api-overview.js';
import { qualityReport } from '../../jobs/quality-report.js';
import { regionsOf } from '../context.js';
import { defineRoute } from '../route.js';
import { idText, isoDate, pageOf, pageQuery } from '../schemas.js';

const overview = z.object({
  asOf: z.string().nullable(), customers: z.number(), consumptionKwh30d: z.number(), revenueCny30d: z.number(), arrearsCny: z.number(),
  lineLossRate: z.number().nullable(), openAlerts: z.number(), openTickets: z.number(), satisfaction: z.number().nullable(),
  trend: z.array(z.object({ date: z.string(), kwh: z.number(), revenueCny: z.number() })),
});
const tariffSummary = z.object({ tariffId: z.string(), name: z.string(), nameZh: z.string(), customerClass: z.string(), currency: z.string() });

/** Overview KPIs are cached briefly per district scope: they scan 30 days of readings. */
const OVERVIEW_TTL_MS = 60_000;
const overviewCache = new Map<string, { at: number; value: Promise<z.infer<typeof overview>> }>();

export const platformDataRoutes = [
  defineRoute({
    id: 'overview.get', method: 'GET', url: '/overview', tag: 'overview', response: overview,
    summary: 'Headline KPIs of the last 30 days of data with a daily trend, for the caller\'s districts (cached for 60 s).',
    handler: async ({ ctx, principal }) => {
      const regions = regionsOf(principal);
      const key = regions === null ? '*' : [...regions].sort().join(',');
      const hit = overviewCache.get(key);
      if (hit && Date.now() - hit.at < OVERVIEW_TTL_MS) return hit.value;
      const value = overviewKpis(ctx.wh, regions, ctx.config.timeZone);
      overviewCache.set(key, { at: Date.now(), value });
      value.catch(() => overviewCache.delete(key));
      return value;
    },
  }),
  defineRoute({
    id: 'quality.report', method: 'GET', url: '/quality/report', tag: 'quality',
    summary: 'Data quality report (completeness, validity, timeliness, duplicates, estimated share) per source, meter, day or area.',
    query: z.strictObject({ from: isoDate.optional(), to: isoDate.optional(), by: z.enum(['source', 'meter', 'day', 'area']).default('source'), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
    response: z.record(z.string(), z.unknown()),
    handler: async ({ ctx, query }) => qualityReport(ctx.config, query, ctx.wh) as unknown as Record<string, unknown>,
  }),
  defineRoute({
    id: 'ingest.runs', method: 'GET', url: '/ingest/runs', tag: 'quality', summary: 'Ingest runs, newest first.',
    query: z.strictObject(pageQuery), response: pageOf(z.record(z.string(), z.unknown())),
    handler: async ({ ctx, query }) => listIngestRuns(ctx.wh, query.page, query.pageSize),
  }),
  defineRoute({
    id: 'tariffs.list', method: 'GET', url: '/tariffs', tag: 'tariffs', summary: 'Tariffs in the store.', response: z.array(tariffSummary),
    handler: async ({ ctx }) => listTariffs(ctx.wh),
  }),
  defineRoute({
    id: 'tariffs.get', method: 'GET', url: '/tariffs/:id', tag: 'tariffs', summary: 'One tariff with its definition (URDB-compatible JSON with China extensions).',
    params: z.strictObject({ id: idText }), response: tariffSummary.extend({ definition: z.unknown() }),
    handler: async ({ ctx, params }) => getTariff(ctx.wh, params.id),
  }),
];
