/** Accounting → Unassigned bank lines, under /api/v1/dossiers/:dossierId/bank/unassigned (one line in src/server/routes.ts). */
import { z } from 'zod';
import type { RouteModule } from '../../server/http.ts';
import { actorIn, dossierScope, money } from '../ledger/http.ts';
import { assignBankLine, listUnassignedLines } from './unassigned.ts';

const tags = ['bank'];
const lineParams = dossierScope.extend({ bookingId: z.coerce.number().int().positive(), lineNo: z.coerce.number().int().positive().max(32767) });
const lineRef = z.object({ bookingId: z.coerce.number().int().positive(), lineNo: z.coerce.number().int().positive().max(32767) });

export const unassignedRoutes: RouteModule = (app, svc) => {
  const base = '/dossiers/:dossierId/bank/unassigned';
  app.get(
    base,
    { schema: { tags, summary: 'Statement lines booked on the CODA suspense account and not yet assigned (oldest first); amount as the bank sees it (money in > 0)', params: dossierScope } },
    async (request) => listUnassignedLines(svc, actorIn(request), request.params.dossierId),
  );
  app.post(
    `${base}/:bookingId/:lineNo/assign`,
    {
      schema: {
        tags,
        summary: 'Assign a bank line: a miscellaneous booking moves its amount off the suspense account to a relation (400/440) or a general account, and matches the chosen open invoices',
        params: lineParams,
        body: z.object({
          amount: money,
          relationId: z.coerce.number().int().positive().nullish(),
          side: z.enum(['customer', 'supplier']).nullish(),
          account: z.string().max(20).nullish(),
          invoices: z.array(lineRef).max(1000).optional(),
          description: z.string().max(500).nullish(),
        }),
      },
    },
    async (request, reply) => {
      const { dossierId, bookingId, lineNo } = request.params;
      return reply.code(201).send(await assignBankLine(svc, actorIn(request), dossierId, { bookingId, lineNo }, request.body));
    },
  );
};
