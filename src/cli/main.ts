#!/usr/bin/env node
import { Command } from 'commander';
import { dbCommand } from './commands/db.js';
import { demoCommand } from './commands/demo.js';
import { startCommand } from './commands/start.js';
import { synthCommand } from './commands/synth.js';

const program = new Command('gridlens')
  .description('GridLens: big-data marketing management for electric power companies')
  .version('0.1.0')
  .showHelpAfterError()
  .addCommand(demoCommand())
  .addCommand(synthCommand())
  .addCommand(dbCommand())
  .addCommand(startCommand());

await program.parseAsync(process.argv);
