import type { ColumnDef, TableDef } from '../../warehouse/schema/table-def.js';
import type { RejectCode } from '../connector.js';
import type { TimeReader } from '../readings/time-reader.js';
import { camelCase, snakeRow, type RecordTable } from './record-tables.js';

export type RecordResult = { ok: true; row: Record<string, unknown> } | { ok: false; code: RejectCode; reason: string };

const truthy = new Set(['true', 't', '1', 'yes', 'y', '是', '真']);
const falsy = new Set(['false', 'f', '0', 'no', 'n', '否', '假']);

/**
 * Turns one source record (strings from CSV, or JSON values) into a validated table row:
 * values are coerced by the column's logical type, validated with the core zod schema, and
 * written back in the table's column names. Failures name the field and the rule.
 */
export class RecordReader {
  private readonly columns: Map<string, ColumnDef>;

  constructor(private readonly spec: RecordTable, private readonly def: TableDef, private readonly times: TimeReader) {
    this.columns = new Map(def.columns.map((c) => [c.name, c]));
  }

  read(source: Readonly<Record<string, unknown>>): RecordResult {
    const input: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(source)) {
      const column = this.columns.get(key) ?? this.columns.get(key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
      const coerced = column ? this.coerce(column, raw) : raw;
      if (coerced instanceof Error) return { ok: false, code: 'invalid_value', reason: `${key}: ${coerced.message}` };
      input[camelCase(column?.name ?? key)] = coerced;
    }
    const prepared = this.spec.prepare ? this.spec.prepare(input) : input;
    const parsed = this.spec.schema.safeParse(prepared);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, code: 'schema', reason: `${issue.path.join('.') || '(record)'}: ${issue.message}` };
    }
    const value = parsed.data as Record<string, unknown>;
    return { ok: true, row: this.spec.toRow ? this.spec.toRow(value) : snakeRow(value) };
  }

  private coerce(column: ColumnDef, raw: unknown): unknown {
    if (typeof raw !== 'string') return raw instanceof Date || raw === null ? raw : column.type === 'timestamp' && typeof raw === 'number' ? new Date(raw) : raw;
    const text = raw.trim();
    if (text === '') return column.nullable ? null : undefined;
    switch (column.type) {
      case 'bool':
        if (truthy.has(text.toLowerCase())) return true;
        if (falsy.has(text.toLowerCase())) return false;
        return new Error(`"${text}" is not a boolean`);
      case 'timestamp': {
        const ms = this.times.read(text);
        return Number.isNaN(ms) ? new Error(this.times.failure.reason) : new Date(ms);
      }
      case 'date':
        return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : new Error(`"${text}" is not a date YYYY-MM-DD`);
      case 'json':
        try { return JSON.parse(text); } catch { return new Error('not valid JSON'); }
      case 'varchar':
        return text;
      default: {
        const n = Number(text);
        return Number.isFinite(n) ? n : new Error(`"${text}" is not a number`);
      }
    }
  }
}
