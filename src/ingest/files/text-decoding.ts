import { StringDecoder } from 'node:string_decoder';
import { TextDecoder } from 'node:util';
import { IngestFileError } from '../ingest-errors.js';
import type { ByteChunk } from './byte-source.js';

/** Encodings GridLens reads. `auto` detects a BOM, then UTF-8, falling back to GB18030 (a superset of GBK). */
export const textEncodings = ['auto', 'utf-8', 'gbk', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof textEncodings)[number];

export interface TextChunk {
  readonly text: string;
  readonly bytesRead: number;
  /** The encoding in use (detected when `auto`). */
  readonly encoding: string;
}

/** Detects the encoding of a file from its first bytes: a BOM, else valid UTF-8, else GB18030. */
export function detectEncoding(head: Uint8Array): Exclude<TextEncoding, 'auto'> {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/**
 * Decodes a byte stream to text in the given encoding without ever splitting a character (streaming
 * decoder). A byte sequence invalid in the encoding is an error naming the file: characters are
 * never silently replaced.
 */
export async function* decodeText(path: string, chunks: AsyncIterable<ByteChunk>, encoding: TextEncoding = 'auto'): AsyncIterable<TextChunk> {
  let decoder: Decoder | undefined;
  let used = '';
  let decodedBytes = 0;
  for await (const chunk of chunks) {
    if (!decoder) {
      used = encoding === 'auto' ? detectEncoding(chunk.data) : encoding;
      decoder = used === 'utf-8' ? new Utf8Decoder() : new TextDecoder(used, { fatal: true });
    }
    yield { text: decode(path, decoder, chunk.data, used, decodedBytes, true), bytesRead: chunk.bytesRead, encoding: used };
    decodedBytes += chunk.data.length;
  }
  if (decoder) {
    const rest = decode(path, decoder, new Uint8Array(0), used, decodedBytes, false);
    if (rest) yield { text: rest, bytesRead: decodedBytes, encoding: used };
  }
}

interface Decoder {
  decode(data: Uint8Array, options: { stream: boolean }): string;
}

/**
 * UTF-8 through Node's StringDecoder (several times faster than TextDecoder on large files). Every
 * replacement character in the output must come from an encoded U+FFFD in the input; otherwise
 * the bytes were invalid and decoding fails instead of silently replacing them.
 */
class Utf8Decoder implements Decoder {
  private readonly fast = new StringDecoder('utf8');
  private first = true;

  decode(data: Uint8Array, { stream }: { stream: boolean }): string {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    let text = stream ? this.fast.write(bytes) : this.fast.end();
    if (text.includes(REPLACEMENT) && count(text, REPLACEMENT) > countBytes(bytes, ENCODED_REPLACEMENT)) {
      throw new TypeError('invalid UTF-8 byte sequence');
    }
    if (this.first && text.length) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  }
}

const REPLACEMENT = '\uFFFD';
const ENCODED_REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) n++;
  return n;
}

function countBytes(data: Buffer, needle: Buffer): number {
  let n = 0;
  for (let i = data.indexOf(needle); i !== -1; i = data.indexOf(needle, i + 1)) n++;
  return n;
}

function decode(path: string, decoder: Decoder, data: Uint8Array, encoding: string, offset: number, stream: boolean): string {
  try {
    return decoder.decode(data, { stream });
  } catch (cause) {
    const hint = encoding === 'utf-8' ? '; if the file is a Chinese export, pass --encoding gbk (or gb18030)' : '';
    throw new IngestFileError(path, `bytes not valid ${encoding} near byte ${offset}${hint}`, { encoding, byteOffset: offset }, cause);
  }
}
