import { z } from 'zod';
import { creditOfCustomer, riskAlertList, riskListEntries, theftInspectionList } from '../../jobs/api-risk.js';
import { appendAudit } from '../../jobs/audit.js';
import { requireCustomerInRegions } from '../../jobs/customers.js';
import { riskInspect, riskOverview } from '../../jobs/risk.js';
import { regionsOf } from '../context.js';
import { maskRecord } from '../masking.js';
import { defineRoute } from '../route.js';
import { idText } from '../schemas.js';

const anyObject = z.record(z.string(), z.unknown());
const run = z.object({ runId: z.number(), asOf: z.string() }).nullable();

const theftEntry = z.object({
  rank: z.number(), customerId: z.string(), name: z.string().nullable(), meterId: z.number().nullable(), areaId: z.string().nullable(), score: z.number(),
  recoverableKwh: z.number().nullable(), recoverableCny: z.number().nullable(), evidence: anyObject.nullable(),
});
const listEntry = z.object({
  customerId: z.string(), name: z.string().nullable(), kind: z.string(), source: z.string(), ruleId: z.string().nullable(), reason: z.string(),
  effects: anyObject, since: z.string(), expires: z.string().nullable(), setBy: z.string(),
});

/** Theft inspections, early warnings, red/black lists and credit: the risk jobs on the server's store, scoped to the caller's districts. */
export const riskRoutes = [
  defineRoute({
    id: 'risk.theft', method: 'GET', url: '/risk/theft', tag: 'risk',
    summary: 'The theft inspection list of the latest theft run, riskiest first, with evidence (rules, feature contributions, daily curve against peers); names masked; audited.',
    query: z.strictObject({ top: z.coerce.number().int().min(1).max(1000).default(100) }),
    response: z.object({ kind: z.literal('theft'), runId: z.number().nullable(), asOf: z.string().nullable(), entries: z.array(theftEntry) }),
    handler: async ({ ctx, request, principal, query }) => {
      const list = await theftInspectionList(ctx.config, ctx.wh, { top: query.top, regions: regionsOf(principal) });
      await appendAudit(ctx.wh, { actor: principal.user.username, action: 'risk.theft.view', target: list.runId === null ? null : `theft-run:${list.runId}`, ip: request.ip, details: { via: principal.via, customers: list.entries.length } });
      return { ...list, kind: 'theft' as const, entries: list.entries.map((e) => maskRecord(e) as z.infer<typeof theftEntry>) };
    },
  }),
  defineRoute({
    id: 'risk.inspections.create', method: 'POST', url: '/risk/inspections', tag: 'risk', status: 201,
    summary: 'Record a field inspection outcome (confirmed theft or clear): a label of the next theft run; a confirmed theft puts the customer on the black list. Audited.',
    body: z.strictObject({
      customerId: idText, outcome: z.enum(['confirmed', 'clear']), note: z.string().trim().max(500).regex(/^[^\p{Cc}]*$/u, 'no control characters').optional(),
      meterId: z.number().int().min(1).optional(), recoveredCny: z.number().min(0).max(1e9).optional(),
    }),
    response: z.object({
      id: z.string(), recorded: z.object({ customerId: z.string(), meterId: z.number().nullable(), outcome: z.string(), inspectedAt: z.string(), inspector: z.string() }),
      labels: z.object({ confirmed: z.number(), clear: z.number() }), list: anyObject.nullable(),
    }),
    handler: async ({ ctx, request, principal, body }) => {
      await requireCustomerInRegions(ctx.wh, body.customerId, regionsOf(principal));
      const result = await riskInspect(ctx.config, { ...body, note: body.note || undefined, inspector: principal.user.username }, { warehouse: ctx.wh });
      await appendAudit(ctx.wh, { actor: principal.user.username, action: 'risk.inspection', target: body.customerId, ip: request.ip, details: { outcome: body.outcome, via: principal.via } });
      return { id: `${result.recorded.customerId}@${result.recorded.inspectedAt}`, ...result, list: result.list as unknown as Record<string, unknown> | null };
    },
  }),
  defineRoute({
    id: 'risk.alerts', method: 'GET', url: '/risk/alerts', tag: 'risk',
    summary: 'Alerts of the latest early-warning run (customer, area, region), most severe first. Callers limited to districts see the customer alerts of their districts.',
    query: z.strictObject({ severity: z.enum(['red', 'orange', 'yellow']).optional(), level: z.enum(['customer', 'area', 'region']).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
    response: z.object({ runId: z.number().nullable(), alerts: z.array(z.object({
      level: z.string(), subjectId: z.string(), kind: z.string(), severity: z.string(), value: z.number(), threshold: z.number(), message: z.unknown(), raisedAt: z.string(),
    })) }),
    handler: async ({ ctx, principal, query }) => riskAlertList(ctx.wh, { ...query, regions: regionsOf(principal) }),
  }),
  defineRoute({
    id: 'risk.overview', method: 'GET', url: '/risk/overview', tag: 'risk',
    summary: 'Risk dashboard numbers: latest runs, alerts by level/kind/severity, credit grades, arrears, theft and inspections, list sizes and the worst line-loss areas (aggregates only).',
    query: z.strictObject({ topAreas: z.coerce.number().int().min(1).max(100).default(10) }),
    response: z.object({
      runs: z.record(z.string(), run), alerts: z.object({ total: z.number(), byLevel: z.record(z.string(), z.number()), byKind: z.record(z.string(), z.number()), bySeverity: z.record(z.string(), z.number()) }),
      grades: z.record(z.string(), z.number()), arrears: z.object({ inArrears: z.number(), outstandingCny: z.number(), expectedLossCny: z.number() }),
      theft: z.object({ listed: z.number(), highScore: z.number(), recoverableCny: z.number(), inspections: z.object({ confirmed: z.number(), clear: z.number() }) }),
      lists: z.object({ red: z.number(), black: z.number() }),
      topAreas: z.array(z.object({ areaId: z.string(), region: z.string(), recentRate: z.number(), lossKwh: z.number(), flagged: z.boolean() })),
    }),
    handler: async ({ ctx, query }) => riskOverview(ctx.config, { topAreas: query.topAreas, warehouse: ctx.wh }),
  }),
  defineRoute({
    id: 'risk.lists', method: 'GET', url: '/risk/lists', tag: 'risk',
    summary: 'Current red-list (trusted) or black-list (high-risk) entries with the rule or manual reason and effects; names masked; audited.',
    query: z.strictObject({ kind: z.enum(['red', 'black']), limit: z.coerce.number().int().min(1).max(5000).default(1000) }),
    response: z.object({ kind: z.string(), entries: z.array(listEntry) }),
    handler: async ({ ctx, request, principal, query }) => {
      const result = await riskListEntries(ctx.config, ctx.wh, { ...query, regions: regionsOf(principal) });
      await appendAudit(ctx.wh, { actor: principal.user.username, action: 'risk.lists.view', target: query.kind, ip: request.ip, details: { via: principal.via, customers: result.entries.length } });
      return { kind: result.kind, entries: result.entries.map((e) => maskRecord(e) as unknown as z.infer<typeof listEntry>) };
    },
  }),
  defineRoute({
    id: 'credit.get', method: 'GET', url: '/credit/:customerId', tag: 'risk',
    summary: 'The customer\'s rating of the latest credit run: score, grade, default probability, demerit rating and reason codes. Audited.',
    params: z.strictObject({ customerId: idText }),
    response: z.object({
      customerId: z.string(), runId: z.number(), asOf: z.string(), score: z.number(), badProbability: z.number(), grade: z.string(), demeritRating: z.number(),
      cashOnly: z.boolean(), reasons: z.array(z.unknown()), modelVersion: z.string(),
    }),
    handler: async ({ ctx, request, principal, params }) => {
      await requireCustomerInRegions(ctx.wh, params.customerId, regionsOf(principal));
      const credit = await creditOfCustomer(ctx.wh, params.customerId);
      await appendAudit(ctx.wh, { actor: principal.user.username, action: 'customer.credit.view', target: params.customerId, ip: request.ip, details: { via: principal.via } });
      return credit;
    },
  }),
];
