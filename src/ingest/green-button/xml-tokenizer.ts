import type { TextChunk } from '../files/text-decoding.js';

/** One XML token. Names keep their prefix (`espi:value`); `local` drops it. */
export type XmlToken =
  | { readonly kind: 'open'; readonly name: string; readonly local: string; readonly attrs: Readonly<Record<string, string>>; readonly selfClosing: boolean; readonly line: number }
  | { readonly kind: 'close'; readonly name: string; readonly local: string; readonly line: number }
  | { readonly kind: 'text'; readonly text: string; readonly line: number };

/** An XML syntax error, with the line it was found on. */
export class XmlSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (match, body: string) => {
    if (body[0] === '#') return String.fromCodePoint(body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1)));
    return entities[body] ?? match;
  });
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function parseAttrs(body: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of body.matchAll(/([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[m[1]] = decodeEntities(m[2] ?? m[3] ?? '');
  return attrs;
}

/**
 * A small streaming XML tokenizer (SAX style, no DOM): yields the tokens of each text chunk as an
 * array, carrying an unfinished token to the next chunk. Comments, processing instructions and
 * DOCTYPE are skipped; CDATA is text. Checks that tags nest and that the document ends closed.
 */
export async function* tokenizeXml(texts: AsyncIterable<TextChunk>): AsyncIterable<XmlToken[]> {
  let carry = '';
  let line = 1;
  const stack: string[] = [];
  for await (const chunk of texts) {
    const text = carry + chunk.text;
    const tokens: XmlToken[] = [];
    let i = 0;
    for (;;) {
      const lt = text.indexOf('<', i);
      if (lt < 0) break;
      const end = tagEnd(text, lt);
      if (end < 0) break;
      if (lt > i) { tokens.push(textToken(text.slice(i, lt), line)); line += countLines(text, i, lt); }
      pushTag(text.slice(lt, end), line, stack, tokens);
      line += countLines(text, lt, end);
      i = end;
    }
    carry = text.slice(i);
    if (tokens.length) yield tokens;
  }
  if (carry.trim() !== '') throw new XmlSyntaxError(`unexpected end of document inside "${carry.slice(0, 40)}" (truncated file?)`, line);
  if (stack.length) throw new XmlSyntaxError(`unexpected end of document: <${stack[stack.length - 1]}> is not closed (truncated file?)`, line);
}

function textToken(text: string, line: number): XmlToken {
  return { kind: 'text', text: decodeEntities(text), line };
}

/** Index just after the tag starting at `lt`, or -1 when the chunk ends inside it. */
function tagEnd(text: string, lt: number): number {
  if (text.startsWith('<!--', lt)) { const e = text.indexOf('-->', lt + 4); return e < 0 ? -1 : e + 3; }
  if (text.startsWith('<![CDATA[', lt)) { const e = text.indexOf(']]>', lt + 9); return e < 0 ? -1 : e + 3; }
  if (text.startsWith('<?', lt)) { const e = text.indexOf('?>', lt + 2); return e < 0 ? -1 : e + 2; }
  const e = text.indexOf('>', lt + 1);
  return e < 0 ? -1 : e + 1;
}

function pushTag(raw: string, line: number, stack: string[], tokens: XmlToken[]): void {
  if (raw.startsWith('<!--') || raw.startsWith('<?') || raw.startsWith('<!DOCTYPE')) return;
  if (raw.startsWith('<![CDATA[')) { tokens.push({ kind: 'text', text: raw.slice(9, -3), line }); return; }
  if (raw[1] === '/') {
    const name = raw.slice(2, -1).trim();
    const open = stack.pop();
    if (open !== name) throw new XmlSyntaxError(`</${name}> does not close <${open ?? '(nothing)'}>`, line);
    tokens.push({ kind: 'close', name, local: localName(name), line });
    return;
  }
  const selfClosing = raw.endsWith('/>');
  const body = raw.slice(1, selfClosing ? -2 : -1);
  const space = body.search(/\s/);
  const name = space < 0 ? body : body.slice(0, space);
  if (!name) throw new XmlSyntaxError(`malformed tag "${raw.slice(0, 40)}"`, line);
  tokens.push({ kind: 'open', name, local: localName(name), attrs: space < 0 ? {} : parseAttrs(body.slice(space)), selfClosing, line });
  if (selfClosing) tokens.push({ kind: 'close', name, local: localName(name), line });
  else stack.push(name);
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
