import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { AuthenticationError, csrfTokenFor, ForbiddenError, safeEqual } from '../../jobs/api-credentials.js';
import { resolveSession, resolveToken } from '../../jobs/api-sessions.js';
import type { ApiContext, Principal } from '../context.js';

export const SESSION_COOKIE = 'gl_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Finds the caller from `Authorization: Bearer` or the session cookie; 401 when neither is valid. */
export async function authenticate(ctx: ApiContext, request: FastifyRequest): Promise<Principal> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match ? await resolveToken(ctx.wh, match[1]) : null;
    if (!token) throw new AuthenticationError('invalid or expired API token');
    return { user: token.user, via: 'token', scopes: token.scopes, partner: token.partner };
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (sessionId && /^[A-Za-z0-9_-]{43}$/.test(sessionId)) {
    const user = await resolveSession(ctx.wh, sessionId);
    if (user) return { user, via: 'session', scopes: null, partner: false, sessionId };
  }
  throw new AuthenticationError();
}

/** Double-submit check for cookie sessions: mutating requests carry the session's CSRF token in a header. */
export function checkCsrf(principal: Principal, request: FastifyRequest): void {
  if (principal.via !== 'session' || !principal.sessionId) return;
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !safeEqual(sent, csrfTokenFor(principal.sessionId))) {
    throw new ForbiddenError(`missing or wrong ${CSRF_HEADER} header (get it from /auth/me)`);
  }
}
