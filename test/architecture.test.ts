import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  let out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out = out.concat(sources(path));
    else if (path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('.testkit.ts')) out.push(path);
  }
  return out;
}

const all = sources('src');

describe('architecture', () => {
  it('ground-truth tables are read only by the generator, the jobs that load or export them, evaluation and the schema', () => {
    const allowed = /^src\/(synth|eval|warehouse\/schema)\/|^src\/jobs\/(synth-files|write-synth-files|load-synthetic)/;
    const offenders = all.filter((f) => !allowed.test(f) && /\btruth\.\w+/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('index.ts files only re-export', () => {
    const offenders = all.filter((f) => f.endsWith('/index.ts')).filter((f) =>
      readFileSync(f, 'utf8').split('\n').some((line) => line.trim() !== '' && !/^export (\*|\{[^}]*\}|type \{[^}]*\}) from '/.test(line.trim())));
    expect(offenders).toEqual([]);
  });

  it('only core/config reads the environment', () => {
    const offenders = all.filter((f) => f !== 'src/core/config.ts' && /process\.env\b/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('no SQL is built by interpolating values into statements in analytics, jobs or the API', () => {
    // Interpolation is allowed for identifiers and dialect fragments; values go through `?` parameters.
    const suspicious = /(WHERE|AND|OR)\s+\w+\s*(=|<|>|IN)\s*'\$\{/i;
    const offenders = all.filter((f) => /^src\/(analytics|jobs|api)\//.test(f) && suspicious.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
