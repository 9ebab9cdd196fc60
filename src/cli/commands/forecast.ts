import { Command } from 'commander';
import { MS_PER_MINUTE, utcOffsetMinutes } from '../../core/time/index.js';
import { FORECAST_SCOPES } from '../../jobs/forecast.js';
import { listForecastRuns, readForecastSeries, type ForecastRunSummary, type ForecastSeries } from '../../jobs/forecast-read.js';
import { integerOption, runCommand, withCommonOptions, type CommonFlags } from '../common.js';
import type { Output } from '../output.js';

interface RunsFlags extends CommonFlags {
  readonly scope?: string;
  readonly limit: number;
}

interface ShowFlags extends CommonFlags {
  readonly scope: string;
  readonly id: string;
  readonly run?: number;
}

/** `gridlens forecast runs|show`: the stored load forecasts. */
export function forecastCommand(): Command {
  const forecast = new Command('forecast').description('stored load forecasts (make them with gridlens run forecast)');
  withCommonOptions(forecast.command('runs').description('list the stored forecast runs with their backtest accuracy'))
    .option('--scope <scope>', `only runs of one scope (${FORECAST_SCOPES.join(', ')})`)
    .option('--limit <n>', 'runs to list (default 20)', integerOption(1, 10_000), 20)
    .action((flags: RunsFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const runs = await listForecastRuns(config, { scope: flags.scope, limit: flags.limit });
        out.result({ runs }, () => runLines(runs, out));
      }));
  withCommonOptions(forecast.command('show').description('one series\' forecast (p10/p50/p90 per hour) beside the actual load where known'))
    .requiredOption('--scope <scope>', FORECAST_SCOPES.join(', '))
    .requiredOption('--id <id>', 'customer id, area id, district name, or "system"')
    .option('--run <n>', 'a run id (default: the latest run holding the series)', integerOption(1, 2 ** 31 - 1))
    .action((flags: ShowFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const series = await readForecastSeries(config, { scope: flags.scope, id: flags.id, runId: flags.run });
        out.result(series, () => showLines(series, out));
      }));
  return forecast;
}

function runLines(runs: readonly ForecastRunSummary[], out: Output): string[] {
  if (runs.length === 0) return [out.t('forecast.noRuns')];
  return [out.t('forecast.runsHeader'), ...runs.map((r) => out.t('forecast.runLine', {
    runId: r.runId, issuedAt: r.issuedAt, scope: r.scope, horizon: r.horizon, model: r.model, series: r.series, origin: r.origin,
    mae: r.modelScores ? r.modelScores.mae.toFixed(2) : '-', naive: r.naiveScores ? r.naiveScores.mae.toFixed(2) : '-',
  }))];
}

/** An ISO instant as local 'YYYY-MM-DD HH:MM' in a time zone. */
export function localTime(iso: string, timeZone: string): string {
  const t = Date.parse(iso);
  return new Date(t + utcOffsetMinutes(timeZone, t) * MS_PER_MINUTE).toISOString().slice(0, 16).replace('T', ' ');
}

function showLines(s: ForecastSeries, out: Output): string[] {
  const num = (v: number | null) => (v === null ? '-' : v.toFixed(2)).padStart(8);
  const text = [
    out.t('forecast.showHeader', { scope: out.t(`forecast.scope.${s.scope}`), id: s.id, runId: s.run.runId, model: s.run.model, issuedAt: s.run.issuedAt, zone: s.run.timeZone }),
    out.t('forecast.showColumns'),
    ...s.points.map((p) => `  ${localTime(p.ts, s.run.timeZone)}  ${num(p.p10)} ${num(p.p50)} ${num(p.p90)} ${num(p.actual)}`),
  ];
  if (s.accuracy.points > 0) {
    text.push(out.t('forecast.showAccuracy', { points: s.accuracy.points, mae: (s.accuracy.mae as number).toFixed(2), coverage: ((s.accuracy.coverage as number) * 100).toFixed(1) }));
  }
  return text;
}
