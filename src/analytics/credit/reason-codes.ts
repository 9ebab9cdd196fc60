import type { LocalizedText } from './credit-dataset.js';
import { MISSING_LABEL } from './feature-binning.js';

/** What one scorecard feature contributes to one applicant's score. */
export interface FeatureContribution {
  readonly feature: string;
  /** Display name of the feature (falls back to its name). */
  readonly label: LocalizedText;
  readonly bin: number;
  readonly binLabel: string;
  readonly woe: number;
  readonly points: number;
  /** Points of the feature's best non-empty bin. */
  readonly bestPoints: number;
  readonly bestBinLabel: string;
}

/** One reason why a score is not higher ("adverse action" reason). */
export interface ReasonCode {
  /** Stable code per feature, e.g. RC_CHECKING_STATUS. */
  readonly code: string;
  readonly feature: string;
  readonly binLabel: string;
  /** Points below the feature's best bin. */
  readonly pointsLost: number;
  readonly text: LocalizedText;
}

/**
 * The features that cost the applicant the most points relative to their best bin, largest loss
 * first, ties by feature name; features scored at their best bin give no reason.
 */
export function reasonCodes(contributions: readonly FeatureContribution[], count: number): ReasonCode[] {
  return contributions
    .map((c) => ({ c, lost: c.bestPoints - c.points }))
    .filter(({ lost }) => lost > 1e-9)
    .sort((a, b) => b.lost - a.lost || a.c.feature.localeCompare(b.c.feature))
    .slice(0, count)
    .map(({ c, lost }) => reasonOf(c, lost));
}

function reasonOf(c: FeatureContribution, lost: number): ReasonCode {
  const points = Number(lost.toFixed(1));
  const zhBin = c.binLabel === MISSING_LABEL ? '缺失' : c.binLabel;
  return {
    code: `RC_${c.feature.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`,
    feature: c.feature,
    binLabel: c.binLabel,
    pointsLost: lost,
    text: {
      'zh-CN': `${c.label['zh-CN']}（${zhBin}）比最优区间（${c.bestBinLabel}）少 ${points} 分`,
      en: `${c.label.en} (${c.binLabel}) scores ${points} points below its best bin (${c.bestBinLabel})`,
    },
  };
}
