/**
 * Assembles the HTTP server: REST API under /api/v1 (OpenAPI at /api/openapi.json, readable at
 * /api/docs), the health check, and the web UI (the built SPA from web/dist).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import multipart from '@fastify/multipart';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { AppError, httpStatusOf, isAppError } from '../core/errors.ts';
import { DEFAULT_LANGUAGE, defineMessages, describeError, isLanguage, languageFromHeader, type Language } from '../core/i18n/index.ts';
import { resolveApiToken, resolveSession, SESSION_COOKIE } from '../modules/auth/sessions.ts';
import type { Services } from '../services.ts';
import type { App } from './http.ts';
import { routeModules } from './routes.ts';

defineMessages({
  'request.invalid': {
    nl: 'De aanvraag is ongeldig: {summary}',
    fr: 'La requête n’est pas valable : {summary}',
    en: 'The request is invalid: {summary}',
  },
  'request.field_invalid': {
    nl: 'Het veld {field} is ongeldig: {reason}',
    fr: 'Le champ {field} n’est pas valable : {reason}',
    en: 'The field {field} is invalid: {reason}',
  },
  'request.not_found': {
    nl: 'Deze API-route bestaat niet: {method} {url}',
    fr: "Cette route de l'API n'existe pas : {method} {url}",
    en: 'This API route does not exist: {method} {url}',
  },
  'request.body_invalid': {
    nl: 'De inhoud van de aanvraag is geen geldige JSON.',
    fr: 'Le contenu de la requête n’est pas du JSON valable.',
    en: 'The request body is not valid JSON.',
  },
  'internal.error': {
    nl: 'Er ging iets mis aan onze kant. De fout werd gelogd.',
    fr: 'Une erreur s’est produite de notre côté. Elle a été journalisée.',
    en: 'Something went wrong on our side. The error was logged.',
  },
});

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface BuildAppOptions {
  logger?: boolean;
  /** Serve the built web UI (default: when web/dist exists). */
  serveWeb?: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(svc: Services, options: BuildAppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    trustProxy: true,
    bodyLimit: 50 * 1024 * 1024,
  }).withTypeProvider() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 100 * 1024 * 1024, files: 1 } });

  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('language', DEFAULT_LANGUAGE);

  // Who is calling: a Bearer API token or the session cookie. CSRF: cookie-authenticated writes must
  // carry the session's token in X-CSRF-Token (the SPA reads it from GET /api/v1/session).
  app.addHook('onRequest', async (request) => {
    const header = request.headers['x-language'];
    const fromHeader = typeof header === 'string' && isLanguage(header) ? header : undefined;
    request.language = fromHeader ?? languageFromHeader(request.headers['accept-language']) ?? DEFAULT_LANGUAGE;
    if (!request.url.startsWith('/api/')) return;
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      request.actor = await resolveApiToken(svc, auth.slice(7).trim());
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const session = await resolveSession(svc, token);
        if (session) {
          request.actor = session;
          request.csrfToken = session.csrfToken;
          if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
            throw new AppError('auth.csrf_failed', 'forbidden');
          }
        }
      }
    }
    if (request.actor && !fromHeader) request.language = request.actor.language;
  });

  // Every API route needs a logged-in actor unless it says `config: { public: true }`.
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    if (request.routeOptions.config?.public) return;
    if (!request.actor) throw new AppError('auth.not_logged_in', 'unauthorized');
  });

  app.setErrorHandler((error, request, reply) => {
    const lang: Language = request.language ?? DEFAULT_LANGUAGE;
    if (isAppError(error)) {
      return reply.code(httpStatusOf(error.kind)).send(describeError(error, lang));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => {
        const field = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || (v.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') || String(error.validationContext ?? 'body');
        return { field, code: 'request.field_invalid', params: { field, reason: v.message ?? 'invalid' } };
      });
      const appErr = new AppError('request.invalid', 'validation', { summary: details.map((d) => `${d.field}: ${d.params.reason}`).join('; ') }, details);
      return reply.code(400).send(describeError(appErr, lang));
    }
    const status = (error as { statusCode?: number }).statusCode;
    if ((error as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error instanceof SyntaxError && status === 400)) {
      return reply.code(400).send(describeError(new AppError('request.body_invalid', 'validation'), lang));
    }
    if (status && status >= 400 && status < 500) {
      return reply.code(status).send({ code: (error as { code?: string }).code ?? 'request.invalid', message: (error as Error).message, details: [] });
    }
    request.log.error(error);
    if (!options.logger) console.error(error);
    return reply.code(500).send(describeError(new AppError('internal.error', 'internal'), lang));
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Argonaut API', version: '1', description: 'Open accounting for Belgium. Authenticate with a session cookie (web UI) or `Authorization: Bearer <API token>`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { config: { public: true }, schema: { tags: ['system'] } }, async () => {
    await svc.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
    return { status: 'ok' };
  });

  await app.register(async (api) => {
    for (const mod of routeModules) await mod(api as App, svc);
  }, { prefix: '/api/v1' });

  const serveWeb = options.serveWeb ?? fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !serveWeb) {
      const err = new AppError('request.not_found', 'not_found', { method: request.method, url: request.url.split('?')[0] });
      return reply.code(404).send(describeError(err, request.language ?? DEFAULT_LANGUAGE));
    }
    // A script or style of the built UI that is not there (an old page after an upgrade) is a 404,
    // not the page: a browser would run HTML as a script.
    if (request.url.startsWith('/assets/')) {
      const err = new AppError('request.not_found', 'not_found', { method: request.method, url: request.url.split('?')[0] });
      return reply.code(404).send(describeError(err, request.language ?? DEFAULT_LANGUAGE));
    }
    // The SPA handles its own routes (/login, /dossiers/12/…).
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
