import type { TableDef } from './table-def.js';

/**
 * Ground-truth labels of the synthetic utility, in schema `truth`. Analytics code never reads
 * them (enforced by a lint test); evaluation does.
 */
export const truthTables: readonly TableDef[] = [
  {
    name: 'truth.customers', orderBy: ['customer_id'], doc: 'Latent traits of each synthetic customer.',
    columns: [
      { name: 'customer_id', type: 'varchar' }, { name: 'archetype', type: 'varchar' }, { name: 'credit_class', type: 'varchar' },
      { name: 'has_ev', type: 'bool' }, { name: 'has_pv', type: 'bool' }, { name: 'engagement', type: 'float32' },
      { name: 'complaint_proneness', type: 'float32' }, { name: 'size_factor', type: 'float32' },
    ],
  },
  {
    name: 'truth.theft', orderBy: ['customer_id'], doc: 'Injected electricity theft: family, window and parameters.',
    columns: [
      { name: 'customer_id', type: 'varchar' }, { name: 'meter_id', type: 'int32' }, { name: 'family', type: 'varchar' },
      { name: 'start_ts', type: 'timestamp' }, { name: 'end_ts', type: 'timestamp' }, { name: 'params', type: 'json' },
      { name: 'stolen_kwh', type: 'float64' },
    ],
  },
  {
    name: 'truth.meter_faults', orderBy: ['meter_id', 'start_ts'], doc: 'Injected meter faults with their exact interval range.',
    columns: [
      { name: 'meter_id', type: 'int32' }, { name: 'fault_type', type: 'varchar' }, { name: 'start_ts', type: 'timestamp' },
      { name: 'end_ts', type: 'timestamp' }, { name: 'detail', type: 'json' },
    ],
  },
  {
    name: 'truth.readings', bulk: true, orderBy: ['meter_id', 'ts'],
    doc: 'True values of the intervals a fault changed or removed (for estimation accuracy).',
    columns: [
      { name: 'meter_id', type: 'int32' }, { name: 'channel', type: 'uint8' }, { name: 'ts', type: 'timestamp' },
      { name: 'kwh', type: 'float64' }, { name: 'fault_type', type: 'varchar' },
    ],
  },
  {
    name: 'truth.duplicate_deliveries', bulk: true, orderBy: ['meter_id', 'ts'],
    doc: 'Extra deliveries of an interval by the head-end (same or corrected value); files carry them, the store keeps one.',
    columns: [
      { name: 'meter_id', type: 'int32' }, { name: 'channel', type: 'uint8' }, { name: 'ts', type: 'timestamp' },
      { name: 'kwh', type: 'float64' },
      { name: 'delivery', type: 'int8', doc: '0 = arrived before the stored value, 2 = after it' },
    ],
  },
  {
    name: 'truth.equipment_faults', orderBy: ['equipment_id'], doc: 'Equipment degradation and failure times.',
    columns: [
      { name: 'equipment_id', type: 'varchar' }, { name: 'kind', type: 'varchar' }, { name: 'degradation_start', type: 'timestamp' },
      { name: 'failure_ts', type: 'timestamp' },
    ],
  },
  {
    name: 'truth.area_losses', orderBy: ['area_id'], doc: 'Per transformer area: technical loss ratio and stolen energy over the run.',
    columns: [
      { name: 'area_id', type: 'varchar' }, { name: 'technical_loss_ratio', type: 'float64' }, { name: 'stolen_kwh', type: 'float64' },
      { name: 'consumption_kwh', type: 'float64' },
    ],
  },
];
