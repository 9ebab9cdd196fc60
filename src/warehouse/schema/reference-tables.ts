import type { TableDef } from './table-def.js';

/** Master and reference data: customers, accounts, meters, grid topology, tariffs. */
export const referenceTables: readonly TableDef[] = [
  {
    name: 'sources', doc: 'Data sources (files, systems, streams) that readings and records came from.',
    primaryKey: ['source_id'], orderBy: ['source_id'],
    columns: [
      { name: 'source_id', type: 'uint16' }, { name: 'name', type: 'varchar' }, { name: 'kind', type: 'varchar' },
      { name: 'created_at', type: 'timestamp' },
    ],
  },
  {
    name: 'customers', doc: 'Customers (用电客户), one row per customer.', primaryKey: ['customer_id'], orderBy: ['customer_id'],
    columns: [
      { name: 'customer_id', type: 'varchar' }, { name: 'name', type: 'varchar', pii: 'name' },
      { name: 'customer_type', type: 'varchar' }, { name: 'industry_code', type: 'varchar' },
      { name: 'region', type: 'varchar' }, { name: 'district', type: 'varchar' },
      { name: 'address', type: 'varchar', pii: 'address' }, { name: 'phone', type: 'varchar', pii: 'phone' },
      { name: 'id_number', type: 'varchar', pii: 'id_number' }, { name: 'voltage_level', type: 'varchar' },
      { name: 'contract_capacity_kva', type: 'float64' }, { name: 'tariff_id', type: 'varchar' },
      { name: 'area_id', type: 'varchar' }, { name: 'feeder_id', type: 'varchar' }, { name: 'open_date', type: 'date' },
      { name: 'status', type: 'varchar' }, { name: 'marketing_consent', type: 'bool' }, { name: 'time_zone', type: 'varchar' },
    ],
  },
  {
    name: 'accounts', doc: 'Billing accounts.', primaryKey: ['account_id'], orderBy: ['account_id'],
    columns: [
      { name: 'account_id', type: 'varchar' }, { name: 'customer_id', type: 'varchar' }, { name: 'payment_method', type: 'varchar' },
      { name: 'prepaid', type: 'bool' }, { name: 'deposit_cny', type: 'float64' }, { name: 'currency', type: 'varchar' },
      { name: 'open_date', type: 'date' },
    ],
  },
  {
    name: 'meters', doc: 'Meters; meter_id is the warehouse surrogate key, meter_no the asset number.',
    primaryKey: ['meter_id'], orderBy: ['meter_id'],
    columns: [
      { name: 'meter_id', type: 'int32' }, { name: 'meter_no', type: 'varchar' }, { name: 'customer_id', type: 'varchar' },
      { name: 'area_id', type: 'varchar' }, { name: 'multiplier', type: 'float64' }, { name: 'interval_minutes', type: 'int16' },
      { name: 'channels', type: 'varchar', doc: 'comma-separated: import[,export]' }, { name: 'phases', type: 'int8' },
      { name: 'install_date', type: 'date' },
    ],
  },
  {
    name: 'transformer_areas', doc: 'Transformer areas (台区).', primaryKey: ['area_id'], orderBy: ['area_id'],
    columns: [
      { name: 'area_id', type: 'varchar' }, { name: 'name', type: 'varchar' }, { name: 'region', type: 'varchar' },
      { name: 'district', type: 'varchar' }, { name: 'feeder_id', type: 'varchar' }, { name: 'transformer_kva', type: 'float64' },
      { name: 'dedicated', type: 'bool' },
    ],
  },
  {
    name: 'tariffs', doc: 'Tariff definitions (URDB-compatible JSON with China extensions).', primaryKey: ['tariff_id'], orderBy: ['tariff_id'],
    columns: [
      { name: 'tariff_id', type: 'varchar' }, { name: 'name', type: 'varchar' }, { name: 'name_zh', type: 'varchar' },
      { name: 'customer_class', type: 'varchar' }, { name: 'currency', type: 'varchar' }, { name: 'definition', type: 'json' },
    ],
  },
  {
    name: 'equipment', doc: 'Monitored equipment (distribution and dedicated transformers).', primaryKey: ['equipment_id'], orderBy: ['equipment_id'],
    columns: [
      { name: 'equipment_id', type: 'varchar' }, { name: 'kind', type: 'varchar' }, { name: 'area_id', type: 'varchar' },
      { name: 'customer_id', type: 'varchar', nullable: true }, { name: 'rated_kva', type: 'float64' },
      { name: 'install_date', type: 'date' }, { name: 'model', type: 'varchar' },
    ],
  },
];
