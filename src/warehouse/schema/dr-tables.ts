import type { TableDef } from './table-def.js';

/** Demand-response programmes, events, baselines and settlements. */
export const drTables: readonly TableDef[] = [
  {
    name: 'dr_programs', doc: 'Demand-response programmes: how events are paid, which baseline settles them, penalties.',
    primaryKey: ['program_id'], orderBy: ['program_id'],
    columns: [
      { name: 'program_id', type: 'varchar' }, { name: 'name', type: 'varchar' }, { name: 'name_zh', type: 'varchar' },
      { name: 'price_cny', type: 'float64', doc: 'incentive per unit of reduction' },
      { name: 'price_unit', type: 'varchar', doc: 'kwh: per kWh reduced; kw: per kW of average reduction over the event' },
      { name: 'settlement', type: 'varchar', doc: 'interval: reduction floored at 0 per interval; event: over the event total' },
      { name: 'baseline_method', type: 'varchar', doc: 'name in the baseline registry' },
      { name: 'penalty_cny_per_kw', type: 'float64', doc: 'non-performance penalty per kW of shortfall; 0 = none' },
      { name: 'min_performance', type: 'float64', doc: 'share of the committed kW below which the penalty applies' },
      { name: 'signal', type: 'varchar', doc: 'OpenADR payload type of the events: SIMPLE or PRICE' },
      { name: 'currency', type: 'varchar' }, { name: 'created_at', type: 'timestamp' },
    ],
  },
  {
    name: 'dr_enrolments', doc: 'Customers enrolled in a programme by targeting, ranked by expected delivered kW (shiftable peak kW × response likelihood).',
    primaryKey: ['program_id', 'customer_id'], orderBy: ['program_id', 'customer_id'],
    columns: [
      { name: 'program_id', type: 'varchar' }, { name: 'customer_id', type: 'varchar' }, { name: 'enrolled_at', type: 'timestamp' },
      { name: 'shiftable_kw', type: 'float64', doc: 'event-window load above base load on recent like days' },
      { name: 'window_kw', type: 'float64' }, { name: 'base_kw', type: 'float64' },
      { name: 'response_likelihood', type: 'float64', doc: 'engagement prior updated by past responses' },
      { name: 'score_kw', type: 'float64', doc: 'shiftable_kw × response_likelihood' }, { name: 'rank', type: 'int32' },
    ],
  },
  {
    name: 'dr_events', doc: 'Demand-response events: local date and window, targeted customers, lifecycle (created, simulated, settled).',
    primaryKey: ['event_id'], orderBy: ['event_id'],
    columns: [
      { name: 'event_id', type: 'varchar' }, { name: 'program_id', type: 'varchar' }, { name: 'local_date', type: 'date' },
      { name: 'start_minute', type: 'int16', doc: 'local minutes after midnight' }, { name: 'end_minute', type: 'int16' },
      { name: 'start_ts', type: 'timestamp' }, { name: 'end_ts', type: 'timestamp' }, { name: 'time_zone', type: 'varchar' },
      { name: 'signal_level', type: 'int8', doc: 'OpenADR SIMPLE level 0–3' }, { name: 'status', type: 'varchar' },
      { name: 'targets', type: 'json', doc: 'customer ids targeted, best first' },
      { name: 'created_at', type: 'timestamp' }, { name: 'simulated_at', type: 'timestamp', nullable: true }, { name: 'settled_at', type: 'timestamp', nullable: true },
    ],
  },
  {
    name: 'dr_event_results', doc: 'Per event, customer and baseline method: baseline, actual and reduction over the event window; payment once settled.',
    primaryKey: ['event_id', 'customer_id', 'method'], orderBy: ['event_id', 'customer_id', 'method'],
    columns: [
      { name: 'event_id', type: 'varchar' }, { name: 'customer_id', type: 'varchar' }, { name: 'method', type: 'varchar' },
      { name: 'responded', type: 'bool', doc: 'simulation: whether the customer responded' },
      { name: 'committed_kw', type: 'float64' }, { name: 'baseline_kwh', type: 'float64' }, { name: 'actual_kwh', type: 'float64' },
      { name: 'reduction_kwh', type: 'float64', doc: 'baseline − actual, floored at 0 per the programme settlement rule' },
      { name: 'simulated_reduction_kwh', type: 'float64', doc: 'the reduction the response model applied (known only in simulation)' },
      { name: 'payment_cny', type: 'float64', nullable: true }, { name: 'penalty_cny', type: 'float64', nullable: true },
      { name: 'intervals', type: 'json', doc: '{ baseline: kWh[], actual: kWh[] } per event interval' },
    ],
  },
];
