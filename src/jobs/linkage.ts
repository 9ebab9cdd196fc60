import { userInfo } from 'node:os';
import type { GridLensConfig } from '../core/config.js';
import { ValidationError } from '../core/errors.js';
import { maskPii } from '../core/pii-mask.js';
import { linkRecords, type LinkageStats } from '../quality/linkage/index.js';
import {
  decideReviewItem, listReviewItems, loadMasterRecords, loadSourceIdentities, nextLinkageRunId, writeLinks, type StoredReviewItem,
} from '../quality/linkage-store/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { loadSyntheticIdentities, type SyntheticIdentities } from './load-synthetic-identities.js';
import { withStore } from './store.js';

export interface LinkageRunRequest {
  /** Draw the demo's app and ticket records from the stored customers first (once). */
  readonly synthesize?: boolean;
  readonly seed?: number;
  readonly linkThreshold?: number;
  readonly reviewThreshold?: number;
}

export interface LinkageRunResult {
  readonly runId: number;
  readonly synthetic: SyntheticIdentities | null;
  readonly masters: number;
  readonly records: number;
  readonly decisions: { readonly linked: number; readonly review: number; readonly unmatched: number };
  /** Records a person reviewed before: their decision is kept. */
  readonly keptReviewed: number;
  readonly stats: LinkageStats;
  readonly seconds: number;
}

/** `gridlens linkage run`: links app and ticket identities to the billing customers and refreshes the review queue. */
export async function linkageRun(config: Pick<GridLensConfig, 'db'>, request: LinkageRunRequest = {}, warehouse?: Warehouse): Promise<LinkageRunResult> {
  const started = performance.now();
  return withStore(config, async (wh) => {
    const synthetic = request.synthesize ? await loadSyntheticIdentities(wh, request.seed) : null;
    const masters = await loadMasterRecords(wh);
    const others = await loadSourceIdentities(wh);
    if (others.length === 0) throw new ValidationError('linkage: no source records to link; load some, or use --synthesize for the demo');
    const result = linkRecords(masters, others, { linkThreshold: request.linkThreshold, reviewThreshold: request.reviewThreshold });
    const runId = await nextLinkageRunId(wh);
    const keptReviewed = await writeLinks(wh, { runId, links: result.links, reviewQueue: result.reviewQueue, sourceOf: new Map(others.map((r) => [r.recordId, r.source])) });
    const { linked, review, unmatched } = result.stats;
    return {
      runId, synthetic, masters: masters.length, records: others.length, decisions: { linked, review, unmatched }, keptReviewed,
      stats: result.stats, seconds: (performance.now() - started) / 1000,
    };
  }, { warehouse });
}

export interface LinkageReviewRequest {
  readonly accept?: string;
  readonly customer?: string;
  readonly reject?: string;
  /** Who decides; default the operating-system user. */
  readonly reviewer?: string;
  readonly limit?: number;
  readonly now?: Date;
}

export interface MaskedIdentity {
  readonly name: string | null;
  readonly phone: string | null;
  readonly idNumber: string | null;
  readonly address: string | null;
}

export interface MaskedReviewItem {
  readonly recordId: string;
  readonly source: string;
  readonly score: number;
  readonly record: MaskedIdentity;
  readonly candidates: { readonly customerId: string; readonly score: number; readonly reasons: string[]; readonly customer: MaskedIdentity | null }[];
}

export interface LinkageReviewResult {
  readonly decided: { readonly recordId: string; readonly decision: 'accepted' | 'rejected'; readonly customerId: string | null; readonly reviewer: string; readonly at: string } | null;
  /** Open review items in the store. */
  readonly open: number;
  readonly items: MaskedReviewItem[];
}

/** `gridlens linkage review`: records a decision (accept with the customer, or reject), then lists the open queue with personal data masked. */
export async function linkageReview(config: Pick<GridLensConfig, 'db'>, request: LinkageReviewRequest = {}, warehouse?: Warehouse): Promise<LinkageReviewResult> {
  if (request.accept && request.reject) throw new ValidationError('linkage review: give --accept or --reject, not both');
  if (request.customer && !request.accept) throw new ValidationError('linkage review: --customer goes with --accept');
  return withStore(config, async (wh) => {
    const decided = await decide(wh, request);
    const { items, open } = await listReviewItems(wh, request.limit ?? 20);
    return { decided, open, items: items.map(masked) };
  }, { warehouse });
}

async function decide(wh: Warehouse, request: LinkageReviewRequest): Promise<LinkageReviewResult['decided']> {
  const recordId = request.accept ?? request.reject;
  if (!recordId) return null;
  const decision = request.accept ? 'accepted' : 'rejected';
  const reviewer = request.reviewer ?? osUser();
  const at = request.now ?? new Date();
  await decideReviewItem(wh, { recordId, decision, customerId: request.customer, reviewer, at });
  return { recordId, decision, customerId: decision === 'accepted' ? request.customer! : null, reviewer, at: at.toISOString() };
}

function osUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

function maskedIdentity(i: { name: string; phone?: string | null; idNumber?: string | null; address?: string | null }): MaskedIdentity {
  return { name: maskPii('name', i.name), phone: maskPii('phone', i.phone), idNumber: maskPii('id_number', i.idNumber), address: maskPii('address', i.address) };
}

function masked(item: StoredReviewItem): MaskedReviewItem {
  return {
    recordId: item.record.recordId, source: item.record.source, score: item.score, record: maskedIdentity(item.record),
    candidates: item.candidates.map((c) => ({ customerId: c.customerId, score: c.score, reasons: c.reasons, customer: c.customer ? maskedIdentity(c.customer) : null })),
  };
}
