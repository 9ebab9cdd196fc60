import type { Edit, EstimationState, VeeEstimator } from './edit.js';
import { kwhText } from './reason-format.js';
import { registerBrackets, type RegisterBracket } from './register-brackets.js';

/**
 * Register scaling: where two register reads bracket estimated or still-pending slots, the
 * register advance minus the known intervals is spread over them: `scaled` keeps the estimates'
 * shape (multiplies them so they add up), `flat` gives each the same share (DOMAIN.md's flat line;
 * also used when `scaled` has nothing to scale). Skipped when the known intervals already exceed
 * the advance.
 */
export const registerEstimator: VeeEstimator = (series, rules, _ctx, state) => {
  const mode = rules.estimation.registerScaling;
  if (mode === 'off') return [];
  const edits: Edit[] = [];
  for (const bracket of registerBrackets(series, rules)) {
    if (!Number.isNaN(bracket.expectedKwh)) edits.push(...scaleBracket(bracket, mode, state));
  }
  return edits;
};

function scaleBracket(b: RegisterBracket, mode: 'scaled' | 'flat', state: EstimationState): Edit[] {
  const targets: number[] = [];
  let known = 0;
  let estimatedSum = 0;
  let allEstimated = true;
  for (let i = b.startIndex; i < b.endIndex; i++) {
    if (state.pending[i] === 1 || state.estimated[i] === 1) {
      targets.push(i);
      if (state.pending[i] === 1) allEstimated = false;
      else estimatedSum += state.values[i];
    } else if (Number.isFinite(state.values[i])) known += state.values[i];
    else return [];
  }
  const remaining = b.expectedKwh - known;
  if (targets.length === 0 || remaining < 0) return [];
  const scaled = mode === 'scaled' && allEstimated && estimatedSum > 0;
  const factor = scaled ? remaining / estimatedSum : 0;
  const share = remaining / targets.length;
  const basis = `register advance ${kwhText(b.expectedKwh)} minus known intervals ${kwhText(known)} = ${kwhText(remaining)} over ${targets.length} intervals`;
  return targets.map((i) => ({
    index: i,
    original: state.original[i],
    value: scaled ? state.values[i] * factor : share,
    quality: 'estimated' as const,
    method: scaled ? 'register-scaled' : 'register-flat',
    reason: scaled ? `${state.methodOf.get(i) ?? 'estimate'} scaled by ${factor.toFixed(3)}: ${basis}` : `flat share of the ${basis}`,
  }));
}
