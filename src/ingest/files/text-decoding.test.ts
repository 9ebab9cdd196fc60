import { describe, expect, it } from 'vitest';
import { IngestFileError } from '../ingest-errors.js';
import { decodeText, detectEncoding } from './text-decoding.js';

async function decode(parts: Uint8Array[], encoding: 'auto' | 'gbk' = 'auto'): Promise<{ text: string; encoding: string }> {
  async function* chunks() { for (const data of parts) yield { data: Buffer.from(data), bytesRead: 0 }; }
  let text = '', used = '';
  for await (const c of decodeText('f.csv', chunks(), encoding)) { text += c.text; used = c.encoding; }
  return { text, encoding: used };
}

const gbkHeader = Uint8Array.from([0xb1, 0xed, 0xba, 0xc5, 0x2c, 0xca, 0xfd, 0xbe, 0xdd, 0xc8, 0xd5, 0xc6, 0xda]); // 表号,数据日期

describe('decodeText', () => {
  it('detects a UTF-8 BOM, plain UTF-8 and GBK', () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('表号,kwh'))).toBe('utf-8');
    expect(detectEncoding(gbkHeader)).toBe('gb18030');
  });

  it('decodes GBK Chinese headers without mangling them', async () => {
    expect(await decode([gbkHeader])).toEqual({ text: '表号,数据日期', encoding: 'gb18030' });
    expect((await decode([gbkHeader], 'gbk')).text).toBe('表号,数据日期');
  });

  it('strips the BOM and never splits a character across chunks', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('电能表资产号')]);
    expect((await decode([bytes.subarray(0, 5), bytes.subarray(5, 8), bytes.subarray(8)])).text).toBe('电能表资产号');
  });

  it('fails on invalid UTF-8 with the file and a hint instead of replacing characters', async () => {
    const error = await decode([Buffer.from('abc,def\n'), gbkHeader]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestFileError);
    expect(String(error)).toMatch(/f\.csv.*not valid utf-8.*--encoding gbk/);
  });

  it('keeps a genuine U+FFFD', async () => {
    expect((await decode([Buffer.from('a\uFFFDb')])).text).toBe('a\uFFFDb');
  });
});
