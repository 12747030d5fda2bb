import { z } from 'zod';
import type { RouteModule } from '../../../server/http.ts';
import { actorIn, bool, dossierScope, isoDate } from '../http.ts';
import { listVatCodes, updateVatCode } from './manage-vat-codes.ts';

export const vatRoutes: RouteModule = (app, svc) => {
  app.get(
    '/dossiers/:dossierId/vat-codes',
    {
      schema: {
        tags: ['ledger'],
        summary: 'VAT codes with the rate at a date (default today), the grids they feed, and the 2026 rate changes by kind of supply',
        params: dossierScope,
        querystring: z.object({ kind: z.enum(['sales', 'purchase']).optional(), date: isoDate.optional(), active: bool.optional() }),
      },
    },
    async (request) => listVatCodes(svc, actorIn(request), request.params.dossierId, request.query),
  );
  app.patch(
    '/dossiers/:dossierId/vat-codes/:code',
    {
      schema: {
        tags: ['ledger'],
        summary: '(De)activate a VAT code or add a rate from a date',
        params: dossierScope.extend({ code: z.string() }),
        body: z.object({ active: z.boolean().optional(), addRate: z.object({ validFrom: isoDate, rateBp: z.number().int() }).optional() }),
      },
    },
    async (request) => updateVatCode(svc, actorIn(request), request.params.dossierId, request.params.code, request.body),
  );
};
