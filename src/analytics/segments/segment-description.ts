import type { ProfileBlock } from './typical-day-profiles.js';
import { dailyShape } from './typical-day-profiles.js';

/** Measurable facts about a segment's centroid, and its plain-language name and description. */
export interface SegmentShapeFacts {
  /** Local hour (0–23) of the highest share of the mean daily shape. */
  readonly peakHour: number;
  /** Shares of daily energy 08:00–20:00, 22:00–06:00 and 17:00–22:00. */
  readonly dayShare: number;
  readonly nightShare: number;
  readonly eveningShare: number;
  /** Share of 10:00–15:00 (a dip here with a day-time population suggests rooftop PV). */
  readonly middayShare: number;
  /** Peak hour share ÷ mean hour share (1 = flat). */
  readonly peakToMean: number;
  /** Rest-day use ÷ workday use (null when the window has only one kind). */
  readonly restdayRatio: number | null;
  /** Summer and winter daily use ÷ shoulder-season daily use (null without those seasons). */
  readonly summerRatio: number | null;
  readonly winterRatio: number | null;
  /** The mean daily shape, 24 shares summing to 1. */
  readonly shape: readonly number[];
}

export interface SegmentText {
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  readonly text: { readonly 'zh-CN': string; readonly en: string };
}

const sumHours = (shape: Float64Array, from: number, to: number) => {
  let s = 0;
  for (let h = from; h !== to; h = (h + 1) % 24) s += shape[h];
  return s;
};

/** Shape facts of one centroid (row `c` of `centroids`). */
export function shapeFacts(centroids: Float64Array, c: number, blocks: readonly ProfileBlock[]): SegmentShapeFacts {
  const shape = dailyShape(centroids, c, blocks.length);
  let peak = 0;
  for (let h = 1; h < 24; h++) if (shape[h] > shape[peak]) peak = h;
  const blockUse = (pick: (b: ProfileBlock) => boolean) => {
    let s = 0;
    let n = 0;
    blocks.forEach((b, i) => {
      if (!pick(b)) return;
      n++;
      for (let h = 0; h < 24; h++) s += centroids[c * blocks.length * 24 + i * 24 + h];
    });
    return n ? s / n : null;
  };
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? a / b : null);
  const shoulder = blockUse((b) => b.season === 'shoulder');
  return {
    peakHour: peak,
    dayShare: sumHours(shape, 8, 20),
    nightShare: sumHours(shape, 22, 6),
    eveningShare: sumHours(shape, 17, 22),
    middayShare: sumHours(shape, 10, 15),
    peakToMean: shape[peak] * 24,
    restdayRatio: ratio(blockUse((b) => b.dayKind === 'restday'), blockUse((b) => b.dayKind === 'workday')),
    summerRatio: ratio(blockUse((b) => b.season === 'summer'), shoulder),
    winterRatio: ratio(blockUse((b) => b.season === 'winter'), shoulder),
    shape: Array.from(shape),
  };
}

interface Trait {
  readonly when: (f: SegmentShapeFacts) => boolean;
  readonly zh: string;
  readonly en: string;
}

/** The main pattern: the first that applies names the segment. */
const patterns: readonly Trait[] = [
  { when: (f) => f.peakHour >= 21 && f.peakToMean >= 1.8 && f.dayShare >= 0.2, zh: '深夜高峰型（疑似电动汽车充电）', en: 'Late-night peak (likely EV charging)' },
  { when: (f) => f.nightShare >= 0.5, zh: '夜间用电型', en: 'Night-time use' },
  { when: (f) => f.peakToMean < 1.35, zh: '全天平稳型', en: 'Flat round-the-clock' },
  { when: (f) => f.dayShare >= 0.7 && (f.restdayRatio ?? 1) < 0.75, zh: '工作日白天型', en: 'Workday daytime' },
  { when: (f) => f.dayShare >= 0.7, zh: '白天营业型', en: 'Daytime, all week' },
  { when: (f) => f.middayShare < 0.08, zh: '午间低谷型（疑似屋顶光伏）', en: 'Midday dip (likely rooftop PV)' },
  { when: (f) => f.eveningShare >= 0.3 && f.dayShare < 0.5, zh: '早晚双峰型（上班族）', en: 'Morning and evening peaks (commuters)' },
  { when: () => true, zh: '日间居家型', en: 'At home by day' },
];

/** Modifiers added after the pattern. */
const modifiers: readonly Trait[] = [
  { when: (f) => (f.summerRatio ?? 1) >= 1.45, zh: '夏季空调负荷高', en: 'strong summer cooling' },
  { when: (f) => (f.winterRatio ?? 1) >= 1.35, zh: '冬季采暖负荷高', en: 'strong winter heating' },
  { when: (f) => (f.restdayRatio ?? 1) >= 1.25, zh: '休息日用电多', en: 'higher use on rest days' },
];

const pct = (v: number) => `${(v * 100).toFixed(0)}%`;
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** A plain-language name and one-sentence description of a segment, in zh-CN and en. */
export function describeShape(f: SegmentShapeFacts, size: number, share: number): SegmentText {
  const main = patterns.find((p) => p.when(f)) as Trait;
  const mods = modifiers.filter((m) => m.when(f));
  const seasonal = [
    f.summerRatio === null ? null : { zh: `夏季日用电为春秋季的 ${f.summerRatio.toFixed(2)} 倍`, en: `summer days use ${f.summerRatio.toFixed(2)}× a shoulder-season day` },
    f.winterRatio === null ? null : { zh: `冬季为 ${f.winterRatio.toFixed(2)} 倍`, en: `winter days ${f.winterRatio.toFixed(2)}×` },
  ].filter((x): x is { zh: string; en: string } => x !== null);
  return {
    name: {
      'zh-CN': [main.zh, ...mods.map((m) => m.zh)].join('，'),
      en: [main.en, ...mods.map((m) => m.en)].join(', '),
    },
    text: {
      'zh-CN': `${size} 户（${pct(share)}）；高峰在 ${hh(f.peakHour)}，白天（8–20 时）用电占 ${pct(f.dayShare)}，夜间（22–6 时）占 ${pct(f.nightShare)}，晚高峰（17–22 时）占 ${pct(f.eveningShare)}` +
        `${f.restdayRatio === null ? '' : `；休息日用电为工作日的 ${f.restdayRatio.toFixed(2)} 倍`}${seasonal.length ? `；${seasonal.map((s) => s.zh).join('，')}` : ''}。`,
      en: `${size} customers (${pct(share)}); peak at ${hh(f.peakHour)}, ${pct(f.dayShare)} of daily energy by day (08–20), ${pct(f.nightShare)} at night (22–06), ${pct(f.eveningShare)} in the evening (17–22)` +
        `${f.restdayRatio === null ? '' : `; rest days use ${f.restdayRatio.toFixed(2)}× a workday`}${seasonal.length ? `; ${seasonal.map((s) => s.en).join(', ')}` : ''}.`,
    },
  };
}
