import type { GridLensConfig } from '../core/config.js';
import { NotFoundError } from '../core/errors.js';
import {
  getQuarantineEntry, listQuarantine, quarantineCounts, readingRules, replayQuarantine,
  type QuarantineEntry, type QuarantineFilter, type ReplaySummary,
} from '../ingest/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { withStore } from './store.js';

export interface QuarantineList {
  readonly counts: { status: string; reason_code: string; n: number }[];
  readonly entries: QuarantineEntry[];
}

/** `gridlens quarantine list`: counts by status and reason, and the newest entries. */
export function quarantineList(config: Pick<GridLensConfig, 'db'>, filter: QuarantineFilter = {}, warehouse?: Warehouse): Promise<QuarantineList> {
  return withStore(config, async (wh) => ({ counts: await quarantineCounts(wh), entries: await listQuarantine(wh, filter) }), { warehouse });
}

/** `gridlens quarantine show ID`. */
export function quarantineShow(config: Pick<GridLensConfig, 'db'>, id: number, warehouse?: Warehouse): Promise<QuarantineEntry> {
  return withStore(config, async (wh) => {
    const entry = await getQuarantineEntry(wh, id);
    if (!entry) throw new NotFoundError('quarantine entry', String(id));
    return entry;
  }, { warehouse });
}

/** `gridlens quarantine replay`: re-validates open entries and merges those that pass now. */
export function quarantineReplay(config: Pick<GridLensConfig, 'db'>, request: { ids?: number[]; now?: Date } = {}, warehouse?: Warehouse): Promise<ReplaySummary> {
  return withStore(config, (wh) => replayQuarantine(wh, readingRules((request.now ?? new Date()).getTime()), request.ids), { warehouse });
}
