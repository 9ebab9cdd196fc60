import { describe, expect, it } from 'vitest';
import { tokenizeXml, type XmlToken } from './xml-tokenizer.js';

async function tokens(parts: string[]): Promise<XmlToken[]> {
  async function* texts() { for (const text of parts) yield { text, bytesRead: 0, encoding: 'utf-8' }; }
  const out: XmlToken[] = [];
  for await (const batch of tokenizeXml(texts())) out.push(...batch);
  return out;
}

describe('tokenizeXml', () => {
  it('streams tags, attributes, entities and CDATA across chunk boundaries', async () => {
    const out = await tokens(['<?xml version="1.0"?>\n<a x="1 &amp; 2"><!-- c --><b', '>A &lt; B</b><c/><d><![CDATA[<raw>]]></d></a>']);
    expect(out.filter((t) => t.kind !== 'text' || t.text.trim())).toEqual([
      { kind: 'open', name: 'a', local: 'a', attrs: { x: '1 & 2' }, selfClosing: false, line: 2 },
      { kind: 'open', name: 'b', local: 'b', attrs: {}, selfClosing: false, line: 2 },
      { kind: 'text', text: 'A < B', line: 2 },
      { kind: 'close', name: 'b', local: 'b', line: 2 },
      { kind: 'open', name: 'c', local: 'c', attrs: {}, selfClosing: true, line: 2 },
      { kind: 'close', name: 'c', local: 'c', line: 2 },
      { kind: 'open', name: 'd', local: 'd', attrs: {}, selfClosing: false, line: 2 },
      { kind: 'text', text: '<raw>', line: 2 },
      { kind: 'close', name: 'd', local: 'd', line: 2 },
      { kind: 'close', name: 'a', local: 'a', line: 2 },
    ]);
  });

  it('reports a truncated document and mismatched tags with the line', async () => {
    await expect(tokens(['<feed>\n<entry><espi:value>1'])).rejects.toThrow(/not closed|unexpected end/);
    await expect(tokens(['<a>\n<b></a>'])).rejects.toMatchObject({ line: 2 });
  });
});
