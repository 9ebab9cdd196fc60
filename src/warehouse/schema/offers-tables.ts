import type { TableDef } from './table-def.js';

/** Rate comparisons, offers and pricing simulations. */
export const offerTables: readonly TableDef[] = [
  {
    name: 'rate_comparisons',
    doc: 'One row per customer and `gridlens offers run`: the coverage gate and the simulated year under every eligible tariff.',
    orderBy: ['run_id', 'customer_id'],
    columns: [
      { name: 'run_id', type: 'int32' }, { name: 'customer_id', type: 'varchar' },
      { name: 'window_from', type: 'date', doc: 'first local day of the simulated year' },
      { name: 'window_to', type: 'date', doc: 'last local day of the simulated year' },
      { name: 'gate_passed', type: 'bool', doc: 'coverage gate: 270 days with 75% of reads, capped estimated share' },
      { name: 'gate_reasons', type: 'varchar', doc: 'comma-separated: too_few_days, too_few_reads, too_many_estimates, no_tariff' },
      { name: 'gate_text_zh', type: 'varchar' }, { name: 'gate_text_en', type: 'varchar' },
      { name: 'good_days', type: 'int16' }, { name: 'read_share', type: 'float64' }, { name: 'estimated_share', type: 'float64' },
      { name: 'current_tariff_id', type: 'varchar' },
      { name: 'current_cost', type: 'float64', nullable: true, doc: 'simulated year under the current tariff' },
      { name: 'best_tariff_id', type: 'varchar', nullable: true, doc: 'recommended tariff, when one saves at least the minimum' },
      { name: 'best_cost', type: 'float64', nullable: true },
      { name: 'costs', type: 'json', nullable: true, doc: 'simulated year per eligible tariff' },
      { name: 'currency', type: 'varchar' },
      { name: 'created_at', type: 'timestamp' },
    ],
  },
  {
    name: 'offers',
    doc: 'Personalised offers of `gridlens offers run`: tariff switch, load shift, energy efficiency, with savings and texts in zh-CN and en.',
    primaryKey: ['offer_id'], orderBy: ['customer_id', 'offer_id'],
    columns: [
      { name: 'offer_id', type: 'varchar' }, { name: 'run_id', type: 'int32' }, { name: 'customer_id', type: 'varchar' },
      { name: 'kind', type: 'varchar', doc: 'rate, load_shift or efficiency' },
      { name: 'tariff_id', type: 'varchar', nullable: true, doc: 'tariff offered (rate, load_shift)' },
      { name: 'savings_cny', type: 'float64', doc: 'annual saving in the currency column' },
      { name: 'savings_kwh', type: 'float64', doc: 'annual energy saved (efficiency)' },
      { name: 'currency', type: 'varchar' },
      { name: 'confidence', type: 'float64', doc: '0..1' }, { name: 'confidence_level', type: 'varchar', doc: 'high, medium or low' },
      { name: 'text_zh', type: 'varchar' }, { name: 'text_en', type: 'varchar' },
      { name: 'details', type: 'json' },
      { name: 'created_at', type: 'timestamp' },
    ],
  },
  {
    name: 'pricing_simulations',
    doc: 'One row per `gridlens pricing simulate`: candidate tariff, scope, elasticity assumptions and the results.',
    primaryKey: ['simulation_id'], orderBy: ['simulation_id'],
    columns: [
      { name: 'simulation_id', type: 'varchar' }, { name: 'candidate_tariff_id', type: 'varchar' },
      { name: 'scope', type: 'varchar', doc: 'customers simulated (class, district or segment filter)' },
      { name: 'customers', type: 'int32' },
      { name: 'revenue_current', type: 'float64' }, { name: 'revenue_candidate', type: 'float64', doc: 'with the stated price response' },
      { name: 'peak_before_kw', type: 'float64' }, { name: 'peak_after_kw', type: 'float64' },
      { name: 'assumptions', type: 'json' }, { name: 'result', type: 'json' },
      { name: 'created_at', type: 'timestamp' },
    ],
  },
];
