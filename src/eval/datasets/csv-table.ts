import { ValidationError } from '../../core/errors.js';
import { splitCsvLine } from '../../ingest/files/index.js';

/** A small CSV file held in memory: header cells and rows of cells. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly string[][];
}

/** Parses comma-separated text with RFC 4180 quoting ("16,853"); blank lines are skipped. */
export function parseCsv(text: string): CsvTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.length > 0);
  const [header = '', ...body] = lines;
  return { header: splitCsvLine(header, ','), rows: body.map((line) => splitCsvLine(line, ',')) };
}

/** A number from a cell with optional thousands separators; NaN for an empty cell. */
export function parseNumber(cell: string | undefined): number {
  if (cell === undefined || cell === '') return Number.NaN;
  const value = Number(cell.includes(',') ? cell.replaceAll(',', '') : cell);
  return cell.trim() === '' ? Number.NaN : value;
}

/** Position of a header cell, or a ValidationError naming the file and column. */
export function columnIndex(table: CsvTable, name: string, file: string): number {
  const index = table.header.indexOf(name);
  if (index < 0) throw new ValidationError(`${file} has no column ${name}`, { file, column: name });
  return index;
}
