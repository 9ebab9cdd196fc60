/** A hash route: `#/customers/C000123` -> ['customers', 'C000123']. Pure, so tests run it without a DOM. */
export function parseHash(hash: string): string[] {
  return hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
}
