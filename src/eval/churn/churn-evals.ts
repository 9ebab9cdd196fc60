import type { EvalDefinition } from '../credit/eval-types.js';
import { CHURN_TELCO_EVAL_DESCRIPTION, CHURN_TELCO_EVAL_NAME, runChurnTelcoEval } from './churn-telco-eval.js';


/** The churn evaluations, for the `gridlens eval NAME` registry. */
export const churnEvals: readonly EvalDefinition[] = [
  { name: CHURN_TELCO_EVAL_NAME, description: CHURN_TELCO_EVAL_DESCRIPTION, run: runChurnTelcoEval },
];
