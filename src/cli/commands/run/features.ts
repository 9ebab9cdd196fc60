import { Command, InvalidArgumentError } from 'commander';
import { runFeatures, type FeaturesRunResult } from '../../../jobs/features.js';
import { dateOption, integerOption, runCommand, withCommonOptions, type CommonFlags } from '../../common.js';
import type { Output } from '../../output.js';

interface FeaturesFlags extends CommonFlags {
  readonly from?: string;
  readonly to?: string;
  readonly full?: boolean;
  readonly window?: number;
  readonly timeZone?: string;
  readonly evKw?: number;
  readonly station?: string;
  readonly tags: boolean;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError(`expected a positive number, got "${value}"`);
  return n;
}

/** `gridlens run features`: the customer feature store and the tags. */
export function featuresStepCommand(): Command {
  return withCommonOptions(new Command('features').description('compute the customer feature store (incremental) and evaluate the tag catalogue'))
    .option('--from <date>', 'recompute daily aggregates from this local date (default: incrementally from the last stored day)', dateOption)
    .option('--to <date>', 'stop before this local date; features are as of the day before (default: after the last reading)', dateOption)
    .option('--full', 'recompute every aggregate from the first reading', false)
    .option('--window <days>', 'feature window in days (default 365)', integerOption(1, 3660))
    .option('--time-zone <zone>', 'local calendar (default Asia/Shanghai)')
    .option('--ev-kw <kw>', 'evening/night power (kW) counted toward an EV charging block (default 4)', positiveNumber)
    .option('--station <id>', 'weather station for temperatures (default: all stations averaged)')
    .option('--no-tags', 'do not evaluate the tag catalogue')
    .action((flags: FeaturesFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await runFeatures(config, {
          from: flags.from, to: flags.to, full: flags.full, windowDays: flags.window, timeZone: flags.timeZone, evThresholdKw: flags.evKw,
          stationId: flags.station, tags: flags.tags,
        }, { onProgress: out.progress() });
        out.result(result, () => lines(result, out));
      }));
}

function lines(r: FeaturesRunResult, out: Output): string[] {
  const lang = out.options.lang;
  const range = r.recomputedFrom === null ? out.t('features.nothing')
    : r.incremental ? out.t('features.incremental', { from: r.recomputedFrom }) : out.t('features.recomputed', { from: r.recomputedFrom, to: r.recomputedTo ?? '' });
  const text = [out.t('features.summary', {
    asOf: r.asOf ?? '-', version: r.featureVersion, customers: r.customers, dayRows: r.dayRows, monthRows: r.monthRows, range, seconds: r.seconds.total.toFixed(1),
  })];
  if (!r.hasReadings) text.push(out.t('features.noReadings'));
  if (r.catalogueVersion !== null && r.tagCoverage.length) {
    text.push(out.t('features.tagsHeader', { version: r.catalogueVersion }));
    for (const c of r.tagCoverage) text.push(out.t('features.tagLine', { label: c.label[lang], tagged: c.tagged, share: (100 * c.share).toFixed(1), eligible: c.eligible }));
  }
  return text;
}
