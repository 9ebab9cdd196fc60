import { Command } from 'commander';
import type { Lang } from '../../../core/i18n/index.js';
import { runChurn, type ChurnResult } from '../../../jobs/churn.js';
import { runCommand, withCommonOptions, type CommonFlags } from '../../common.js';
import type { Output } from '../../output.js';

/** `gridlens run churn`: churn / switching risk with reason codes. */
export function churnStepCommand(): Command {
  return withCommonOptions(new Command('churn'))
    .description('score every customer\'s churn / switching risk (logistic model on standardised features) with reason codes')
    .action((flags: CommonFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await runChurn(config, undefined, out.progress());
        out.result(result, () => lines(result, out, config.lang));
      }));
}

function lines(r: ChurnResult, out: Output, lang: Lang): string[] {
  const reason = (x: ChurnResult['top'][number]['reasons'][number]) => (lang === 'en' ? x.en : x.zh);
  return [
    out.t('marketing.churn.head', { runId: r.runId, customers: r.customers, high: r.bands.high, medium: r.bands.medium, low: r.bands.low, seconds: r.seconds.toFixed(1) }),
    r.mode === 'fitted' ? out.t('marketing.churn.fitted', { source: r.modelSource }) : out.t('marketing.churn.prior'),
    out.t('marketing.churn.top'),
    ...r.top.map((s) => `  ${s.customerId} ${(s.score * 100).toFixed(1)}%  ${s.reasons.map(reason).join('; ')}`),
  ];
}
