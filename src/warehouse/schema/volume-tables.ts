import type { TableDef } from './table-def.js';

/** Time series and transactional volume: appended in bulk, no index. */
export const volumeTables: readonly TableDef[] = [
  {
    name: 'readings', bulk: true, orderBy: ['meter_id', 'channel', 'ts'],
    doc: 'Interval energy per (meter, channel, interval start in UTC). quality: 0 actual, 1 estimated, 2 edited, 3 missing.',
    columns: [
      { name: 'meter_id', type: 'int32' }, { name: 'channel', type: 'uint8' }, { name: 'ts', type: 'timestamp' },
      { name: 'kwh', type: 'float64', nullable: true }, { name: 'quality', type: 'uint8' }, { name: 'source_id', type: 'uint16' },
    ],
  },
  {
    name: 'register_reads', bulk: true, orderBy: ['meter_id', 'channel', 'ts'], doc: 'Cumulative register reads (示数), daily.',
    columns: [
      { name: 'meter_id', type: 'int32' }, { name: 'channel', type: 'uint8' }, { name: 'ts', type: 'timestamp' },
      { name: 'register_kwh', type: 'float64' }, { name: 'source_id', type: 'uint16' },
    ],
  },
  {
    name: 'area_readings', bulk: true, orderBy: ['area_id', 'ts'], doc: 'Transformer-area meter (台区总表) interval energy.',
    columns: [
      { name: 'area_id', type: 'varchar' }, { name: 'ts', type: 'timestamp' }, { name: 'kwh', type: 'float64' },
      { name: 'source_id', type: 'uint16' },
    ],
  },
  {
    name: 'weather', bulk: true, orderBy: ['station_id', 'ts'], doc: 'Weather observations per station.',
    columns: [
      { name: 'station_id', type: 'varchar' }, { name: 'ts', type: 'timestamp' }, { name: 'temperature_c', type: 'float32' },
      { name: 'relative_humidity', type: 'float32' }, { name: 'irradiance_wm2', type: 'float32' },
    ],
  },
  {
    name: 'bills', orderBy: ['customer_id', 'period_start'], primaryKey: ['bill_id'], doc: 'Monthly bills.',
    columns: [
      { name: 'bill_id', type: 'varchar' }, { name: 'account_id', type: 'varchar' }, { name: 'customer_id', type: 'varchar' },
      { name: 'tariff_id', type: 'varchar' }, { name: 'period_start', type: 'date' }, { name: 'period_end', type: 'date' },
      { name: 'kwh_total', type: 'float64' }, { name: 'amount', type: 'float64' }, { name: 'currency', type: 'varchar' },
      { name: 'issue_date', type: 'date' }, { name: 'due_date', type: 'date' },
    ],
  },
  {
    name: 'bill_lines', orderBy: ['bill_id', 'line_no'], doc: 'Itemised bill lines with explanations.',
    columns: [
      { name: 'bill_id', type: 'varchar' }, { name: 'line_no', type: 'int16' }, { name: 'code', type: 'varchar' },
      { name: 'quantity', type: 'float64' }, { name: 'unit', type: 'varchar' }, { name: 'rate', type: 'float64' },
      { name: 'amount', type: 'float64' }, { name: 'explanation_zh', type: 'varchar' }, { name: 'explanation_en', type: 'varchar' },
    ],
  },
  {
    name: 'payments', orderBy: ['customer_id', 'paid_at'], primaryKey: ['payment_id'], doc: 'Payments against bills; returned = bounced.',
    columns: [
      { name: 'payment_id', type: 'varchar' }, { name: 'bill_id', type: 'varchar' }, { name: 'account_id', type: 'varchar' },
      { name: 'customer_id', type: 'varchar' }, { name: 'paid_at', type: 'timestamp' }, { name: 'amount', type: 'float64' },
      { name: 'currency', type: 'varchar' }, { name: 'channel', type: 'varchar' }, { name: 'status', type: 'varchar' },
    ],
  },
  {
    name: 'tickets', orderBy: ['customer_id', 'created_at'], primaryKey: ['ticket_id'], doc: '95598-style service work orders.',
    columns: [
      { name: 'ticket_id', type: 'varchar' }, { name: 'customer_id', type: 'varchar' }, { name: 'created_at', type: 'timestamp' },
      { name: 'channel', type: 'varchar' }, { name: 'category', type: 'varchar' }, { name: 'topic', type: 'varchar' },
      { name: 'language', type: 'varchar' }, { name: 'text', type: 'varchar' }, { name: 'status', type: 'varchar' },
      { name: 'resolved_at', type: 'timestamp', nullable: true }, { name: 'satisfaction', type: 'int8', nullable: true },
    ],
  },
  {
    name: 'events', bulk: true, orderBy: ['customer_id', 'ts'], doc: 'App / WeChat / web events.',
    columns: [
      { name: 'event_id', type: 'varchar' }, { name: 'customer_id', type: 'varchar' }, { name: 'ts', type: 'timestamp' },
      { name: 'event_type', type: 'varchar' }, { name: 'channel', type: 'varchar' }, { name: 'properties', type: 'json' },
    ],
  },
  {
    name: 'meter_events', bulk: true, orderBy: ['meter_id', 'ts'], doc: 'Meter alarms from the head-end (cover open, tamper, power loss).',
    columns: [
      { name: 'meter_id', type: 'int32' }, { name: 'ts', type: 'timestamp' }, { name: 'event_type', type: 'varchar' },
      { name: 'source_id', type: 'uint16' },
    ],
  },
  {
    name: 'telemetry', bulk: true, orderBy: ['equipment_id', 'ts'], doc: 'Hourly equipment telemetry from IoT sensors.',
    columns: [
      { name: 'equipment_id', type: 'varchar' }, { name: 'ts', type: 'timestamp' }, { name: 'load_kva', type: 'float32' },
      { name: 'oil_temp_c', type: 'float32' }, { name: 'ambient_c', type: 'float32' }, { name: 'imbalance_pct', type: 'float32' },
    ],
  },
];
