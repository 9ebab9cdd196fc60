import { Command, Option } from 'commander';
import { synthFileFormats, writeSynthFiles, type SynthFileFormat } from '../../jobs/write-synth-files.js';
import { runCommand, withCommonOptions, type CommonFlags } from '../common.js';
import { synthRequestOf, withSynthOptions, type SynthFlags } from './synth-flags.js';

export function synthCommand(): Command {
  const command = withSynthOptions(withCommonOptions(new Command('synth')))
    .description('write the synthetic utility as files (CSV, Parquet, Green Button XML, JSON lines) for ingestion')
    .requiredOption('--out <dir>', 'output directory')
    .addOption(new Option('--formats <list>', 'comma-separated formats').default(synthFileFormats.join(',')))
    .option('--green-button-meters <n>', 'meters written as Green Button XML (default 20)', (v) => Number.parseInt(v, 10));
  return command.action((flags: CommonFlags & SynthFlags & { out: string; formats: string; greenButtonMeters?: number }) =>
    runCommand(flags, async ({ config, out }) => {
      const formats = flags.formats.split(',').map((f) => f.trim()) as SynthFileFormat[];
      const result = await writeSynthFiles({ ...synthRequestOf(flags), threads: config.threads }, flags.out, { formats, greenButtonMeters: flags.greenButtonMeters, onProgress: out.progress() });
      out.done();
      out.result(result, () => [
        out.t('synth.written', { files: result.files.length, dir: flags.out, readings: result.readings.toLocaleString('en-US'), seconds: result.seconds.toFixed(1) }),
        ...result.files.map((f) => `  ${f.path}  (${f.rows.toLocaleString('en-US')} ${f.format})`),
      ]);
    }),
  );
}
