import type { SqlParam } from '../../warehouse/warehouse.js';

/**
 * The one place text is written into SQL instead of bound as a parameter: where DuckDB needs a
 * constant (the names and types of a `read_csv` columns struct, words of a CASE list). Values from
 * files and options go through `?` parameters everywhere else.
 */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A list of numbers as a SQL list literal (numbers the code computed, never file content). */
export function sqlNumberList(values: readonly number[]): string {
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
  return `[${values.join(', ')}]`;
}

/** SQL text with the parameters of its `?` placeholders, in order. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}

/**
 * Composes SQL: interpolated strings are SQL the code built (expressions, names), interpolated
 * fragments bring their parameters along in placeholder order.
 */
export function sql(strings: TemplateStringsArray, ...parts: readonly (string | SqlFragment)[]): SqlFragment {
  let text = strings[0];
  const params: SqlParam[] = [];
  parts.forEach((part, i) => {
    if (typeof part === 'string') text += part;
    else {
      text += part.sql;
      params.push(...part.params);
    }
    text += strings[i + 1];
  });
  return { sql: text, params };
}

/** A fragment of parameters alone (`?, ?`). */
export const param = (...values: readonly SqlParam[]): SqlFragment => ({ sql: values.map(() => '?').join(', '), params: values });
