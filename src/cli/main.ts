#!/usr/bin/env node
import { Command } from 'commander';
import { dbCommand } from './commands/db.js';
import { demoCommand } from './commands/demo.js';
import { evalCommand } from './commands/eval.js';
import { ingestCommand } from './commands/ingest.js';
import { linkageCommand } from './commands/linkage.js';
import { runStepCommand } from './commands/run.js';
import { qualityCommand } from './commands/quality.js';
import { quarantineCommand } from './commands/quarantine.js';
import { startCommand } from './commands/start.js';
import { synthCommand } from './commands/synth.js';
import { veeCommand } from './commands/vee.js';

const program = new Command('gridlens')
  .description('GridLens: big-data marketing management for electric power companies')
  .version('0.1.0')
  .showHelpAfterError()
  .addCommand(demoCommand())
  .addCommand(synthCommand())
  .addCommand(dbCommand())
  .addCommand(startCommand())
  .addCommand(ingestCommand())
  .addCommand(quarantineCommand())
  .addCommand(veeCommand())
  .addCommand(qualityCommand())
  .addCommand(linkageCommand())
  .addCommand(evalCommand())
  .addCommand(runStepCommand());

await program.parseAsync(process.argv);
