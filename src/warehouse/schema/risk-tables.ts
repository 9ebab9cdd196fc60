import type { TableDef } from './table-def.js';

/** Credit ratings, arrears, risk lists, deposits, inspections and alerts. */
export const riskTables: readonly TableDef[] = [
  {
    name: 'risk_runs', primaryKey: ['run_id'], orderBy: ['run_id'],
    doc: 'One row per risk scoring run (`gridlens run credit|arrears|theft|lineloss`): the model, its held-out metrics and the facts of the run.',
    columns: [
      { name: 'run_id', type: 'int32' }, { name: 'kind', type: 'varchar', doc: 'credit, arrears, theft, lineloss' },
      { name: 'started_at', type: 'timestamp' }, { name: 'as_of', type: 'date', doc: 'the local day the scores describe' },
      { name: 'model_version', type: 'varchar', doc: 'e.g. scorecard@3 or demerit@1' },
      { name: 'model', type: 'json', nullable: true, doc: 'the fitted model (toJSON), when one was trained' },
      { name: 'metrics', type: 'json', doc: 'held-out metrics, baselines, PSI against the previous run' },
      { name: 'stats', type: 'json', doc: 'counts and timings' },
    ],
  },
  {
    name: 'credit_ratings', primaryKey: ['customer_id', 'run_id'], orderBy: ['customer_id', 'run_id'],
    doc: 'Credit rating of every customer per credit run: scorecard points (or the demerit rating mapped to points), grade, reasons.',
    columns: [
      { name: 'customer_id', type: 'varchar' }, { name: 'run_id', type: 'int32' }, { name: 'as_of', type: 'date' },
      { name: 'score', type: 'float64', doc: 'points on the 600 @ 19:1, 50-points-to-double scale' },
      { name: 'bad_probability', type: 'float64' }, { name: 'grade', type: 'varchar', doc: 'AAA, AA, A, BBB, BB, B, CCC, C' },
      { name: 'demerit_rating', type: 'float64', doc: 'CC&B-style rating: start rating minus active demerits' },
      { name: 'cash_only', type: 'bool' },
      { name: 'reasons', type: 'json', doc: 'reason codes: the features that cost the most points' },
      { name: 'model_version', type: 'varchar' },
    ],
  },
  {
    name: 'arrears_scores', primaryKey: ['customer_id', 'run_id'], orderBy: ['customer_id', 'run_id'],
    doc: 'Probability that the next bill is paid late (pd_late) or goes 60+ days unpaid (pd_default), with the exposure and expected loss.',
    columns: [
      { name: 'customer_id', type: 'varchar' }, { name: 'run_id', type: 'int32' }, { name: 'as_of', type: 'date' },
      { name: 'pd_late', type: 'float64' }, { name: 'pd_default', type: 'float64' },
      { name: 'outstanding_cny', type: 'float64', doc: 'unpaid billed amount on as_of' },
      { name: 'exposure_cny', type: 'float64', doc: 'outstanding plus the expected next bill' },
      { name: 'expected_loss_cny', type: 'float64', doc: 'pd_default x exposure' },
      { name: 'days_past_due', type: 'int32', doc: 'oldest unpaid bill, days after its due date' },
      { name: 'rank', type: 'int32', doc: 'place in the collection work list (1 = largest expected loss); 0 = not in the list' },
    ],
  },
  {
    name: 'collection_actions', primaryKey: ['customer_id', 'run_id', 'step'], orderBy: ['customer_id', 'run_id', 'step'],
    doc: 'Dunning plan per customer in arrears: steps with planned dates on working days (reminder SMS, WeChat, call, written notice, disconnection notice).',
    columns: [
      { name: 'customer_id', type: 'varchar' }, { name: 'run_id', type: 'int32' }, { name: 'step', type: 'int16' },
      { name: 'action', type: 'varchar', doc: 'sms, wechat, call, written-notice, disconnection-notice, disconnection' },
      { name: 'planned_date', type: 'date' }, { name: 'bill_id', type: 'varchar' }, { name: 'amount_cny', type: 'float64' },
      { name: 'status', type: 'varchar', doc: 'past (date before as_of), due, planned' },
    ],
  },
  {
    name: 'risk_list_entries', primaryKey: ['customer_id', 'kind'], orderBy: ['customer_id', 'kind'],
    doc: 'Current red and black list membership. Rule entries are refreshed by runs; manual entries (overrides) survive them until removed or expired.',
    columns: [
      { name: 'customer_id', type: 'varchar' }, { name: 'kind', type: 'varchar', doc: 'red or black' },
      { name: 'source', type: 'varchar', doc: 'rule or manual' }, { name: 'rule_id', type: 'varchar', nullable: true },
      { name: 'reason', type: 'varchar' }, { name: 'effects', type: 'json', doc: 'deposit months, prepayment, offer eligibility' },
      { name: 'since', type: 'timestamp' }, { name: 'expires', type: 'date', nullable: true },
      { name: 'set_by', type: 'varchar' },
    ],
  },
  {
    name: 'risk_list_changes', bulk: true, orderBy: ['changed_at', 'customer_id'],
    doc: 'Append-only audit of every red/black list change: who, when, why.',
    columns: [
      { name: 'changed_at', type: 'timestamp' }, { name: 'customer_id', type: 'varchar' }, { name: 'kind', type: 'varchar' },
      { name: 'action', type: 'varchar', doc: 'added, removed, expired, updated' }, { name: 'source', type: 'varchar', doc: 'rule or manual' },
      { name: 'rule_id', type: 'varchar', nullable: true }, { name: 'reason', type: 'varchar' },
      { name: 'changed_by', type: 'varchar' }, { name: 'expires', type: 'date', nullable: true },
    ],
  },
  {
    name: 'deposit_recommendations', primaryKey: ['customer_id', 'run_id'], orderBy: ['customer_id', 'run_id'],
    doc: 'Recommended security deposit or prepayment per customer, with the explanation.',
    columns: [
      { name: 'customer_id', type: 'varchar' }, { name: 'run_id', type: 'int32' }, { name: 'grade', type: 'varchar' },
      { name: 'average_bill_cny', type: 'float64' }, { name: 'months', type: 'float64' },
      { name: 'deposit_cny', type: 'float64', doc: 'recommended deposit' }, { name: 'held_cny', type: 'float64', doc: 'deposit on the account' },
      { name: 'prepayment_required', type: 'bool' }, { name: 'explanation', type: 'json', doc: 'zh-CN and en sentences' },
    ],
  },
  {
    name: 'theft_scores', primaryKey: ['meter_id', 'run_id'], orderBy: ['run_id', 'rank'],
    doc: 'Ranked inspection list of a theft run with its evidence (rule hits, score parts, load-curve window, loss correlation, recoverable kWh and CNY).',
    columns: [
      { name: 'run_id', type: 'int32' }, { name: 'rank', type: 'int32' }, { name: 'customer_id', type: 'varchar' },
      { name: 'meter_id', type: 'int32' }, { name: 'area_id', type: 'varchar' }, { name: 'score', type: 'float64' },
      { name: 'recoverable_kwh', type: 'float64' }, { name: 'recoverable_cny', type: 'float64' },
      { name: 'evidence', type: 'json' },
    ],
  },
  {
    name: 'area_losses', primaryKey: ['area_id', 'run_id'], orderBy: ['run_id', 'area_id'],
    doc: 'Transformer-area (台区) line loss of a line-loss run: rates, days above threshold, step, suspects of group identification.',
    columns: [
      { name: 'run_id', type: 'int32' }, { name: 'area_id', type: 'varchar' }, { name: 'region', type: 'varchar' },
      { name: 'median_rate', type: 'float64' }, { name: 'recent_rate', type: 'float64' }, { name: 'days_above', type: 'int32' },
      { name: 'rise', type: 'float64' }, { name: 'loss_kwh', type: 'float64' }, { name: 'flagged', type: 'bool' },
      { name: 'details', type: 'json', doc: 'reasons, step date, suspects' },
    ],
  },
  {
    name: 'inspection_outcomes', bulk: true, orderBy: ['customer_id', 'inspected_at'],
    doc: 'Field inspection outcomes (confirmed theft or clear); the latest per customer is a label of the next theft run.',
    columns: [
      { name: 'customer_id', type: 'varchar' }, { name: 'meter_id', type: 'int32', nullable: true },
      { name: 'outcome', type: 'varchar', doc: 'confirmed or clear' }, { name: 'inspected_at', type: 'timestamp' },
      { name: 'inspector', type: 'varchar' }, { name: 'note', type: 'varchar', nullable: true },
      { name: 'recovered_cny', type: 'float64', nullable: true },
    ],
  },
  {
    name: 'risk_alerts', bulk: true, orderBy: ['run_id', 'level', 'subject_id'],
    doc: 'Tiered risk warnings (customer, transformer area, region) of one early-warning run, with severity and the facts that raised them.',
    columns: [
      { name: 'run_id', type: 'int32' }, { name: 'raised_at', type: 'timestamp' },
      { name: 'level', type: 'varchar', doc: 'customer, area, region' }, { name: 'subject_id', type: 'varchar' },
      { name: 'kind', type: 'varchar', doc: 'credit-drop, arrears, theft, line-loss, ...' },
      { name: 'severity', type: 'varchar', doc: 'red, orange, yellow' }, { name: 'value', type: 'float64' },
      { name: 'threshold', type: 'float64' }, { name: 'message', type: 'json', doc: 'zh-CN and en' },
    ],
  },
];
