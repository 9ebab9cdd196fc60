import type { LevelShift } from './change-point.js';
import { yieldToEventLoop } from './event-loop.js';
import { eventFeatureNames, eventFeatures, type MeterTamper } from './event-features.js';
import { FeatureTable } from './feature-table.js';
import { levelFeatureNames, levelFeatures } from './level-features.js';
import type { PeerGroups } from './peer-groups.js';
import { shapeFeatureNames, shapeFeatures } from './shape-features.js';
import type { UsagePanel } from './usage-panel.js';

/** Features from the transformer-area energy balance (group identification). */
export const lossFeatureNames = ['loss_corr', 'loss_step_match', 'area_loss_rise'] as const;

/** Every feature of the theft detectors, in column order. */
export const theftFeatureNames: readonly string[] = [...levelFeatureNames, ...shapeFeatureNames, ...eventFeatureNames, ...lossFeatureNames];

/**
 * Which way is suspicious for each feature: +1 when larger values point to theft, −1 when smaller do.
 * The unsupervised detectors only count deviations in that direction.
 */
export const featureDirections: Readonly<Record<string, 1 | -1>> = {
  drop_ratio: 1, drop_z: 1, recent_ratio: -1, min_block_ratio: -1, zero_day_share: 1, zero_run_days: 1,
  zero_share_rise: 1, roughness_rise: 1, roughness_z: 1, cv_drop: 1, cv_rise: 1, night_share_shift: 1, profile_break: 1,
  profile_flatness: 1, profile_reversal: 1, tamper_events: 1, tamper_drop: 1, reverse_share: 1, negative_readings: 1,
  loss_corr: 1, loss_step_match: 1, area_loss_rise: 1,
};

export interface MeterFeatures {
  readonly table: FeatureTable;
  /** The sustained usage drop of each meter (null when none could be fitted). */
  readonly shifts: readonly (LevelShift | null)[];
}

export interface FeatureSettings {
  readonly minSegmentDays: number;
  readonly blockDays: number;
}

/** Meters whose features are computed between two turns of the event loop. */
const METERS_PER_TURN = 8;

/**
 * Usage, shape and event features of every meter of the panel; loss features are filled in later.
 * Lets the event loop turn every few meters (see `yieldToEventLoop`).
 */
export async function meterFeatures(panel: UsagePanel, peers: PeerGroups, tamper: ReadonlyMap<number, MeterTamper>, s: FeatureSettings): Promise<MeterFeatures> {
  const table = new FeatureTable(theftFeatureNames, panel.nMeters);
  const shifts: (LevelShift | null)[] = [];
  for (let m = 0; m < panel.nMeters; m++) {
    if (m % METERS_PER_TURN === METERS_PER_TURN - 1) await yieldToEventLoop();
    const level = levelFeatures(panel, peers, m, s.minSegmentDays, s.blockDays);
    shifts.push(level.shift);
    table.setAll(m, level.values);
    table.setAll(m, shapeFeatures(panel, m, s.minSegmentDays));
    table.setAll(m, eventFeatures(panel, m, level.relative, tamper.get(panel.meters[m].meterId), s.blockDays));
  }
  return { table, shifts };
}
