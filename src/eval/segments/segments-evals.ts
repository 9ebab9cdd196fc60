import type { EvalDefinition } from '../credit/eval-types.js';
import { runSegmentsDemoEval, SEGMENTS_DEMO_EVAL_DESCRIPTION, SEGMENTS_DEMO_EVAL_NAME } from './segments-demo-eval.js';
import { runSegmentsSgscEval, SEGMENTS_SGSC_EVAL_DESCRIPTION, SEGMENTS_SGSC_EVAL_NAME } from './segments-sgsc-eval.js';


/** The segmentation evaluations, for the `gridlens eval NAME` registry. */
export const segmentsEvals: readonly EvalDefinition[] = [
  { name: SEGMENTS_DEMO_EVAL_NAME, description: SEGMENTS_DEMO_EVAL_DESCRIPTION, run: runSegmentsDemoEval },
  { name: SEGMENTS_SGSC_EVAL_NAME, description: SEGMENTS_SGSC_EVAL_DESCRIPTION, run: runSegmentsSgscEval },
];
