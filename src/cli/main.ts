#!/usr/bin/env node
import { Command } from 'commander';
import { dbCommand } from './commands/db.js';
import { demoCommand } from './commands/demo.js';
import { evalCommand } from './commands/eval.js';
import { ingestCommand } from './commands/ingest.js';
import { linkageCommand } from './commands/linkage.js';
import { listsCommand } from './commands/lists.js';
import { riskCommand } from './commands/risk.js';
import { serveCommand } from './commands/serve.js';
import { userCommand } from './commands/user.js';
import { auditCommand } from './commands/audit.js';
import { runStepCommand } from './commands/run.js';
import { qualityCommand } from './commands/quality.js';
import { quarantineCommand } from './commands/quarantine.js';
import { startCommand } from './commands/start.js';
import { synthCommand } from './commands/synth.js';
import { veeCommand } from './commands/vee.js';
import { tariffCommand } from './commands/tariff.js';
import { billCommand } from './commands/bill.js';
import { offersCommand } from './commands/offers.js';
import { pricingCommand } from './commands/pricing.js';
import { profileCommand } from './commands/profile.js';
import { drCommand } from './commands/dr.js';
import { forecastCommand } from './commands/forecast.js';

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
  .addCommand(serveCommand())
  .addCommand(userCommand())
  .addCommand(auditCommand())
  .addCommand(evalCommand())
  .addCommand(tariffCommand())
  .addCommand(billCommand())
  .addCommand(offersCommand())
  .addCommand(pricingCommand())
  .addCommand(profileCommand())
  .addCommand(drCommand())
  .addCommand(runStepCommand())
  .addCommand(forecastCommand())
  .addCommand(riskCommand())
  .addCommand(listsCommand());

await program.parseAsync(process.argv);
