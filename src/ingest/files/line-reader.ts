import type { TextChunk } from './text-decoding.js';

/** Consecutive lines of a file: `lines[i]` is line `firstLine + i` (1-based), without its line break. */
export interface LineBlock {
  readonly lines: string[];
  /** Line number of each entry where a quoted field spanned lines; undefined when lines are consecutive. */
  readonly lineNumbers?: number[];
  readonly firstLine: number;
  readonly bytesRead: number;
  readonly encoding: string;
  /** Whether any line of the block contains a double quote (callers may then skip quote handling). */
  readonly quoted: boolean;
}

/**
 * Splits decoded text into blocks of lines (LF or CRLF), one block per text chunk, so callers loop
 * over plain arrays instead of awaiting each line. With `quotes`, a line with an unbalanced double
 * quote is joined with the next (a quoted CSV field containing a line break).
 */
export async function* readLines(texts: AsyncIterable<TextChunk>, quotes = true): AsyncIterable<LineBlock> {
  let carry = '';
  let next = 1;
  let last: TextChunk | undefined;
  for await (const chunk of texts) {
    last = chunk;
    const text = carry + chunk.text;
    const parts = text.split('\n');
    carry = parts.pop() ?? '';
    if (parts.length === 0) continue;
    const block = toBlock(parts, next, chunk, text, quotes);
    carry = block.unfinished + (block.unfinished ? '\n' : '') + carry;
    next = block.nextLine;
    if (block.lines.length) yield block.value;
  }
  if (carry.length && last) {
    const block = toBlock([carry], next, last, carry, false);
    if (block.lines.length) yield block.value;
  }
}

function toBlock(parts: string[], firstLine: number, chunk: TextChunk, text: string, quotes: boolean) {
  if (text.includes('\r')) {
    for (let i = 0; i < parts.length; i++) {
      const line = parts[i];
      if (line.charCodeAt(line.length - 1) === 13) parts[i] = line.slice(0, -1);
    }
  }
  let lines = parts;
  let lineNumbers: number[] | undefined;
  let unfinished = '';
  let nextLine = firstLine + parts.length;
  const quoted = text.includes('"');
  if (quotes && quoted) {
    ({ lines, lineNumbers, unfinished, nextLine } = joinQuoted(parts, firstLine));
  }
  const value: LineBlock = { lines, lineNumbers, firstLine, bytesRead: chunk.bytesRead, encoding: chunk.encoding, quoted };
  return { value, lines, unfinished, nextLine };
}

/** A quoted field spanning more lines than this is taken as a stray quote: the lines are passed on as they are. */
const MAX_RECORD_LINES = 100;

function joinQuoted(parts: string[], firstLine: number) {
  const lines: string[] = [];
  const lineNumbers: number[] = [];
  let pending: string | undefined;
  let pendingLine = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const text = pending === undefined ? part : `${pending}\n${part}`;
    if (pending === undefined) pendingLine = firstLine + i;
    if (countQuotes(text) % 2 === 1 && firstLine + i - pendingLine < MAX_RECORD_LINES) {
      pending = text;
      continue;
    }
    lines.push(text);
    lineNumbers.push(pendingLine);
    pending = undefined;
  }
  return { lines, lineNumbers, unfinished: pending ?? '', nextLine: pending === undefined ? firstLine + parts.length : pendingLine };
}

function countQuotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n++;
  return n;
}
