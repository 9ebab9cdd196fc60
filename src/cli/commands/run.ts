import { Command } from 'commander';

/**
 * `gridlens run <step>`: one analytics step over the store (features, segments, value, forecast,
 * credit, arrears, theft, line loss, offers...). Each step is its own file in `run/` that returns
 * a commander sub-command; this hub only lists them.
 */
export function runStepCommand(): Command {
  const run = new Command('run').description('run one analytics step over the store');
  const steps: Command[] = [
  ];
  for (const step of steps) run.addCommand(step);
  return run;
}
