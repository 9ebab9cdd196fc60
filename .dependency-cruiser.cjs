/**
 * The architecture, enforced: one direction of data flow (ARCHITECTURE.md). Sources never call
 * analytics, analytics never call the API, the API and CLI call use cases (jobs/), never a driver.
 */
const layer = (name) => `^src/${name}/`;
const drivers = '^src/warehouse/(duckdb|clickhouse)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles make layers meaningless.', from: {}, to: { circular: true } },
    {
      name: 'core-is-the-bottom', severity: 'error', comment: 'core/ is vocabulary: it imports no other layer.',
      from: { path: layer('core') }, to: { path: '^src/(?!core/)' },
    },
    {
      name: 'warehouse-below-everything-but-core', severity: 'error',
      from: { path: layer('warehouse') }, to: { path: '^src/(?!core/|warehouse/)' },
    },
    {
      name: 'synth-is-a-source', severity: 'error', comment: 'The generator produces data; it does not store or analyse it.',
      from: { path: layer('synth') }, to: { path: '^src/(?!core/|synth/)' },
    },
    {
      name: 'ingest-and-quality-use-the-boundary', severity: 'error',
      from: { path: '^src/(ingest|quality)/' }, to: { path: `^src/(analytics|eval|jobs|api|cli|synth)/|${drivers}` },
    },
    {
      name: 'analytics-never-import-drivers-eval-or-callers', severity: 'error',
      from: { path: layer('analytics') }, to: { path: `^src/(eval|jobs|api|cli|synth|ingest)/|${drivers}` },
    },
    {
      name: 'eval-judges-only', severity: 'error', from: { path: layer('eval') }, to: { path: `^src/(jobs|api|cli)/` },
    },
    {
      name: 'jobs-are-not-callers', severity: 'error', from: { path: layer('jobs') }, to: { path: '^src/(api|cli)/' },
    },
    {
      name: 'api-and-cli-call-jobs-not-drivers', severity: 'error',
      from: { path: '^src/(api|cli)/' }, to: { path: `${drivers}|^src/(analytics|ingest|quality|synth|eval)/` },
    },
    {
      name: 'web-talks-only-http', severity: 'error', from: { path: '^web/' }, to: { path: '^src/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$|\\.testkit\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
