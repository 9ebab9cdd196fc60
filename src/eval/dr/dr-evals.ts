import type { EvalDefinition } from '../credit/eval-types.js';
import { DR_BASELINES_EVAL_DESCRIPTION, DR_BASELINES_EVAL_NAME, runDrBaselinesEval } from './dr-baselines-eval.js';

/** The demand-response evaluations, for the `gridlens eval NAME` registry. */
export const drEvals: readonly EvalDefinition[] = [
  { name: DR_BASELINES_EVAL_NAME, description: DR_BASELINES_EVAL_DESCRIPTION, run: runDrBaselinesEval },
];
