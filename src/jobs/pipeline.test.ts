import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.js';
import { ValidationError } from '../core/errors.js';
import { runPipeline, type PipelineStep } from './pipeline.js';
import { withStore } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'gridlens-pipeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = loadConfig({ db: join(dir, 'p.duckdb') }, {});

function step(id: string, outputs: string[], log: string[], fail = false): PipelineStep {
  return {
    id,
    outputs,
    run: async () => {
      log.push(id);
      if (fail) throw new Error(`${id} broke`);
      return { id };
    },
  };
}

describe('runPipeline', () => {
  it('runs steps in order, reports a failure and still runs the next steps', async () => {
    const log: string[] = [];
    const events: string[] = [];
    const result = await runPipeline(config, {
      steps: [step('a', ['readings'], log), step('b', ['readings'], log, true), step('c', ['no_such_table'], log)],
      onStepStart: (s, i, n) => events.push(`start ${s.id} ${i + 1}/${n}`),
      onStepEnd: (r) => events.push(`end ${r.id} ${r.status}`),
    });
    expect(log).toEqual(['a', 'b', 'c']);
    expect(result.steps.map((s) => s.status)).toEqual(['done', 'failed', 'done']);
    expect(result.failed).toBe(1);
    expect(result.steps[1].error).toMatch(/b broke/);
    expect(result.steps[0].summary).toEqual({ id: 'a' });
    expect(events).toEqual(['start a 1/3', 'end a done', 'start b 2/3', 'end b failed', 'start c 3/3', 'end c done']);
  });

  it('skips a step whose output tables all have rows, unless forced', async () => {
    // A migrated store: schema_migrations has rows, readings has none.
    await withStore(config, async () => undefined);
    const log: string[] = [];
    const steps = [step('migrated', ['schema_migrations'], log), step('mixed', ['schema_migrations', 'readings'], log), step('none', [], log)];
    const first = await runPipeline(config, { steps });
    expect(first.steps.map((s) => s.status)).toEqual(['skipped', 'done', 'done']);
    expect(log).toEqual(['mixed', 'none']);
    const forced = await runPipeline(config, { steps, force: true });
    expect(forced.steps.map((s) => s.status)).toEqual(['done', 'done', 'done']);
  });

  it('re-runs a step whose outputs are present but no longer up to date, also after an earlier step ran', async () => {
    await withStore(config, async () => undefined);
    const log: string[] = [];
    let current = true;
    const stale = { ...step('stale', ['schema_migrations'], log), upToDate: async () => current };
    expect((await runPipeline(config, { steps: [stale] })).steps[0].status).toBe('skipped');
    current = false;
    expect((await runPipeline(config, { steps: [stale] })).steps[0].status).toBe('done');
    current = true;
    const changesInputs = { ...step('changes', [], log), run: async () => { current = false; return null; } };
    const result = await runPipeline(config, { steps: [changesInputs, stale] });
    expect(result.steps.map((s) => s.status)).toEqual(['done', 'done']);
    expect(log).toEqual(['stale', 'stale']);
  });

  it('runs only the named steps and rejects unknown names', async () => {
    const log: string[] = [];
    const steps = [step('a', [], log), step('b', [], log)];
    const result = await runPipeline(config, { steps, only: ['b'] });
    expect(result.steps.map((s) => s.id)).toEqual(['b']);
    await expect(runPipeline(config, { steps, only: ['b', 'zz'] })).rejects.toThrow(ValidationError);
    await expect(runPipeline(config, { steps, only: ['zz'] })).rejects.toThrow(/unknown pipeline step "zz" \(known: a, b\)/);
  });
});
