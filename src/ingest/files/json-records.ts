import type { TextChunk } from './text-decoding.js';

/** One JSON value of a file with the line it starts on. */
export interface JsonRecordText {
  readonly text: string;
  readonly line: number;
}

/**
 * Splits a JSON array file (`[ {...}, {...} ]`) into the texts of its elements, streaming: only one
 * element is held at a time, so large reference exports keep memory flat. Yields arrays per chunk.
 */
export async function* splitJsonArray(texts: AsyncIterable<TextChunk>): AsyncIterable<JsonRecordText[]> {
  let depth = 0, inString = false, escaped = false, line = 1, started = false;
  let current = '';
  let currentLine = 1;
  for await (const chunk of texts) {
    const out: JsonRecordText[] = [];
    const text = chunk.text;
    let from = current !== '' ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') inString = true;
      if (!started) {
        if (c === '[') { started = true; depth = 1; }
        else if (c.trim() !== '') throw new SyntaxError(`expected a JSON array, found "${c}" on line ${line}`);
        continue;
      }
      if (depth === 1 && from < 0 && c.trim() !== '' && c !== ',' && c !== ']') { from = i; currentLine = line; }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
      if ((depth === 1 && c === ',') || depth === 0) {
        const piece = from >= 0 ? current + text.slice(from, i) : current;
        if (piece.trim()) out.push({ text: piece.trim(), line: currentLine });
        current = '';
        from = -1;
        if (depth === 0) { started = false; depth = 0; }
      }
    }
    current = from >= 0 ? current + text.slice(from) : current;
    if (out.length) yield out;
  }
  if (started || current.trim()) throw new SyntaxError(`unexpected end of JSON array on line ${line} (truncated file?)`);
}
