// `npm start`: build if the sources (server or dashboard) are newer than the build, then run
// `gridlens start` (demo store if empty, analytics pipeline, first admin, dashboard + API on one port).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    latest = Math.max(latest, newest(join(path, entry.name)));
  }
  return latest;
}

const built = 'dist/cli/main.js';
const dashboard = 'web/dist/index.html';
const sources = Math.max(newest('src'), newest('web'), newest('package.json'));
const stale = (file) => !existsSync(file) || sources > statSync(file).mtimeMs;
if (stale(built) || stale(dashboard)) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync(process.execPath, [built, 'start', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
