import { Command } from 'commander';
import { linkageReview, linkageRun, type LinkageReviewResult, type LinkageRunResult } from '../../jobs/linkage.js';
import type { Output } from '../output.js';
import { integerOption, runCommand, withCommonOptions, type CommonFlags } from '../common.js';

interface RunFlags extends CommonFlags {
  readonly synthesize?: boolean;
  readonly seed?: number;
}

interface ReviewFlags extends CommonFlags {
  readonly accept?: string;
  readonly customer?: string;
  readonly reject?: string;
  readonly reviewer?: string;
  readonly limit: number;
}

export function linkageCommand(): Command {
  const linkage = new Command('linkage').description('record linkage: app accounts and service tickets to billing customers, with a review queue');
  withCommonOptions(linkage.command('run').description('link the stored source records to the customers; uncertain matches go to the review queue'))
    .option('--synthesize', 'demo: first draw noisy app and ticket records from the stored customers (once)')
    .option('--seed <n>', 'seed of the synthetic records (default 20260101)', integerOption(0, 2 ** 31 - 1))
    .action((flags: RunFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await linkageRun(config, { synthesize: flags.synthesize, seed: flags.seed });
        out.result(result, () => runLines(result, out));
      }));
  withCommonOptions(linkage.command('review').description('list the review queue (personal data masked), or record a decision'))
    .option('--accept <recordId>', 'accept a review item (with --customer)')
    .option('--customer <customerId>', 'the customer the accepted record belongs to')
    .option('--reject <recordId>', 'reject a review item: the record belongs to no customer')
    .option('--reviewer <name>', 'who decides (default: the operating-system user)')
    .option('--limit <n>', 'review items to list (default 20)', integerOption(1, 100_000), 20)
    .action((flags: ReviewFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await linkageReview(config, { accept: flags.accept, customer: flags.customer, reject: flags.reject, reviewer: flags.reviewer, limit: flags.limit });
        out.result(result, () => reviewLines(result, out));
      }));
  return linkage;
}

function runLines(r: LinkageRunResult, out: Output): string[] {
  const lines: string[] = [];
  if (r.synthetic?.written) lines.push(out.t('linkage.synthesized', { n: r.synthetic.written }));
  lines.push(out.t('linkage.run', { runId: r.runId, records: r.records, masters: r.masters, seconds: r.seconds.toFixed(1) }));
  lines.push(`  ${out.t('linkage.decisions', { linked: r.decisions.linked, review: r.decisions.review, unmatched: r.decisions.unmatched })}`);
  if (r.keptReviewed) lines.push(`  ${out.t('linkage.keptReviewed', { n: r.keptReviewed })}`);
  return lines;
}

const text = (v: string | null) => v ?? '-';

function reviewLines(r: LinkageReviewResult, out: Output): string[] {
  const lines: string[] = [];
  if (r.decided) lines.push(out.t(`linkage.${r.decided.decision}`, { record: r.decided.recordId, customer: r.decided.customerId ?? '', reviewer: r.decided.reviewer }));
  lines.push(out.t('linkage.queue', { open: r.open, shown: r.items.length }));
  for (const item of r.items) {
    const rec = item.record;
    lines.push(`  ${item.recordId} [${item.source}] ${text(rec.name)}  ${text(rec.phone)}  ${text(rec.idNumber)}  ${text(rec.address)}`);
    for (const c of item.candidates) {
      const cust = c.customer;
      lines.push(`    → ${c.customerId} ${(c.score * 100).toFixed(1)}%  ${text(cust?.name ?? null)}  ${text(cust?.phone ?? null)}  ${text(cust?.address ?? null)}  (${c.reasons.join(' ')})`);
    }
  }
  if (r.items.length) lines.push(out.t('linkage.howTo'));
  return lines;
}
