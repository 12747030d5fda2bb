/** Shared pieces for routes: the typed Fastify instance, the actor on the request, common schemas. */
import type { FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault, FastifyBaseLogger } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unauthorized } from '../core/errors.ts';
import type { Language } from '../core/i18n/index.ts';
import type { Actor } from '../modules/auth/actor.ts';
import type { Services } from '../services.ts';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    language: Language;
  }
  interface FastifyContextConfig {
    /** Routes open without login (login, setup, health, forgot password). */
    public?: boolean;
  }
}

/** The logged-in actor, or a 401 naming it. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized('auth.not_logged_in');
  return request.actor;
}

export type RouteModule = (app: App, svc: Services) => void | Promise<void>;

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const dossierParam = z.object({ dossierId: z.coerce.number().int().positive() });

export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(z.object({ field: z.string().optional(), line: z.number().optional(), code: z.string(), message: z.string().optional() })),
});

export const listQuery = {
  search: z.string().optional(),
  direction: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().positive().optional(),
  pageSize: z.coerce.number().int().positive().max(500).optional(),
};

export function noContent(reply: FastifyReply) {
  return reply.code(204).send();
}
