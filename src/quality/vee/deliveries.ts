import { MS_PER_MINUTE } from '../../core/time/index.js';

/**
 * Raw interval deliveries of one meter channel as the head-end sent them, before slotting:
 * timestamps may be off the interval grid or repeated. Columnar for speed; `arrival` orders the
 * deliveries (a larger number arrived later).
 */
export interface Deliveries {
  readonly tsMs: Float64Array;
  readonly values: Float64Array;
  readonly arrival: Float64Array;
}

export interface DeliveryRecord {
  readonly tsMs: number;
  readonly value: number;
  /** Defaults to the position in the list. */
  readonly arrival?: number;
}

export function deliveriesFromRecords(records: readonly DeliveryRecord[]): Deliveries {
  const n = records.length;
  const out = { tsMs: new Float64Array(n), values: new Float64Array(n), arrival: new Float64Array(n) };
  records.forEach((r, i) => {
    out.tsMs[i] = r.tsMs;
    out.values[i] = r.value;
    out.arrival[i] = r.arrival ?? i;
  });
  return out;
}

/** Nearest slot of a delivered timestamp (a stamp a few seconds off the grid belongs to the closest slot). */
export function nearestSlot(tsMs: number, startMs: number, intervalMs: number): number {
  return Math.round((tsMs - startMs) / intervalMs);
}

/**
 * The slotted series that de-duplication stores: one value per slot, the latest arrival winning
 * (the rule the duplicate check reports on). Deliveries outside the series are ignored.
 */
export function slotDeliveries(deliveries: Deliveries, startMs: number, intervalMinutes: number, length: number): Float64Array {
  const intervalMs = intervalMinutes * MS_PER_MINUTE;
  const values = new Float64Array(length).fill(Number.NaN);
  const arrivalOfSlot = new Float64Array(length).fill(Number.NEGATIVE_INFINITY);
  for (let d = 0; d < deliveries.tsMs.length; d++) {
    const slot = nearestSlot(deliveries.tsMs[d], startMs, intervalMs);
    if (slot < 0 || slot >= length || deliveries.arrival[d] < arrivalOfSlot[slot]) continue;
    values[slot] = deliveries.values[d];
    arrivalOfSlot[slot] = deliveries.arrival[d];
  }
  return values;
}

/** Deliveries grouped by slot. Only slots delivered more than once keep their delivery list. */
export interface DeliveryIndex {
  /** Slot of each delivery; -1 when outside the series. */
  readonly slot: Int32Array;
  /** Offset of each delivery from its slot's start, ms. */
  readonly offsetMs: Float64Array;
  /** Deliveries per slot. */
  readonly count: Uint16Array;
  /** Slot → delivery positions sorted by arrival (oldest first), for slots delivered twice or more. */
  readonly repeated: ReadonlyMap<number, readonly number[]>;
  readonly outOfRange: number;
}

export function indexDeliveries(deliveries: Deliveries, startMs: number, intervalMs: number, length: number): DeliveryIndex {
  const m = deliveries.tsMs.length;
  const slot = new Int32Array(m);
  const offsetMs = new Float64Array(m);
  const count = new Uint16Array(length);
  let outOfRange = 0;
  for (let d = 0; d < m; d++) {
    const s = nearestSlot(deliveries.tsMs[d], startMs, intervalMs);
    offsetMs[d] = deliveries.tsMs[d] - (startMs + s * intervalMs);
    if (s < 0 || s >= length) {
      slot[d] = -1;
      outOfRange++;
      continue;
    }
    slot[d] = s;
    if (count[s] < 65535) count[s]++;
  }
  return { slot, offsetMs, count, repeated: repeatedSlots(deliveries, slot, count), outOfRange };
}

function repeatedSlots(deliveries: Deliveries, slot: Int32Array, count: Uint16Array): Map<number, number[]> {
  const repeated = new Map<number, number[]>();
  for (let d = 0; d < slot.length; d++) {
    const s = slot[d];
    if (s < 0 || count[s] < 2) continue;
    const list = repeated.get(s);
    if (list) list.push(d);
    else repeated.set(s, [d]);
  }
  for (const list of repeated.values()) list.sort((a, b) => deliveries.arrival[a] - deliveries.arrival[b]);
  return repeated;
}

/** The most recent value delivered to `slot` before the one kept, if it differs by more than `tolerance`. */
export function supersededValue(index: DeliveryIndex, deliveries: Deliveries, slot: number, tolerance: number): number | undefined {
  const list = index.repeated.get(slot);
  if (!list) return undefined;
  const kept = deliveries.values[list[list.length - 1]];
  for (let k = list.length - 2; k >= 0; k--) {
    const value = deliveries.values[list[k]];
    if (Math.abs(value - kept) > tolerance) return value;
  }
  return undefined;
}
