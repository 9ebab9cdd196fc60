import type { Deliveries } from './deliveries.js';
import { missingRuns, type Run } from './runs.js';
import type { VeeContext } from './vee-context.js';

/**
 * What a clock jump of k slots leaves in the delivered data: a hole of exactly k missing slots at
 * one end of the shifted block and k slots delivered twice with different values (re-stamped
 * readings colliding with genuine ones) at the other.
 */
export interface ClockMarker extends Run {
  readonly kind: 'hole' | 'collision';
  /** A collision where at least one slot got two different values (zeros re-stamped onto zeros do not). */
  readonly differing: boolean;
}

/**
 * A block whose timestamps are off by `shiftSteps`: values in `[shiftedStart, shiftedEnd)` belong
 * `shiftSteps` slots earlier. The first and last |shiftSteps| slots of `[flagStart, flagEnd)` are the
 * hole and the collision.
 */
export interface ClockCandidate {
  readonly shiftSteps: number;
  /** The collision had two different values somewhere (strong evidence). */
  readonly differing: boolean;
  readonly flagStart: number;
  readonly flagEnd: number;
  readonly shiftedStart: number;
  readonly shiftedEnd: number;
}

export function clockMarkers(values: Float64Array, deliveries: Deliveries | undefined, ctx: VeeContext, k: number, tolerance: number): ClockMarker[] {
  const holes = missingRuns(values, 0, ctx.dueEnd).filter((r) => r.end - r.start === k);
  const markers: ClockMarker[] = holes.map((r) => ({ ...r, kind: 'hole', differing: false }));
  for (const r of collisionRuns(deliveries, ctx, tolerance)) if (r.end - r.start === k) markers.push(r);
  return markers.sort((a, b) => a.start - b.start);
}

/** Runs of slots delivered more than once. */
function collisionRuns(deliveries: Deliveries | undefined, ctx: VeeContext, tolerance: number): ClockMarker[] {
  const index = ctx.deliveryIndex;
  if (!index || !deliveries) return [];
  const slots = [...index.repeated.keys()].sort((a, b) => a - b);
  const runs: ClockMarker[] = [];
  for (const s of slots) {
    const list = index.repeated.get(s)!;
    const kept = deliveries.values[list[list.length - 1]];
    const differing = list.some((d) => Math.abs(deliveries.values[d] - kept) > tolerance);
    const last = runs[runs.length - 1];
    if (last && last.end === s) runs[runs.length - 1] = { ...last, end: s + 1, differing: last.differing || differing };
    else runs.push({ start: s, end: s + 1, kind: 'collision', differing });
  }
  return runs;
}

/**
 * Every pairing of a hole and a collision `[minBlock, maxBlock]` slots apart. A hole followed by a
 * collision is a clock running ahead (stamps late, +k); a collision followed by a hole is a clock
 * running behind (−k). The check confirms candidates and keeps the best non-overlapping ones.
 */
export function clockCandidates(markers: readonly ClockMarker[], k: number, minBlock: number, maxBlock: number): ClockCandidate[] {
  const out: ClockCandidate[] = [];
  for (let a = 0; a < markers.length; a++) {
    for (let b = a + 1; b < markers.length; b++) {
      const distance = markers[b].start - markers[a].start;
      if (distance > maxBlock) break;
      if (markers[b].kind !== markers[a].kind && distance >= minBlock) out.push(candidate(markers[a], markers[b], k));
    }
  }
  return out;
}

function candidate(first: ClockMarker, second: ClockMarker, k: number): ClockCandidate {
  const ahead = first.kind === 'hole';
  return {
    shiftSteps: ahead ? k : -k,
    differing: first.differing || second.differing,
    flagStart: first.start,
    flagEnd: second.end,
    shiftedStart: ahead ? first.end : first.start,
    shiftedEnd: second.start,
  };
}
