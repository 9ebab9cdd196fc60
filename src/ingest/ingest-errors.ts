import { ValidationError } from '../core/errors.js';

/** A file that cannot be read as a whole (truncated, wrong encoding, missing element): names the file and where. */
export class IngestFileError extends ValidationError {
  constructor(readonly path: string, reason: string, details: Record<string, unknown> = {}, cause?: unknown) {
    const where = details.line !== undefined ? `:${String(details.line)}` : '';
    super(`${path}${where}: ${reason}`, { path, reason, ...details }, cause);
  }
}
