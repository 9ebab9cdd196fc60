import { veeChecks } from './check-registry.js';
import { correctClockShifts, withoutExplained } from './clock-shift-correction.js';
import type { Edit, EstimationState } from './edit.js';
import { createEstimationState, removal } from './estimation-state.js';
import { estimatorNames, veeEstimators } from './estimator-registry.js';
import type { CheckName, Flag } from './flag.js';
import type { MeterSeries } from './meter-series.js';
import { createVeeContext, type VeeContext, type VeeOptions } from './vee-context.js';
import { defaultVeeRuleSet, resolveVeeRules, type VeeRules, type VeeRuleSet } from './vee-rules.js';
import { qualityCodes, veeStats, type VeeStats } from './vee-stats.js';

/**
 * The fixed order of VEE:
 * 1. timing checks on the series as delivered: time, duplicate, gap, clock-shift;
 * 2. timing edits: blocks with paired clock-shift evidence are moved back (`correctClockShifts`),
 *    and the gap and duplicate findings at their ends are folded into the clock-shift flag;
 * 3. value checks on the corrected series: negative, limit, spike, flatline, zero-run, daily-band,
 *    register-sum;
 * 4. estimation of missing, vacated and invalid slots: linear (≤ 2 h), like-day, register scaling;
 * 5. invalid values left without an estimate are removed (an edit keeps them).
 */
export const veeOrder: { readonly timing: readonly CheckName[]; readonly values: readonly CheckName[] } = {
  timing: ['time', 'duplicate', 'gap', 'clock-shift'],
  values: ['negative', 'limit', 'spike', 'flatline', 'zero-run', 'daily-band', 'register-sum'],
};

export interface VeeResult {
  readonly flags: Flag[];
  /** One edit per changed slot, sorted by index; originals kept. */
  readonly edits: Edit[];
  readonly cleaned: Float64Array;
  /** `Quality` code per slot: 0 actual, 1 estimated, 2 edited, 3 missing. */
  readonly quality: Uint8Array;
  readonly stats: VeeStats;
}

/** Validates, corrects and estimates one meter channel. `rules` is a rule set (resolved by the meter's class) or resolved rules. */
export function runVee(series: MeterSeries, rules: VeeRuleSet | VeeRules = defaultVeeRuleSet, options: VeeOptions = {}): VeeResult {
  const resolved = 'version' in rules ? resolveVeeRules(rules, series.context.meterClass) : rules;
  const ctx = createVeeContext(series, options);
  const delivered = runChecks(veeOrder.timing, series, resolved, ctx);
  const timing = correctClockShifts(series, delivered, resolved, ctx);
  const timingFlags = withoutExplained(delivered, timing.explained);
  const working = timing.edits.length > 0 || timing.vacated.length > 0 ? series.withValues(timing.values) : series;
  const flags = [...timingFlags, ...runChecks(veeOrder.values, working, resolved, ctx)];
  const { state, removed } = createEstimationState(series.values, timing.values, flags, resolved, ctx);
  const log = new Map<number, Edit>();
  for (const e of [...timing.edits, ...removed]) log.set(e.index, e);
  for (const name of estimatorNames) applyEdits(state, log, veeEstimators[name](working, resolved, ctx, state));
  removeUnestimated(state, log, ctx);
  const edits = [...log.values()].sort((a, b) => a.index - b.index);
  const quality = qualityCodes(state.values, edits);
  return { flags, edits, cleaned: state.values, quality, stats: veeStats(series.values, quality, flags, edits, ctx) };
}

export function runChecks(names: readonly CheckName[], series: MeterSeries, rules: VeeRules, ctx: VeeContext): Flag[] {
  const flags: Flag[] = [];
  for (const name of names) if (!rules.disabledChecks.includes(name)) flags.push(...veeChecks[name](series, rules, ctx));
  return flags;
}

function applyEdits(state: EstimationState, log: Map<number, Edit>, edits: readonly Edit[]): void {
  for (const e of edits) {
    state.values[e.index] = e.value;
    state.pending[e.index] = 0;
    state.estimated[e.index] = 1;
    state.methodOf.set(e.index, e.method);
    log.set(e.index, e);
  }
}

/** Pending slots that held a value (delivered or moved there) lose it, recorded as a removal. */
function removeUnestimated(state: EstimationState, log: Map<number, Edit>, ctx: VeeContext): void {
  for (let i = 0; i < ctx.dueEnd; i++) {
    if (state.pending[i] === 1 && (state.original[i] === state.original[i] || log.has(i))) log.set(i, removal(i, state.original[i], 'flagged invalid'));
  }
}
