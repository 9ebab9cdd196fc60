import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { IngestFileError } from '../ingest-errors.js';

/** A chunk of a file's (decompressed) bytes, with how many bytes of the file on disk were consumed so far. */
export interface ByteChunk {
  readonly data: Buffer;
  readonly bytesRead: number;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** Whether the file starts with the gzip magic bytes (whatever its name). */
export function isGzipFile(path: string): boolean {
  const head = Buffer.alloc(2);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const n = readSync(fd, head, 0, 2, 0);
    return n === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } catch (cause) {
    throw fileError(path, cause);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Streams a file's bytes in chunks, gunzipping `.gz` content on the fly, so memory stays flat.
 * A truncated or corrupt gzip stream is an `IngestFileError` naming the file.
 */
export async function* readBytes(path: string, chunkBytes = 1 << 20): AsyncIterable<ByteChunk> {
  const gzip = isGzipFile(path);
  const raw = createReadStream(path, { highWaterMark: chunkBytes });
  let bytesRead = 0;
  raw.on('data', (chunk) => { bytesRead += chunk.length; });
  let stream: Readable = raw;
  if (gzip) {
    const gunzip = createGunzip({ chunkSize: chunkBytes });
    raw.on('error', (error) => gunzip.destroy(error));
    stream = raw.pipe(gunzip);
  }
  try {
    for await (const data of stream) yield { data: data as Buffer, bytesRead };
  } catch (cause) {
    throw fileError(path, cause, gzip);
  } finally {
    raw.destroy();
    stream.destroy();
  }
}

function fileError(path: string, cause: unknown, gzip = false): IngestFileError {
  if (cause instanceof IngestFileError) return cause;
  const code = (cause as { code?: string }).code;
  if (code === 'ENOENT') return new IngestFileError(path, 'no such file', { code }, cause);
  if (code === 'EISDIR') return new IngestFileError(path, 'is a directory', { code }, cause);
  const message = cause instanceof Error ? cause.message : String(cause);
  if (gzip) return new IngestFileError(path, `truncated or corrupt gzip stream (${message})`, { code: code ?? 'GZIP' }, cause);
  return new IngestFileError(path, `cannot read file (${message})`, { code }, cause);
}
