import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';

/** RFC 9457 problem details. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
}

const statusOfCode: Record<string, number> = {
  VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INSUFFICIENT_DATA: 422, LOCKED: 429,
};

const titles: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  409: 'Conflict', 413: 'Content Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests',
  500: 'Internal Server Error', 503: 'Service Unavailable',
};

/** An error raised by the API layer itself (validation of params, query and body). */
export class HttpProblem extends Error {
  constructor(readonly status: number, message: string, readonly errors?: Problem['errors']) {
    super(message);
  }
}

export function problemOf(error: unknown, instance: string): Problem {
  const base = (status: number, detail: string, errors?: Problem['errors']): Problem => ({
    type: `https://gridlens.dev/problems/${status}`, title: titles[status] ?? 'Error', status, detail, instance, ...(errors ? { errors } : {}),
  });
  if (error instanceof HttpProblem) return base(error.status, error.message, error.errors);
  if (error instanceof AppError && statusOfCode[error.code]) return base(statusOfCode[error.code], error.message);
  const fastifyError = error as Partial<FastifyError>;
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
  // Client errors from the framework (malformed JSON, body too large, bad media type) are safe to name;
  // anything else is internal and says nothing about why.
  if (status >= 400 && status < 500) return base(status, String(fastifyError.message ?? titles[status]));
  return base(500, 'internal error; the server log has the details under this request id');
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: unknown): FastifyReply {
  const problem = problemOf(error, request.url.split('?')[0]);
  if (problem.status >= 500) request.log.error({ err: error instanceof Error ? { message: error.message, code: (error as AppError).code } : String(error) }, 'request failed');
  if (problem.status === 429 && error instanceof AppError && typeof error.details.until === 'string') {
    reply.header('retry-after', Math.max(1, Math.ceil((Date.parse(error.details.until) - Date.now()) / 1000)));
  }
  return reply.status(problem.status).type('application/problem+json').send(problem);
}
