import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import { loadVeeRuleFile, parseVeeRuleSet, parseVeeRuleSetJson } from './rule-file.js';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('VEE rule files', () => {
  it('parses a valid JSON rule set', () => {
    const set = parseVeeRuleSetJson(JSON.stringify({ version: 1, name: 'pilot', overrides: { public: { flatline: { windowMinutes: 2880 } } } }));
    expect(set.overrides?.public?.flatline?.windowMinutes).toBe(2880);
  });

  it('names the field of every problem', () => {
    const text = message(() => parseVeeRuleSet({ version: 1, overrides: { industrial: { spike: { neighbourRatio: 0.5 } } }, defaults: { gap: { longGap: 3 } } }, 'rules.json'));
    expect(text).toMatch(/^rules\.json: /);
    expect(text).toMatch(/overrides\.industrial\.spike\.neighbourRatio: Too small/);
    expect(text).toMatch(/defaults\.gap: Unrecognized key.*longGap/);
    expect(message(() => parseVeeRuleSet({ version: 2 }))).toMatch(/version/);
    expect(message(() => parseVeeRuleSet({ version: 1, overrides: { martian: {} } }))).toMatch(/overrides/);
    expect(message(() => parseVeeRuleSet({ version: 1, defaults: { estimation: { replaceChecks: ['spikes'] } } }))).toMatch(/defaults\.estimation\.replaceChecks\.0/);
  });

  it('reports JSON syntax errors and unreadable files with the path', async () => {
    expect(message(() => parseVeeRuleSetJson('{ "version": 1,', 'a.json'))).toMatch(/^a\.json: not valid JSON/);
    const dir = mkdtempSync(join(tmpdir(), 'vee-rules-'));
    const path = join(dir, 'rules.json');
    writeFileSync(path, JSON.stringify({ version: 1, defaults: { zeroRun: { windowMinutes: 60 } } }));
    expect((await loadVeeRuleFile(path)).defaults?.zeroRun?.windowMinutes).toBe(60);
    await expect(loadVeeRuleFile(join(dir, 'missing.json'))).rejects.toThrow(/missing\.json: cannot read/);
  });
});
