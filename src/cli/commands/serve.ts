import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { startServer } from '../../api/server.js';
import { integerOption, runCommand, withCommonOptions, type CommonFlags } from '../common.js';
import { dashboardRoot } from './start.js';

interface ServeFlags extends CommonFlags {
  readonly port: number;
  readonly host: string;
  readonly web?: string;
  readonly trustProxy: boolean;
  readonly log: boolean;
}

/** `gridlens serve`: the API (and the built dashboard) for real deployments; runs until SIGINT / SIGTERM. */
export function serveCommand(): Command {
  return withCommonOptions(new Command('serve').description('serve the HTTP API and the built dashboard on one port'))
    .option('--port <n>', 'TCP port (default 8080)', integerOption(0, 65_535), 8080)
    .option('--host <host>', 'interface to listen on (default 127.0.0.1; 0.0.0.0 for all)', '127.0.0.1')
    .option('--web <dir>', 'built dashboard to serve (default web/dist when built)')
    .option('--trust-proxy', 'behind a TLS-terminating reverse proxy: trust X-Forwarded-*, send HSTS and Secure cookies', false)
    .option('--log', 'log requests as JSON lines on stdout (never cookies, tokens or query strings)', false)
    .action((flags: ServeFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const webRoot = flags.web ? resolve(flags.web) : existsSync(resolve(dashboardRoot, 'index.html')) ? dashboardRoot : null;
        const server = await startServer(config, { port: flags.port, host: flags.host, webRoot, trustProxy: flags.trustProxy, logger: flags.log });
        out.result({ url: server.url, api: `${server.url}/api/v1`, docs: `${server.url}/api/v1/docs`, dashboard: webRoot }, () => [
          out.t('platform.serve.listening', { url: server.url }),
          webRoot ? out.t('platform.serve.dashboard', { root: webRoot }) : out.t('platform.serve.noDashboard'),
        ]);
        await new Promise<void>((done) => {
          const stop = () => {
            out.info(out.t('platform.serve.stopping'));
            void server.close().then(done);
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      }));
}
