/** Splits one CSV record into fields (RFC 4180 quoting: `"a,b"`, `"say ""hi"""`). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (line[i + 1] === '"') { field += '"'; i++; }
      else quoted = false;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

const candidates = [',', ';', '\t', '|'];

/** The delimiter of a header line: the candidate that occurs most often (comma on a tie or none). */
export function detectDelimiter(header: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of candidates) {
    const count = header.split(d).length - 1;
    if (count > bestCount) { best = d; bestCount = count; }
  }
  return best;
}

/** Header cells normalised for matching: trimmed, BOM and quotes removed, lower case. */
export function normalizeHeader(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim().replace(/^"|"$/g, '').trim().toLowerCase();
}
