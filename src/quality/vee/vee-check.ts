import type { Flag } from './flag.js';
import type { MeterSeries } from './meter-series.js';
import type { VeeContext } from './vee-context.js';
import type { VeeRules } from './vee-rules.js';

/** Every validator has this shape: pure, one meter channel in, flags out. */
export type VeeCheck = (series: MeterSeries, rules: VeeRules, ctx: VeeContext) => Flag[];
