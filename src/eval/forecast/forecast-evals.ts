import type { EvalDefinition } from './eval-report.js';
import { gefcom2012Eval } from './gefcom2012-eval.js';
import { openstef307Eval } from './openstef307-eval.js';
import { pjmeEval } from './pjme-eval.js';

/** The real-data forecast benchmarks, by registry name. */
export const forecastEvals: readonly EvalDefinition[] = [gefcom2012Eval, pjmeEval, openstef307Eval];
