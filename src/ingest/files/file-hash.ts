import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { IngestFileError } from '../ingest-errors.js';

/** SHA-256 of a file's bytes as stored (a `.gz` is hashed compressed), hex. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  } catch (cause) {
    throw new IngestFileError(path, `cannot read file (${cause instanceof Error ? cause.message : String(cause)})`, {}, cause);
  }
  return hash.digest('hex');
}
