import { Command } from 'commander';
import { arrearsStepCommand } from './run/arrears.js';
import { creditStepCommand } from './run/credit.js';
import { linelossStepCommand } from './run/lineloss.js';
import { theftStepCommand } from './run/theft.js';
import { featuresStepCommand } from './run/features.js';
import { churnStepCommand } from './run/churn.js';
import { segmentsStepCommand } from './run/segments.js';
import { valueStepCommand } from './run/value.js';
import { forecastStepCommand } from './run/forecast.js';

/**
 * `gridlens run <step>`: one analytics step over the store (features, segments, value, forecast,
 * credit, arrears, theft, line loss, offers...). Each step is its own file in `run/` that returns
 * a commander sub-command; this hub only lists them.
 */
export function runStepCommand(): Command {
  const run = new Command('run').description('run one analytics step over the store');
  const steps: Command[] = [
    creditStepCommand(),
    arrearsStepCommand(),
    theftStepCommand(),
    linelossStepCommand(),
    featuresStepCommand(),
    segmentsStepCommand(),
    valueStepCommand(),
    churnStepCommand(),
    forecastStepCommand(),
  ];
  for (const step of steps) run.addCommand(step);
  return run;
}
