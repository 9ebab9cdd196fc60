import { readFile } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';
import { ValidationError } from '../../core/errors.js';

/** One file inside a zip archive, as listed in its central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc: number;
  readonly localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * Reads a file from a (non-zip64) zip archive: the central directory gives sizes and offsets, the
 * local header the start of the data, zlib's raw inflate the bytes; the CRC-32 is checked. Enough
 * for the single-CSV archives of the shared data sets without adding a dependency.
 */
export async function readZipEntry(path: string, name?: string): Promise<Buffer> {
  const archive = await readFile(path);
  const entries = zipEntries(archive, path);
  const entry = name === undefined ? entries[0] : entries.find((e) => e.name === name);
  if (!entry) throw new ValidationError(`zip ${path} has no entry ${name ?? '(empty archive)'}`, { path, name });
  return entryBytes(archive, entry, path);
}

/** The entries of a zip archive's central directory. */
export function zipEntries(archive: Buffer, path = 'zip'): ZipEntry[] {
  const end = findEndOfDirectory(archive, path);
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new ValidationError(`zip ${path}: bad central directory entry ${i}`, { path });
    const nameLength = archive.readUInt16LE(at + 28);
    entries.push({
      method: archive.readUInt16LE(at + 10),
      crc: archive.readUInt32LE(at + 16),
      compressedSize: archive.readUInt32LE(at + 20),
      size: archive.readUInt32LE(at + 24),
      localHeaderOffset: archive.readUInt32LE(at + 42),
      name: archive.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
  }
  return entries;
}

function findEndOfDirectory(archive: Buffer, path: string): number {
  for (let at = archive.length - 22; at >= Math.max(0, archive.length - 22 - 0xffff); at--) {
    if (archive.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new ValidationError(`${path} is not a zip archive (no end of central directory)`, { path });
}

function entryBytes(archive: Buffer, entry: ZipEntry, path: string): Buffer {
  const at = entry.localHeaderOffset;
  if (archive.readUInt32LE(at) !== LOCAL_HEADER) throw new ValidationError(`zip ${path}: bad local header of ${entry.name}`, { path });
  const start = at + 30 + archive.readUInt16LE(at + 26) + archive.readUInt16LE(at + 28);
  const raw = archive.subarray(start, start + entry.compressedSize);
  let bytes: Buffer;
  if (entry.method === STORED) bytes = Buffer.from(raw);
  else if (entry.method === DEFLATED) bytes = inflateRawSync(raw);
  else throw new ValidationError(`zip ${path}: ${entry.name} uses unsupported compression method ${entry.method}`, { path, method: entry.method });
  if (bytes.length !== entry.size || crc32(bytes) !== entry.crc) {
    throw new ValidationError(`zip ${path}: ${entry.name} fails its size or CRC-32 check`, { path, entry: entry.name });
  }
  return bytes;
}
