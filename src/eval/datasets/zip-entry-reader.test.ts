import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZipEntry, zipEntries } from './zip-entry-reader.js';

/** A one-entry zip archive built by hand (local header, data, central directory, end record). */
function zipOf(name: string, content: Buffer, options: { corruptCrc?: boolean } = {}): Buffer {
  const data = deflateRawSync(content);
  const crc = (crc32(content) ^ (options.corruptCrc ? 1 : 0)) >>> 0;
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

describe('readZipEntry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gridlens-zip-'));
  const text = Buffer.from('zone_id,h1\n1,"16,853"\n'.repeat(50));

  it('lists and inflates an entry, checking its CRC', async () => {
    const path = join(dir, 'load.csv.zip');
    writeFileSync(path, zipOf('load.csv', text));
    expect(zipEntries(zipOf('load.csv', text)).map((e) => e.name)).toEqual(['load.csv']);
    expect((await readZipEntry(path)).equals(text)).toBe(true);
    expect((await readZipEntry(path, 'load.csv')).length).toBe(text.length);
    await expect(readZipEntry(path, 'other.csv')).rejects.toThrow(/no entry other.csv/);
  });

  it('rejects corrupt data and files that are not archives', async () => {
    const corrupt = join(dir, 'corrupt.zip');
    writeFileSync(corrupt, zipOf('load.csv', text, { corruptCrc: true }));
    await expect(readZipEntry(corrupt)).rejects.toThrow(/CRC-32/);
    const plain = join(dir, 'plain.zip');
    writeFileSync(plain, text);
    await expect(readZipEntry(plain)).rejects.toThrow(/not a zip archive/);
  });
});
