import { z } from 'zod';
import { csrfTokenFor } from '../../jobs/api-credentials.js';
import { login, logout, SESSION_TTL_MS } from '../../jobs/api-sessions.js';
import { SESSION_COOKIE } from '../auth/authenticate.js';
import { defineRoute } from '../route.js';
import { userOut } from '../schemas.js';

const session = z.object({ user: userOut, csrfToken: z.string().nullable() });

export const authRoutes = [
  defineRoute({
    id: 'auth.login', method: 'POST', url: '/auth/login', tag: 'auth',
    summary: 'Log in with a username and password; sets the session cookie. 429 after 5 failures in 15 minutes.',
    body: z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
    response: session,
    handler: async ({ ctx, request, reply, body }) => {
      const result = await login(ctx.wh, { username: body.username, password: body.password, ip: request.ip });
      reply.setCookie(SESSION_COOKIE, result.sessionId, {
        httpOnly: true, sameSite: 'strict', path: '/', secure: ctx.secureCookies || request.protocol === 'https', maxAge: SESSION_TTL_MS / 1000,
      });
      return { user: result.user, csrfToken: csrfTokenFor(result.sessionId) };
    },
  }),
  defineRoute({
    id: 'auth.logout', method: 'POST', url: '/auth/logout', tag: 'auth', summary: 'End the session.', status: 204,
    handler: async ({ ctx, request, reply, principal }) => {
      if (principal.sessionId) await logout(ctx.wh, principal.sessionId, principal.user.username, request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  }),
  defineRoute({
    id: 'auth.me', method: 'GET', url: '/auth/me', tag: 'auth', summary: 'The caller and the CSRF token of the session.', response: session,
    handler: async ({ principal }) => ({ user: principal.user, csrfToken: principal.sessionId ? csrfTokenFor(principal.sessionId) : null }),
  }),
];
