import { z } from 'zod';
import { noContent, type RouteModule } from '../../../server/http.ts';
import { actorIn, bool, dossierScope, withId } from '../http.ts';
import { JOURNAL_TYPES, createJournal, deleteJournal, getJournal, listJournals, setJournalNumbering, updateJournal } from './manage-journals.ts';

const journalBody = z.object({
  code: z.string().optional(),
  name: z.string().optional(),
  type: z.enum(JOURNAL_TYPES).optional(),
  account: z.string().nullable().optional().describe('financial journals: the class-5 account (default: a new 5500xx account)'),
  iban: z.string().nullable().optional(),
  bic: z.string().nullable().optional(),
  currency: z.string().optional(),
  active: z.boolean().optional(),
});

export const journalRoutes: RouteModule = (app, svc) => {
  app.get(
    '/dossiers/:dossierId/journals',
    {
      schema: {
        tags: ['ledger'],
        summary: 'Journals',
        params: dossierScope,
        querystring: z.object({ type: z.enum(JOURNAL_TYPES).optional(), active: bool.optional(), search: z.string().optional() }),
      },
    },
    async (request) => listJournals(svc, actorIn(request), request.params.dossierId, request.query),
  );
  app.post(
    '/dossiers/:dossierId/journals',
    { schema: { tags: ['ledger'], summary: 'Add a journal (financial: IBAN, BIC and currency)', params: dossierScope, body: journalBody.extend({ code: z.string(), name: z.string(), type: z.enum(JOURNAL_TYPES) }) } },
    async (request, reply) => reply.code(201).send(await createJournal(svc, actorIn(request), request.params.dossierId, request.body)),
  );
  app.get(
    '/dossiers/:dossierId/journals/:id',
    {
      schema: {
        tags: ['ledger'],
        summary: 'Journal detail: numbering per fiscal year and its last booking',
        params: withId,
        querystring: z.object({ fiscalYearId: z.coerce.number().int().positive().optional() }),
      },
    },
    async (request) => getJournal(svc, actorIn(request), request.params.dossierId, request.params.id, request.query.fiscalYearId),
  );
  app.patch('/dossiers/:dossierId/journals/:id', { schema: { tags: ['ledger'], params: withId, body: journalBody } }, async (request) =>
    updateJournal(svc, actorIn(request), request.params.dossierId, request.params.id, request.body),
  );
  app.delete('/dossiers/:dossierId/journals/:id', { schema: { tags: ['ledger'], summary: 'Delete a journal without bookings', params: withId } }, async (request, reply) => {
    await deleteJournal(svc, actorIn(request), request.params.dossierId, request.params.id);
    return noContent(reply);
  });
  app.put(
    '/dossiers/:dossierId/journals/:id/numbering/:fiscalYearId',
    {
      schema: {
        tags: ['ledger'],
        summary: 'Set the first number of the journal in a fiscal year (before its first booking)',
        params: withId.extend({ fiscalYearId: z.coerce.number().int().positive() }),
        body: z.object({ nextNumber: z.number().int().positive() }),
      },
    },
    async (request) => setJournalNumbering(svc, actorIn(request), request.params.dossierId, request.params.id, request.params.fiscalYearId, request.body.nextNumber),
  );
};
