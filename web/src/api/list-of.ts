/**
 * The rows of a list response: the API answers lists as a bare array, a page ({ items }) or an
 * object naming its list ({ events }, { offers }...). Anything else has no rows.
 */
export function listOf<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    if (Array.isArray(record.items)) return record.items as T[];
    const first = Object.values(record).find(Array.isArray);
    if (first) return first as T[];
  }
  return [];
}
