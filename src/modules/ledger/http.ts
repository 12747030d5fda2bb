/** Schemas shared by the ledger's routes. */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../../server/http.ts';
import { z } from 'zod';

export const dossierScope = z.object({ dossierId: z.coerce.number().int().positive() });
export const withId = dossierScope.extend({ id: z.coerce.number().int().positive() });
/** Money: integer cents (a JSON number) or a decimal string in euros ("1234.56"). */
export const money = z.union([z.number().int(), z.string()]).describe('integer cents, or a decimal string in euros ("1234.56")');
export const isoDate = z.string().describe('YYYY-MM-DD');
export const bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
export const paging = {
  page: z.coerce.number().int().positive().optional(),
  pageSize: z.coerce.number().int().positive().max(1000).optional(),
};

/** The actor, speaking the language of the request (X-Language / Accept-Language override the user's). */
export function actorIn(request: FastifyRequest): Actor {
  return { ...actorOf(request), language: request.language };
}
