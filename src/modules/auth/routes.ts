import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { actorOf, idParam, noContent, type RouteModule } from '../../server/http.ts';
import type { Services } from '../../services.ts';
import { loadUser, updateProfile } from '../users/manage-users.ts';
import { isSetupNeeded, setupInstallation } from '../users/offices.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { changePassword } from './change-password.ts';
import { login } from './login.ts';
import { requestPasswordReset, resetPassword } from './reset-password.ts';
import { endSession, SESSION_COOKIE } from './sessions.ts';

const language = z.enum(['nl', 'fr', 'en']);

function setSessionCookie(svc: Services, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: svc.config.secureCookies,
    path: '/',
    maxAge: 30 * 24 * 3600, // the server-side idle expiry decides; the cookie only needs to outlive it
  });
}

async function sessionView(svc: Services, userId: number, csrfToken: string | null) {
  const user = await loadUser(svc, userId);
  const office = await svc.db.selectFrom('office').select(['id', 'name']).where('id', '=', user.officeId).executeTakeFirstOrThrow();
  return { user, office, csrfToken };
}

export const authRoutes: RouteModule = (app, svc) => {
  app.get('/setup', { config: { public: true }, schema: { tags: ['session'], summary: 'Whether the first-run setup is still needed' } }, async () => ({
    needed: await isSetupNeeded(svc),
  }));

  app.post(
    '/setup',
    {
      config: { public: true },
      schema: {
        tags: ['session'],
        summary: 'First run: create the office and its administrator, and log in',
        body: z.object({
          officeName: z.string().min(1),
          login: z.string().min(1),
          displayName: z.string().optional(),
          email: z.string().nullable().optional(),
          password: z.string(),
          language: language.optional(),
        }),
      },
    },
    async (request, reply) => {
      const result = await setupInstallation(svc, request.body);
      setSessionCookie(svc, reply, result.token);
      return reply.code(201).send(await sessionView(svc, result.user.id, result.csrfToken));
    },
  );

  app.get('/session', { config: { public: true }, schema: { tags: ['session'], summary: 'The logged-in user, office and CSRF token (null when not logged in)' } }, async (request) => {
    if (!request.actor) return { user: null, office: null, csrfToken: null, setupNeeded: await isSetupNeeded(svc) };
    return { ...(await sessionView(svc, request.actor.userId, request.csrfToken)), setupNeeded: false };
  });

  app.post(
    '/session',
    {
      config: { public: true },
      schema: { tags: ['session'], summary: 'Log in (sets the session cookie)', body: z.object({ login: z.string().min(1), password: z.string().min(1) }) },
    },
    async (request, reply) => {
      const result = await login(svc, request.body);
      setSessionCookie(svc, reply, result.token);
      return reply.code(201).send(await sessionView(svc, result.userId, result.csrfToken));
    },
  );

  app.delete('/session', { config: { public: true }, schema: { tags: ['session'], summary: 'Log out' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(svc, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return noContent(reply);
  });

  app.patch(
    '/me',
    {
      schema: {
        tags: ['session'],
        summary: 'Change your own settings: name, e-mail, language, theme, font size',
        body: z.object({
          displayName: z.string().optional(),
          email: z.string().nullable().optional(),
          language: language.optional(),
          theme: z.enum(['light', 'dark', 'contrast']).optional(),
          fontSize: z.enum(['small', 'medium', 'large', 'xlarge']).optional(),
        }),
      },
    },
    async (request) => updateProfile(svc, actorOf(request), request.body),
  );

  app.post(
    '/me/password',
    { schema: { tags: ['session'], summary: 'Change your password', body: z.object({ currentPassword: z.string(), newPassword: z.string() }) } },
    async (request, reply) => {
      await changePassword(svc, actorOf(request), request.body);
      return noContent(reply);
    },
  );

  app.post(
    '/password/forgot',
    { config: { public: true }, schema: { tags: ['session'], summary: 'Mail a single-use reset link (valid one hour) when the user has an e-mail address', body: z.object({ login: z.string().min(1) }) } },
    async (request) => requestPasswordReset(svc, request.body),
  );

  app.post(
    '/password/reset',
    { config: { public: true }, schema: { tags: ['session'], summary: 'Set a new password with a reset link', body: z.object({ token: z.string().min(1), newPassword: z.string() }) } },
    async (request) => resetPassword(svc, request.body),
  );

  app.get('/tokens', { schema: { tags: ['tokens'], summary: 'Your API tokens' } }, async (request) => listApiTokens(svc, actorOf(request)));
  app.post(
    '/tokens',
    { schema: { tags: ['tokens'], summary: 'Create an API token (the secret is shown only now)', body: z.object({ name: z.string().trim().min(1).max(100) }) } },
    async (request, reply) => reply.code(201).send(await createApiToken(svc, actorOf(request), request.body)),
  );
  app.delete('/tokens/:id', { schema: { tags: ['tokens'], summary: 'Revoke an API token', params: idParam } }, async (request, reply) => {
    await revokeApiToken(svc, actorOf(request), request.params.id);
    return noContent(reply);
  });
};
