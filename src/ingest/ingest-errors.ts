import { ValidationError } from '../core/errors.js';

/** A file that cannot be read as a whole (truncated, wrong encoding, missing element): names the file and where. */
export class IngestFileError extends ValidationError {
  constructor(readonly path: string, reason: string, details: Record<string, unknown> = {}, cause?: unknown) {
    const where = details.line !== undefined ? `:${String(details.line)}` : '';
    super(`${path}${where}: ${reason}`, { path, reason, ...details }, cause);
  }
}

/**
 * Thrown by a bulk load in `direct` mode when the file needs the staged path (unsorted keys, keys
 * the store may hold, records to re-read into readings). The transaction is rolled back and the
 * pipeline loads the file again in `staged` mode.
 */
export class BulkRetry extends Error {
  constructor(readonly reason: string) {
    super(`bulk load needs the staged path: ${reason}`);
  }
}
