import { GERMAN_EVAL_DESCRIPTION, GERMAN_EVAL_NAME, runGermanCreditEval } from './credit-german-eval.js';
import { runTaiwanCreditEval, TAIWAN_EVAL_DESCRIPTION, TAIWAN_EVAL_NAME } from './credit-taiwan-eval.js';
import type { EvalDefinition } from './eval-types.js';

/** The credit evaluations, for the `gridlens eval NAME` registry. */
export const creditEvals: readonly EvalDefinition[] = [
  { name: GERMAN_EVAL_NAME, description: GERMAN_EVAL_DESCRIPTION, run: runGermanCreditEval },
  { name: TAIWAN_EVAL_NAME, description: TAIWAN_EVAL_DESCRIPTION, run: runTaiwanCreditEval },
];
