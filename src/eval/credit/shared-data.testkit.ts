import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** ../shared/data relative to the repository root. */
export const SHARED_DATA_DIR = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

/**
 * Whether a data-set test should run: yes when the file exists, and always under CI (where a
 * missing file must fail the test rather than skip it). Says why when it skips.
 */
export function shouldRun(relativeFile: string): boolean {
  const path = `${SHARED_DATA_DIR}${relativeFile}`;
  if (existsSync(path)) return true;
  if (process.env.CI) return true;
  console.warn(`skipping: ${path} is absent (set CI=1 to make its absence fail the test)`);
  return false;
}
