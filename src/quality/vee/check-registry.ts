import { clockShiftCheck } from './clock-shift-check.js';
import { dailyBandCheck } from './daily-band-check.js';
import { duplicateCheck } from './duplicate-check.js';
import type { CheckName } from './flag.js';
import { flatlineCheck } from './flatline-check.js';
import { gapCheck } from './gap-check.js';
import { limitCheck } from './limit-check.js';
import { negativeCheck } from './negative-check.js';
import { registerSumCheck } from './register-sum-check.js';
import { spikeCheck } from './spike-check.js';
import { timeCheck } from './time-check.js';
import type { VeeCheck } from './vee-check.js';
import { zeroRunCheck } from './zero-run-check.js';

/** Every validator by name. `runVee` picks them from here in its documented order. */
export const veeChecks: Readonly<Record<CheckName, VeeCheck>> = {
  time: timeCheck,
  duplicate: duplicateCheck,
  gap: gapCheck,
  'clock-shift': clockShiftCheck,
  negative: negativeCheck,
  limit: limitCheck,
  spike: spikeCheck,
  flatline: flatlineCheck,
  'zero-run': zeroRunCheck,
  'daily-band': dailyBandCheck,
  'register-sum': registerSumCheck,
};
