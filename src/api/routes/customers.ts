import { z } from 'zod';
import { appendAudit } from '../../jobs/audit.js';
import { loadWindow, searchCustomersFiltered } from '../../jobs/api-segments.js';
import { customerLoad, inRegions, requireCustomerInRegions } from '../../jobs/customers.js';
import { NotFoundError } from '../../core/errors.js';
import { cachedRead, SURVIVES_API_WRITES } from '../../jobs/api-read-cache.js';
import { emptyProfileTables } from '../../jobs/profile.js';
import { liveScoreCustomers, profileDocumentsCurrent, profileView, type ProfileViewText } from '../../jobs/profile-documents.js';
import { regionsOf } from '../context.js';
import { maskRecord, PII_FIELDS, type PiiField } from '../masking.js';
import { defineRoute, JsonText } from '../route.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { customerIdParams, idText, isoDate, label, pageOf, pageQuery, searchText } from '../schemas.js';

const customerSummary = z.object({
  customerId: z.string(), name: z.string(), phone: z.string().nullable(), address: z.string().nullable(), idNumber: z.string().nullable(),
  district: z.string(), customerClass: z.string(), tariffId: z.string(), areaId: z.string(), status: z.string(),
});
const rows = z.array(z.record(z.string(), z.unknown()));
/** Profile views are reused this long (and until any write route runs). */
const PROFILE_TTL_MS = 5_000;
/**
 * Whether the stored profile documents match the store is re-checked this often (one scan of every
 * source table). Write routes do not clear it: none writes a source. While the server holds a DuckDB
 * file no other process can write it; the interval bounds staleness on a store shared with other writers.
 */
const DOCUMENTS_CHECK_MS = 300_000;
/** Which optional tables are empty, and which customers are on the black and watch lists, are re-read this often (and after any write route). */
const EMPTY_TABLES_TTL_MS = 10_000;
const piiFields = Object.keys(PII_FIELDS) as [PiiField, ...PiiField[]];

/** The profile view, with the store-wide facts it depends on cached (see the TTLs above). */
async function readProfileView(wh: Warehouse, customerId: string): Promise<ProfileViewText> {
  const emptyTables = await cachedRead(wh, 'profile:empty-tables', EMPTY_TABLES_TTL_MS, () => emptyProfileTables(wh));
  const [documentsCurrent, liveCustomers] = await Promise.all([
    // API write requests never write a document source (test/api-profile-documents.test.ts): they keep this answer
    cachedRead(wh, `${SURVIVES_API_WRITES}profile:documents-current`, DOCUMENTS_CHECK_MS, () => profileDocumentsCurrent(wh)),
    cachedRead(wh, 'profile:live-customers', EMPTY_TABLES_TTL_MS, () => liveScoreCustomers(wh, emptyTables)),
  ]);
  return profileView(wh, customerId, { documentsCurrent, emptyTables, liveCustomers });
}

