import type { EvalDefinition } from '../credit/eval-types.js';
import { LINELOSS_DEMO_EVAL_DESCRIPTION, LINELOSS_DEMO_EVAL_NAME, runLinelossDemoEval } from './lineloss-demo-eval.js';
import { runTheftDemoEval, THEFT_DEMO_EVAL_DESCRIPTION, THEFT_DEMO_EVAL_NAME } from './theft-demo-eval.js';
import { runTheftSgscEval, THEFT_SGSC_EVAL_DESCRIPTION, THEFT_SGSC_EVAL_NAME } from './theft-sgsc-eval.js';

/** The theft and line-loss evaluations, for the `gridlens eval NAME` registry. */
export const theftEvals: readonly EvalDefinition[] = [
  { name: THEFT_DEMO_EVAL_NAME, description: THEFT_DEMO_EVAL_DESCRIPTION, run: runTheftDemoEval },
  { name: THEFT_SGSC_EVAL_NAME, description: THEFT_SGSC_EVAL_DESCRIPTION, run: runTheftSgscEval },
  { name: LINELOSS_DEMO_EVAL_NAME, description: LINELOSS_DEMO_EVAL_DESCRIPTION, run: runLinelossDemoEval },
];
