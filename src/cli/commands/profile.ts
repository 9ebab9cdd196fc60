import { Command } from 'commander';
import { customerProfile, type CustomerProfile } from '../../jobs/profile.js';
import { integerOption, runCommand, withCommonOptions, type CommonFlags } from '../common.js';
import type { Output } from '../output.js';

interface ProfileFlags extends CommonFlags {
  readonly recent: number;
}

/** `gridlens profile CUSTOMER_ID`: the customer 360 view, personal data masked. */
export function profileCommand(): Command {
  return withCommonOptions(new Command('profile').description('show a customer 360 profile: facts, features, tags, scores and recent activity (personal data masked)'))
    .argument('<customerId>', 'customer id, e.g. C00000001')
    .option('--recent <n>', 'recent bills, payments, tickets and events to show (default 6)', integerOption(0, 1000), 6)
    .action((customerId: string, flags: ProfileFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const profile = await customerProfile(config, customerId, { recent: flags.recent });
        out.result(profile, () => profileLines(profile, out));
      }));
}

const SPARK = '▁▂▃▄▅▆▇█';
/** A one-line bar chart of a series. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(...values, 0);
  return values.map((v) => SPARK[max > 0 ? Math.min(SPARK.length - 1, Math.floor((v / max) * (SPARK.length - 1) + 0.5)) : 0]).join('');
}

const s = (v: unknown) => (v === null || v === undefined || v === '' ? '-' : String(v));
const f = (v: unknown, digits = 1) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '-');
const pct = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? (100 * v).toFixed(1) : '-');
const time = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 16).replace('T', ' ') : s(v));

export function profileLines(p: CustomerProfile, out: Output): string[] {
  const lang = out.options.lang;
  const c = p.customer;
  const lines = [out.t('features.profile.title', { id: p.customerId, masked: p.masked ? out.t('features.profile.masked') : '' })];
  lines.push(out.t('features.profile.facts', {
    name: s(c.name), type: s(c.customer_type), region: s(c.region), district: s(c.district), voltage: s(c.voltage_level), kva: s(c.contract_capacity_kva), status: s(c.status),
  }));
  lines.push(out.t('features.profile.contact', { phone: s(c.phone), idNumber: s(c.id_number), address: s(c.address) }));
  const tariff = p.tariff ? s(lang === 'zh-CN' ? p.tariff.name_zh : p.tariff.name) : s(c.tariff_id);
  lines.push(out.t('features.profile.tariff', { tariff, area: p.area ? `${s(p.area.name)} (${s(p.area.area_id)})` : s(c.area_id) }));
  lines.push(out.t('features.profile.meters', { n: p.meters.length, accounts: p.accounts.length }));
  const x = p.features;
  if (!x) lines.push(out.t('features.profile.noFeatures'));
  else {
    lines.push(out.t('features.profile.load', {
      asOf: s(x.as_of), days: s(x.days), missing: pct(x.missing_share), daily: f(x.mean_daily_kwh), peak: f(x.peak_kw), lf: f(x.load_factor, 2),
      hour: s(x.peak_hour), night: pct(x.night_share),
    }));
    lines.push(out.t('features.profile.temperature', { model: s(x.temp_model), r2: f(x.temp_r2, 2), share: pct(x.temp_sensitive_share) }));
    if (p.shape) lines.push(out.t('features.profile.shape', { spark: sparkline(p.shape) }));
    lines.push(out.t('features.profile.billing', {
      bills: s(x.bills), avg: f(x.avg_bill_cny, 2), arrears: f(x.arrears_cny, 2), late: pct(x.late_payment_share), tickets: s(x.tickets),
      complaints: s(x.complaints), active: s(x.active_days_90d),
    }));
  }
  if (p.tags.length === 0) lines.push(out.t('features.profile.noTags'));
  else {
    lines.push(out.t('features.profile.tags'));
    for (const t of p.tags) lines.push(`  • ${t.label[lang]}${t.description ? ` — ${t.description[lang]}` : ''}`);
  }
  if (p.scores.length) {
    lines.push(out.t('features.profile.scores'));
    for (const sc of p.scores) {
      const fields = Object.entries(sc.row).filter(([k]) => k !== 'customer_id').slice(0, 8).map(([k, v]) => `${k}=${typeof v === 'number' ? f(v, 3) : time(v)}`);
      lines.push(`  ${sc.table}: ${fields.join(', ')}`);
    }
  }
  if (p.recent.bills.length) {
    lines.push(out.t('features.profile.recentBills'));
    for (const b of p.recent.bills) lines.push(`  ${s(b.period_start)} … ${s(b.period_end)}  ${f(b.kwh_total)} kWh  ${f(b.amount, 2)} ${s(b.currency)}`);
  }
  if (p.recent.tickets.length) {
    lines.push(out.t('features.profile.recentTickets'));
    for (const t of p.recent.tickets) lines.push(`  ${time(t.created_at)}  ${s(t.channel)}  ${s(t.category)}/${s(t.topic)}  ${s(t.status)}`);
  }
  if (p.recent.events.length) {
    lines.push(out.t('features.profile.recentEvents'));
    for (const e of p.recent.events) lines.push(`  ${time(e.ts)}  ${s(e.channel)}  ${s(e.event_type)}`);
  }
  return lines;
}
