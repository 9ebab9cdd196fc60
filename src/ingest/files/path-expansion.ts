import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { IngestFileError } from '../ingest-errors.js';
import type { SourceFile } from '../connector.js';

const GLOB_CHARS = /[*?[{]/;

/**
 * Expands what a user named into files: plain files, directories (walked recursively, sorted) and
 * glob patterns (`*`, `**`, `?`, `[abc]`, `{a,b}`). A name that matches nothing is an error.
 */
export function expandPaths(patterns: readonly string[]): SourceFile[] {
  const seen = new Set<string>();
  const files: SourceFile[] = [];
  for (const pattern of patterns) {
    const matched = GLOB_CHARS.test(pattern) ? globFiles(pattern) : namedFiles(pattern);
    if (matched.length === 0) throw new IngestFileError(pattern, 'no files match');
    for (const path of matched) {
      if (seen.has(path)) continue;
      seen.add(path);
      files.push({ path, bytes: statSync(path).size });
    }
  }
  return files;
}

function namedFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch (cause) {
    throw new IngestFileError(path, 'no such file or directory', {}, cause);
  }
  return stat.isDirectory() ? walk(path) : [path];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

function globFiles(pattern: string): string[] {
  const parts = pattern.split(/[\\/]/);
  const firstGlob = parts.findIndex((p) => GLOB_CHARS.test(p));
  const base = parts.slice(0, firstGlob).join(sep) || '.';
  const regex = globRegex(parts.slice(firstGlob).join('/'));
  let candidates: string[];
  try {
    candidates = walk(base);
  } catch {
    return [];
  }
  return candidates.filter((path) => regex.test(relative(resolve(base), resolve(path)).split(sep).join('/')));
}

/** Translates a glob (relative to its static base directory) into a regular expression. */
export function globRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i);
      re += end > i ? glob.slice(i, end + 1) : '\\[';
      i = end > i ? end : i;
    } else if (ch === '{') {
      const end = glob.indexOf('}', i);
      re += end > i ? `(?:${glob.slice(i + 1, end).split(',').map(escape).join('|')})` : '\\{';
      i = end > i ? end : i;
    } else re += escape(ch);
  }
  return new RegExp(`^${re}$`);
}

const escape = (s: string) => s.replace(/[.+^$()|\\]/g, '\\$&');
