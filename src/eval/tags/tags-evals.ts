import type { EvalDefinition } from '../credit/eval-types.js';
import { runTagsDemoEval, TAGS_DEMO_EVAL_DESCRIPTION, TAGS_DEMO_EVAL_NAME } from './tags-demo-eval.js';

/** The tag evaluations, for the `gridlens eval NAME` registry. */
export const tagsEvals: readonly EvalDefinition[] = [{ name: TAGS_DEMO_EVAL_NAME, description: TAGS_DEMO_EVAL_DESCRIPTION, run: runTagsDemoEval }];
