import { Command } from 'commander';
import { tariffImport, tariffShow, tariffValidate, type TariffValidateResult } from '../../jobs/tariff.js';
import type { Output } from '../output.js';
import { runCommand, withCommonOptions, type CommonFlags } from '../common.js';

export function tariffCommand(): Command {
  const tariff = new Command('tariff').description('tariffs: import URDB or GridLens tariff JSON, validate, show');
  withCommonOptions(tariff.command('import').description('validate tariff files (URDB records as they are, or GridLens JSON) and store the valid ones').argument('<files...>'))
    .action((files: string[], flags: CommonFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await tariffImport(config, files);
        out.result(result, () => [...recordLines(result, out), out.t('tariff.stored', { stored: result.stored })]);
        if (result.rejected > 0) process.exitCode = 2;
      }));
  withCommonOptions(tariff.command('validate').description('validate tariff files without a store; broken records are named with the offending field').argument('<files...>'))
    .action((files: string[], flags: CommonFlags) =>
      runCommand(flags, async ({ out }) => {
        const result = tariffValidate(files);
        out.result(result, () => recordLines(result, out));
        if (result.rejected > 0) process.exitCode = 2;
      }));
  withCommonOptions(tariff.command('show').description('describe a tariff (stored id, file or built-in demo id): periods, tiers, charges').argument('<id>'))
    .action((id: string, flags: CommonFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await tariffShow(config, id);
        out.result(result, () => (out.options.lang === 'zh-CN' ? result.description.zh : result.description.en));
      }));
  return tariff;
}

function recordLines(r: TariffValidateResult, out: Output): string[] {
  const lines = r.records.flatMap((rec) => {
    if (!rec.valid) return [out.t('tariff.invalid', { source: rec.source, message: rec.error?.message ?? '' })];
    const head = out.t('tariff.valid', { source: rec.source, tariffId: rec.tariffId ?? '', name: rec.name ?? '', customerClass: rec.customerClass ?? '', currency: rec.currency ?? '' });
    return rec.ignoredUrdbFields ? [head, out.t('tariff.ignored', { fields: rec.ignoredUrdbFields.join(', ') })] : [head];
  });
  lines.push(out.t('tariff.summary', { total: r.records.length, valid: r.valid, rejected: r.rejected }));
  return lines;
}
