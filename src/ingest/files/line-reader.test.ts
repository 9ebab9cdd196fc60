import { describe, expect, it } from 'vitest';
import { readLines } from './line-reader.js';
import { splitCsvLine } from './csv-fields.js';

async function lines(parts: string[]): Promise<[number, string][]> {
  async function* texts() { for (const text of parts) yield { text, bytesRead: 0, encoding: 'utf-8' }; }
  const out: [number, string][] = [];
  for await (const block of readLines(texts())) block.lines.forEach((l, i) => out.push([block.lineNumbers?.[i] ?? block.firstLine + i, l]));
  return out;
}

describe('readLines', () => {
  it('splits LF and CRLF across chunk boundaries with line numbers', async () => {
    expect(await lines(['a,1\r\nb,', '2\r', '\nc,3'])).toEqual([[1, 'a,1'], [2, 'b,2'], [3, 'c,3']]);
  });

  it('keeps a quoted field with a line break in one record', async () => {
    expect(await lines(['id,note\n1,"two\n', 'lines"\n2,x\n'])).toEqual([[1, 'id,note'], [2, '1,"two\nlines"'], [4, '2,x']]);
  });
});

describe('splitCsvLine', () => {
  it('handles quotes, escaped quotes and other delimiters', () => {
    expect(splitCsvLine('a,"b,c","say ""hi""",', ',')).toEqual(['a', 'b,c', 'say "hi"', '']);
    expect(splitCsvLine('表号;数据日期', ';')).toEqual(['表号', '数据日期']);
  });
});
