/** REST API of Bank → CODA mandates, under /api/v1/dossiers/:dossierId/bank/mandates. */
import { z } from 'zod';
import { actorOf, dossierParam, noContent, type RouteModule } from '../../server/http.ts';
import { activateMandate, CODA_BANK_NAMES, CODA_BANKS, deleteMandate, getMandate, listMandates, requestMandate, updateMandate } from './mandates.ts';

const params = dossierParam.extend({ id: z.coerce.number().int().positive() });
const bank = z.enum(CODA_BANKS);

export const mandateRoutes: RouteModule = (app, svc) => {
  app.get('/bank/coda-banks', { schema: { tags: ['bank'], summary: 'The banks that deliver CODA daily (for the mandate detail)' } }, async () =>
    CODA_BANKS.map((code) => ({ code, name: CODA_BANK_NAMES[code] })),
  );
  app.get('/dossiers/:dossierId/bank/mandates', { schema: { tags: ['bank'], summary: 'CODA mandates of the dossier, one per financial journal', params: dossierParam } }, async (request) =>
    listMandates(svc, actorOf(request), request.params.dossierId),
  );
  app.get('/dossiers/:dossierId/bank/mandates/:id', { schema: { tags: ['bank'], summary: 'One CODA mandate', params } }, async (request) =>
    getMandate(svc, actorOf(request), request.params.dossierId, request.params.id),
  );
  app.post(
    '/dossiers/:dossierId/bank/mandates',
    {
      schema: {
        tags: ['bank'],
        summary: 'Request a CODA mandate for a financial journal (internal: requested → active; external: arranged through a third party). Needs the bank module.',
        params: dossierParam,
        body: z.object({
          journalId: z.number().int().positive(),
          kind: z.enum(['internal', 'external']).default('internal'),
          bank: bank.nullish(),
          errorEmail: z.string().nullish(),
          linkPdfInDms: z.boolean().optional(),
        }),
      },
    },
    async (request, reply) => {
      const mandate = await requestMandate(svc, actorOf(request), request.params.dossierId, request.body);
      return reply.code(201).send(mandate);
    },
  );
  app.patch(
    '/dossiers/:dossierId/bank/mandates/:id',
    {
      schema: {
        tags: ['bank'],
        summary: 'Change the bank, the address that receives import errors, or "link PDF statement in DMS"',
        params,
        body: z.object({ bank: bank.optional(), errorEmail: z.string().nullish(), linkPdfInDms: z.boolean().optional() }),
      },
    },
    async (request) => updateMandate(svc, actorOf(request), request.params.dossierId, request.params.id, request.body),
  );
  app.post('/dossiers/:dossierId/bank/mandates/:id/activate', { schema: { tags: ['bank'], summary: 'The bank confirmed: a requested internal mandate becomes active', params } }, async (request) =>
    activateMandate(svc, actorOf(request), request.params.dossierId, request.params.id),
  );
  app.delete('/dossiers/:dossierId/bank/mandates/:id', { schema: { tags: ['bank'], summary: 'End a CODA mandate', params } }, async (request, reply) => {
    await deleteMandate(svc, actorOf(request), request.params.dossierId, request.params.id);
    return noContent(reply);
  });
};
