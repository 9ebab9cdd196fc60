/** Half-open index range `[start, end)`. */
export interface Run {
  readonly start: number;
  readonly end: number;
}

/** Maximal runs of set bytes of `mask` within `[from, to)`. */
export function runsOf(mask: Uint8Array, from = 0, to = mask.length): Run[] {
  const runs: Run[] = [];
  let start = -1;
  for (let i = from; i < to; i++) {
    if (mask[i] !== 0) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push({ start, end: i });
      start = -1;
    }
  }
  if (start >= 0) runs.push({ start, end: to });
  return runs;
}

/** Maximal runs of NaN within `[from, to)`. */
export function missingRuns(values: Float64Array, from = 0, to = values.length): Run[] {
  const runs: Run[] = [];
  let start = -1;
  for (let i = from; i < to; i++) {
    if (values[i] !== values[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push({ start, end: i });
      start = -1;
    }
  }
  if (start >= 0) runs.push({ start, end: to });
  return runs;
}
