import { Command } from 'commander';
import { translate, type Catalog, type Lang } from '../../core/i18n/index.js';
import { DEFAULT_DATA_DIR, listEvals, runEval, type EvalOutcome, type EvalReport, type EvalResult } from '../../jobs/run-eval.js';
import { integerOption, runCommand, withCommonOptions, type CommonFlags } from '../common.js';

/** The messages of this command, in zh-CN and en. */
const messages: Catalog = {
  'eval.list': { 'zh-CN': '可用的评测（gridlens eval 名称 [--json]）：', en: 'Available evals (gridlens eval NAME [--json]):' },
  'eval.target': { 'zh-CN': '目标：{target}；结果 {value}：{verdict}', en: 'Target: {target}; result {value}: {verdict}' },
  'eval.pass': { 'zh-CN': '达标', en: 'PASS' },
  'eval.fail': { 'zh-CN': '未达标', en: 'FAIL' },
  'eval.reference': { 'zh-CN': '参考值：{reference}', en: 'Reference: {reference}' },
  'eval.header': { 'zh-CN': '模型                          RMSE         MAE      MAPE   80%覆盖率   训练秒  预测秒', en: 'model                         RMSE         MAE      MAPE   80% cover   fit s  pred s' },
  'eval.timings': { 'zh-CN': '耗时：读取 {load} 秒，训练 {train} 秒，预测 {predict} 秒，合计 {total} 秒', en: 'Time: load {load} s, train {train} s, predict {predict} s, total {total} s' },
  'eval.source': { 'zh-CN': '数据：{dataset}（{origin}）', en: 'Data: {dataset} ({origin})' },
};

interface EvalFlags extends CommonFlags {
  readonly dataDir: string;
  readonly seed?: number;
}

const fixed = (value: number | null | undefined, digits: number) => (value === null || value === undefined ? '—' : value.toFixed(digits));

function modelLine(model: EvalReport['models'][number]): string {
  const { scores } = model;
  return [
    model.model.padEnd(26),
    fixed(scores.rmse, 2).padStart(11),
    fixed(scores.mae, 2).padStart(11),
    (scores.mape === null ? '—' : `${(scores.mape * 100).toFixed(2)}%`).padStart(9),
    (scores.coverage ? `${(scores.coverage.observed * 100).toFixed(1)}%` : '—').padStart(11),
    fixed(model.fitSeconds, 1).padStart(7),
    fixed(model.predictSeconds, 1).padStart(7),
  ].join(' ');
}

function reportLines(report: EvalReport, lang: Lang): string[] {
  const t = (key: string, vars?: Record<string, string | number>) => translate(messages, lang, key, vars);
  const reference = Object.entries(report.reference).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    report.description,
    t('eval.source', { dataset: report.source.dataset, origin: report.source.origin }),
    t('eval.target', { target: report.target.description, value: report.value, verdict: t(report.passed ? 'eval.pass' : 'eval.fail') }),
    t('eval.reference', { reference }),
    '',
    t('eval.header'),
    ...report.models.map(modelLine),
    '',
    t('eval.timings', { load: report.timings.loadSeconds, train: report.timings.trainSeconds, predict: report.timings.predictSeconds, total: report.timings.totalSeconds }),
    ...report.notes.map((note) => `  - ${note}`),
  ];
}

function scoredLines(result: EvalResult, lang: Lang): string[] {
  const t = (key: string, vars?: Record<string, string | number>) => translate(messages, lang, key, vars);
  const r = result.reference;
  return [
    `${result.name}: ${result.description}`,
    t('eval.reference', { reference: `${r.metric} ${r.low}–${r.high} (${r.source})` }),
    ...Object.entries(result.metrics).map(([k, v]) => `  ${k.padEnd(36)} ${Number.isInteger(v) ? v : v.toFixed(4)}`),
    '',
    ...result.checks.map((c) => `  [${c.passed ? t('eval.pass') : t('eval.fail')}] ${c.name}: ${c.detail}`),
  ];
}

const outcomeJson = (o: EvalOutcome) => (o.family === 'forecast' ? o.report : o.result);
const outcomeLines = (o: EvalOutcome, lang: Lang) => (o.family === 'forecast' ? reportLines(o.report, lang) : scoredLines(o.result, lang));

/** `gridlens eval [NAME] [--json]`: runs a real-data benchmark (or lists them); exit code 1 when it misses its target. */
export function evalCommand(): Command {
  const command = withCommonOptions(new Command('eval'))
    .description('run a real-data benchmark by name (no name: list them)')
    .argument('[name]', 'eval name, e.g. forecast-gefcom2012')
    .option('--data-dir <dir>', 'folder with the shared real data sets', DEFAULT_DATA_DIR)
    .option('--seed <n>', 'seed of the folds, splits and k-means starts (seeded evals only; default: the eval\'s own)', integerOption(0, 2 ** 31 - 1));
  return command.action((name: string | undefined, flags: EvalFlags) =>
    runCommand(flags, async ({ config, out }) => {
      if (!name) {
        const evals = listEvals();
        out.result({ evals }, () => [translate(messages, config.lang, 'eval.list'), ...evals.map((e) => `  ${e.name.padEnd(24)} ${e.description}`)]);
        return;
      }
      const outcome = await runEval(name, flags.seed === undefined ? { dataDir: flags.dataDir } : { dataDir: flags.dataDir, seed: flags.seed });
      out.result(outcomeJson(outcome), () => outcomeLines(outcome, config.lang));
      if (!outcome.passed) process.exitCode = 1;
    }),
  );
}
