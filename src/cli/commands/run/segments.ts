import { Command } from 'commander';
import type { Lang } from '../../../core/i18n/index.js';
import { runSegments, type SegmentsResult } from '../../../jobs/segments.js';
import { dateOption, integerOption, runCommand, withCommonOptions, type CommonFlags } from '../../common.js';
import type { Output } from '../../output.js';

interface SegmentsFlags extends CommonFlags {
  readonly from?: string;
  readonly to?: string;
  readonly kMin?: number;
  readonly kMax?: number;
  readonly seed?: number;
  readonly assign?: boolean;
}

/** `gridlens run segments`: load-shape and behavioural segmentation. */
export function segmentsStepCommand(): Command {
  return withCommonOptions(new Command('segments'))
    .description('segment customers: k-means on typical-day load profiles (k by silhouette and Davies–Bouldin) and behavioural rules')
    .option('--from <date>', 'first local day of the profiles (YYYY-MM-DD)', dateOption)
    .option('--to <date>', 'last local day of the profiles (YYYY-MM-DD)', dateOption)
    .option('--k-min <n>', 'smallest k tried (default 4)', integerOption(2, 50))
    .option('--k-max <n>', 'largest k tried (default 12)', integerOption(2, 50))
    .option('--seed <n>', 'seed of k-means++ (default 42)', integerOption(0, 2 ** 31 - 1))
    .option('--assign', 'assign customers to the latest stored model without re-clustering')
    .action((flags: SegmentsFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await runSegments(config, { from: flags.from, to: flags.to, kMin: flags.kMin, kMax: flags.kMax, seed: flags.seed, assignOnly: flags.assign }, undefined, out.progress());
        out.result(result, () => lines(result, out, config.lang));
      }));
}

function lines(r: SegmentsResult, out: Output, lang: Lang): string[] {
  const head = out.t(r.mode === 'fit' ? 'marketing.segments.fit' : 'marketing.segments.assign', {
    runId: r.runId, modelRunId: r.modelRunId, customers: r.customers, blocks: r.blocks.join(', '), k: r.k, seconds: r.seconds.toFixed(1),
  });
  const ks = r.mode === 'fit' ? r.candidates.map((c) => `  ${out.t('marketing.segments.k', {
    k: c.k, ch: c.calinskiHarabasz.toFixed(1), silhouette: c.silhouette.toFixed(3), db: c.daviesBouldin.toFixed(3), chosen: c.k === r.k ? out.t('marketing.segments.chosen') : '',
  })}`) : [];
  const segs = r.segments.map((s) => `  ${out.t('marketing.segments.segment', { code: s.code, name: s.name[lang], text: s.text[lang], revenue: Math.round(s.revenueCny).toLocaleString('en') })}`);
  const behaviour = r.behavioural.map((b) => `  [${b.dimension}] ${b.label[lang]}: ${b.customers}`);
  return [head, ...ks, ...segs, out.t('marketing.segments.behaviour'), ...behaviour];
}
