import { z } from 'zod';
import { customersInRegions } from '../../jobs/api-regions.js';
import { getTariff } from '../../jobs/api-catalog.js';
import { billFromStore } from '../../jobs/bill.js';
import { requireCustomerInRegions } from '../../jobs/customers.js';
import { drProgramList } from '../../jobs/dr-programs.js';
import { drEventList, drEventShow } from '../../jobs/dr-events.js';
import { FORECAST_SCOPES } from '../../jobs/forecast-panel-query.js';
import { listForecastRuns, readForecastSeries } from '../../jobs/forecast-read.js';
import { offersList } from '../../jobs/offers.js';
import { regionsOf } from '../context.js';
import { defineRoute } from '../route.js';
import { idText, isoDate } from '../schemas.js';

const anyObject = z.record(z.string(), z.unknown());

/** Forecasts, offers, demand response and bill simulation: thin calls of the analytics jobs, scoped to the caller's districts. */
export const analyticsRoutes = [
  defineRoute({
    id: 'forecasts.runs', method: 'GET', url: '/forecasts/runs', tag: 'forecasts', summary: 'Stored forecast runs, newest first, with model and naive-baseline scores.',
    query: z.strictObject({ scope: z.enum(FORECAST_SCOPES).optional(), limit: z.coerce.number().int().min(1).max(200).default(20) }),
    response: z.array(anyObject),
    handler: async ({ ctx, query }) => listForecastRuns(ctx.config, query, ctx.wh) as unknown as Record<string, unknown>[],
  }),
  defineRoute({
    id: 'forecasts.series', method: 'GET', url: '/forecasts', tag: 'forecasts',
    summary: 'One forecast series (kW) with p10/p50/p90 and actuals where known; the latest run of the scope unless runId is given.',
    query: z.strictObject({ scope: z.enum(FORECAST_SCOPES), id: idText, runId: z.coerce.number().int().min(1).optional() }),
    response: anyObject,
    handler: async ({ ctx, principal, query }) => {
      if (query.scope === 'customer') await requireCustomerInRegions(ctx.wh, query.id, regionsOf(principal));
      return readForecastSeries(ctx.config, query, ctx.wh) as unknown as Record<string, unknown>;
    },
  }),
  defineRoute({
    id: 'offers.list', method: 'GET', url: '/offers', tag: 'offers', summary: 'Tariff and service offers of the latest offers run, for one customer or all in the caller\'s districts.',
    query: z.strictObject({ customerId: idText.optional(), kind: idText.optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
    response: z.object({ runId: z.number().nullable(), offers: z.array(anyObject) }),
    handler: async ({ ctx, principal, query }) => {
      const regions = regionsOf(principal);
      if (query.customerId) await requireCustomerInRegions(ctx.wh, query.customerId, regions);
      const result = await offersList(ctx.config, { customer: query.customerId, kind: query.kind, limit: query.limit }, ctx.wh);
      const allowed = await customersInRegions(ctx.wh, result.offers.map((o) => o.customerId), regions);
      return { runId: result.runId, offers: result.offers.filter((o) => allowed.has(o.customerId)) as unknown as Record<string, unknown>[] };
    },
  }),
  defineRoute({
    id: 'dr.programs', method: 'GET', url: '/dr/programs', tag: 'demand response', summary: 'Demand-response programmes.',
    response: z.object({ programs: z.array(anyObject) }),
    handler: async ({ ctx }) => drProgramList(ctx.config, ctx.wh) as unknown as { programs: Record<string, unknown>[] },
  }),
  defineRoute({
    id: 'dr.events', method: 'GET', url: '/dr/events', tag: 'demand response', summary: 'Demand-response events with their status and number of targeted customers.',
    query: z.strictObject({ programId: idText.optional() }),
    response: z.object({ events: z.array(anyObject) }),
    handler: async ({ ctx, query }) => drEventList(ctx.config, query, ctx.wh) as unknown as { events: Record<string, unknown>[] },
  }),
  defineRoute({
    id: 'dr.event', method: 'GET', url: '/dr/events/:id', tag: 'demand response',
    summary: 'One demand-response event with each targeted customer\'s baseline, actual and reduction kWh under the programme\'s baseline (payment and penalty once settled); customers outside the caller\'s districts are left out.',
    params: z.strictObject({ id: idText }),
    response: z.object({ event: anyObject, method: z.string(), settlement: z.array(anyObject) }),
    handler: async ({ ctx, principal, params }) => {
      const shown = await drEventShow(ctx.config, { eventId: params.id }, ctx.wh);
      const allowed = await customersInRegions(ctx.wh, shown.settlement.map((r) => r.customerId), regionsOf(principal));
      return {
        event: shown.event as unknown as Record<string, unknown>, method: shown.method,
        settlement: shown.settlement.filter((r) => allowed.has(r.customerId)) as unknown as Record<string, unknown>[],
      };
    },
  }),
  defineRoute({
    id: 'tariffs.simulate', method: 'POST', url: '/tariffs/:id/simulate', tag: 'tariffs',
    summary: 'Bill a customer\'s stored readings under a tariff, itemised per month (default: the last 12 complete months). Writes nothing.',
    params: z.strictObject({ id: idText }),
    body: z.strictObject({ customerId: idText, from: isoDate.optional(), to: isoDate.optional() }),
    response: anyObject,
    handler: async ({ ctx, principal, params, body }) => {
      await requireCustomerInRegions(ctx.wh, body.customerId, regionsOf(principal));
      await getTariff(ctx.wh, params.id); // only stored tariffs: the id never names a file
      return billFromStore(ctx.config, { customer: body.customerId, tariff: params.id, from: body.from, to: body.to }, ctx.wh) as unknown as Record<string, unknown>;
    },
  }),
];
