import { demoTariffs } from '../core/tariff/index.js';
import { archetypeInfo } from './load/index.js';
import type { Population } from './population.js';
import type { SynthOptions } from './synth-options.js';

export const SOURCE_HEAD_END = 1;
export const SOURCE_AREA_METERS = 2;

const created = new Date(Date.UTC(2026, 10, 1));

/** Master data of the synthetic utility, one row object per record, keyed by table. */
export function referenceRows(population: Population, options: SynthOptions): Record<string, Record<string, unknown>[]> {
  const { customers, areas } = population;
  return {
    sources: [
      { source_id: SOURCE_HEAD_END, name: 'synthetic head-end system (HES)', kind: 'synth', created_at: created },
      { source_id: SOURCE_AREA_METERS, name: 'synthetic transformer-area meters', kind: 'synth', created_at: created },
    ],
    tariffs: demoTariffs.map((t) => ({
      tariff_id: t.tariffId, name: t.name, name_zh: t.nameZh ?? t.name, customer_class: t.customerClass, currency: t.currency, definition: t,
    })),
    transformer_areas: areas.map((a) => ({
      area_id: a.areaId, name: a.name, region: '杭州市', district: a.district.zh, feeder_id: a.feederId, transformer_kva: a.transformerKva, dedicated: a.dedicated,
    })),
    equipment: areas.map((a) => ({
      equipment_id: a.equipmentId, kind: a.dedicated ? 'dedicated_transformer' : 'distribution_transformer', area_id: a.areaId,
      customer_id: a.dedicated ? customers[a.customers[0]].customerId : null, rated_kva: a.transformerKva,
      install_date: `${2008 + (a.index % 15)}-0${1 + (a.index % 9)}-15`, model: `S13-M-${a.transformerKva}/10`,
    })),
    customers: customers.map((c) => ({
      customer_id: c.customerId, name: c.name, customer_type: c.customerType, industry_code: archetypeInfo(c.archetype).industryCode,
      region: '杭州市', district: c.district.zh, address: c.address, phone: c.phone, id_number: c.idNumber,
      voltage_level: voltage(c.params.contractKva, c.customerType), contract_capacity_kva: c.params.contractKva, tariff_id: c.tariffId,
      area_id: areas[c.areaIndex].areaId, feeder_id: areas[c.areaIndex].feederId, open_date: c.openDate, status: 'active',
      marketing_consent: c.marketingConsent, time_zone: options.timeZone,
    })),
    accounts: customers.map((c) => ({
      account_id: c.accountId, customer_id: c.customerId, payment_method: c.paymentMethod, prepaid: false,
      deposit_cny: c.customerType === 'residential' ? 0 : Math.round(c.params.contractKva * 20), currency: 'CNY', open_date: c.openDate,
    })),
    meters: customers.map((c) => ({
      meter_id: c.meterId, meter_no: c.meterNo, customer_id: c.customerId, area_id: areas[c.areaIndex].areaId,
      multiplier: c.params.contractKva >= 315 ? 100 : c.params.contractKva >= 100 ? 20 : 1, interval_minutes: options.intervalMinutes,
      channels: c.params.pv ? 'import,export' : 'import', phases: c.customerType === 'residential' ? 1 : 3, install_date: c.openDate,
    })),
  };
}

function voltage(kva: number, type: string): string {
  if (kva >= 315) return '10kV';
  return type === 'residential' ? '220V' : '380V';
}