export const customerRoutes = [
  defineRoute({
    id: 'customers.search', method: 'GET', url: '/customers', tag: 'customers',
    summary: 'Search customers by id prefix, name fragment or phone digits, with district, class, segment and tag filters; personal data masked; limited to the caller\'s districts.',
    query: z.strictObject({
      q: searchText.optional(), district: searchText.optional(), customerClass: searchText.optional(),
      segment: idText.optional().describe('load-shape segment of the latest segmentation run, e.g. S01'), tag: idText.optional().describe('tag id on the latest tag day'), ...pageQuery,
    }),
    response: pageOf(customerSummary.extend({ segment: z.string().nullable(), tags: z.array(z.string()) })),
    handler: async ({ ctx, principal, query }) => {
      const page = await searchCustomersFiltered(ctx.wh, { ...query, regions: regionsOf(principal) });
      return { ...page, items: page.items.map(maskRecord) };
    },
  }),
  defineRoute({
    id: 'customers.profile', method: 'GET', url: '/customers/:id', tag: 'customers',
    summary: 'The customer 360 profile: master data, area, tariff, accounts, meters, features and daily shape, monthly use, tags with labels and evidence, '
      + 'segment and scores from the analytics steps that ran, recent bills, payments, tickets and app events. Personal data masked; the view is audited.',
    params: customerIdParams,
    response: z.object({
      customer: z.record(z.string(), z.unknown()), area: z.record(z.string(), z.unknown()).nullable(), tariff: z.record(z.string(), z.unknown()).nullable(),
      accounts: rows, meters: rows, features: z.record(z.string(), z.unknown()).nullable(), shape: z.array(z.number()).nullable(),
      monthly: z.array(z.object({ month: z.string(), kwh: z.number(), days: z.number(), peakKw: z.number() })),
      tags: z.array(z.object({ id: z.string(), version: z.number(), category: z.string().nullable(), label, description: label.nullable(), evidence: z.record(z.string(), z.unknown()) })),
      scores: z.array(z.object({ table: z.string(), row: z.record(z.string(), z.unknown()) })),
      bills: rows, payments: rows, tickets: rows, events: rows,
    }),
    handler: async ({ ctx, request, principal, params }) => {
      // The view (personal data masked; role-independent) is reused briefly; the region check and
      // the audit entry happen on every view, before anything is returned.
      const view = await cachedRead(ctx.wh, `profile:${params.id}`, PROFILE_TTL_MS, () => readProfileView(ctx.wh, params.id));
      if (!inRegions(view.district, regionsOf(principal))) throw new NotFoundError('customer', params.id); // no existence leak
      await appendAudit(ctx.wh, { actor: principal.user.username, action: 'customer.view', target: params.id, ip: request.ip, details: { via: principal.via } });
      return new JsonText(view.json); // the stored document as stored: no parse and re-stringify per view
    },
  }),
  defineRoute({
    id: 'customers.unmask', method: 'POST', url: '/customers/:id/unmask', tag: 'customers',
    summary: 'Reveal personal data fields of one customer, with a stated reason; audited.',
    params: customerIdParams,
    body: z.strictObject({ fields: z.array(z.enum(piiFields)).min(1).max(4), reason: z.string().trim().min(4).max(500) }),
    response: z.object({ customerId: z.string(), values: z.record(z.string(), z.string().nullable()) }),
    handler: async ({ ctx, request, principal, params, body }) => {
      const customer = await requireCustomerInRegions(ctx.wh, params.id, regionsOf(principal));
      const fields = [...new Set(body.fields)];
      await appendAudit(ctx.wh, { actor: principal.user.username, action: 'customer.unmask', target: params.id, ip: request.ip, details: { fields, reason: body.reason } });
      return { customerId: params.id, values: Object.fromEntries(fields.map((f) => [f, (customer[f] as string | null) ?? null])) };
    },
  }),
  defineRoute({
    id: 'customers.load', method: 'GET', url: '/customers/:id/load', tag: 'customers',
    summary: 'Load curve of the customer (import kWh) between local days, at 15-minute, hourly or daily resolution; by default the last 30 days of the customer\'s data.',
    params: customerIdParams,
    query: z.strictObject({ from: isoDate.optional(), to: isoDate.optional(), resolution: z.enum(['15m', '1h', '1d']).default('1h') }),
    response: z.object({ customerId: idText, resolution: z.string(), timeZone: z.string(), points: z.array(z.object({ ts: z.string(), kwh: z.number().nullable(), quality: z.number() })) }),
    handler: async ({ ctx, principal, params, query }) => {
      const regions = regionsOf(principal);
      let { from, to } = query;
      if (from === undefined || to === undefined) {
        const customer = await requireCustomerInRegions(ctx.wh, params.id, regions);
        ({ from, to } = await loadWindow(ctx.wh, params.id, String(customer.timeZone ?? 'Asia/Shanghai'), query));
      }
      return customerLoad(ctx.wh, { customerId: params.id, from, to, resolution: query.resolution, regions });
    },
  }),
];
