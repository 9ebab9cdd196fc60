/**
 * The GridLens error hierarchy. Every error carries a stable `code`, facts in `details`
 * and the foreign error it wraps in `cause`. Only the API maps these to HTTP statuses.
 */
export class AppError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details ?? {};
  }
}

/** Input that does not satisfy a schema or a rule: names what was wrong and where. */
export class ValidationError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}, cause?: unknown) {
    super('VALIDATION', message, { details, cause });
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id: string) {
    super('NOT_FOUND', `${entity} ${id} not found`, { details: { entity, id } });
  }
}

export class ConfigError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFIG', message, { details });
  }
}

/** A model or report cannot be computed honestly on the data available. */
export class InsufficientDataError extends AppError {
  constructor(what: string, coverage: number, required: number) {
    super('INSUFFICIENT_DATA', `${what}: coverage ${(coverage * 100).toFixed(1)}% is below the required ${(required * 100).toFixed(1)}%`, {
      details: { what, coverage, required },
    });
  }
}

/** Formats any thrown value for a terminal or log line, without stack traces. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
