import type { LevelShift } from './change-point.js';
import type { PeerGroups } from './peer-groups.js';
import type { UsagePanel } from './usage-panel.js';

/** A drop smaller than this share is not counted as stolen energy. */
const MIN_DROP = 0.1;

/**
 * Energy a customer likely took without paying, kWh: from the start of its sustained drop, the
 * daily shortfall of metered usage below what it used before the drop, carried forward by the peer
 * index (so that weather and season are not mistaken for theft). Attacks that only move usage in
 * time (h5, h6) recover nothing here; they matter under time-of-use prices only.
 */
export function recoverableKwh(panel: UsagePanel, peers: PeerGroups, meter: number, shift: LevelShift | null): number {
  if (!shift || !(shift.ratio <= 1 - MIN_DROP)) return 0;
  const kwh = panel.series(meter, 'kwh');
  const index = peers.index(meter);
  const level = shift.before * peers.baseline[meter];
  const { end } = panel.span(meter);
  let total = 0;
  for (let d = shift.index; d < end; d++) {
    if (Number.isNaN(kwh[d]) || !(index[d] > 0)) continue;
    total += Math.max(0, level * index[d] - kwh[d]);
  }
  return total;
}

/** Expected daily kWh of a meter before its drop on days [start, end), carried by the peer index (NaN where unknown). */
export function expectedDaily(peers: PeerGroups, meter: number, shift: LevelShift | null, start = 0, end = peers.index(meter).length): Float64Array {
  const level = (shift?.before ?? 1) * peers.baseline[meter];
  return Float64Array.from(peers.index(meter).subarray(start, end), (v) => (v > 0 ? level * v : Number.NaN));
}

/** CNY per kWh of a tariff: its entry in `tariffPrices`, else the flat price. */
export function priceOf(tariffId: string, tariffPrices: Readonly<Record<string, number>>, flat: number): number {
  return tariffPrices[tariffId] ?? flat;
}
