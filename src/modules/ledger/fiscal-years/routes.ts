import { z } from 'zod';
import { noContent, type RouteModule } from '../../../server/http.ts';
import { actorIn, dossierScope, isoDate, withId } from '../http.ts';
import {
  createFiscalYear,
  deleteFiscalYear,
  getFiscalYear,
  listFiscalYears,
  setFiscalYearClosed,
  setPeriodClosed,
  updateFiscalYear,
} from './manage-fiscal-years.ts';
import { transferFiscalYear } from '../transfer/transfer-fiscal-year.ts';

const vatPeriod = z.enum(['monthly', 'quarterly']);
const periodParams = withId.extend({ periodNo: z.coerce.number().int().min(0) });

export const fiscalYearRoutes: RouteModule = (app, svc) => {
  app.get('/dossiers/:dossierId/fiscal-years', { schema: { tags: ['ledger'], summary: 'Fiscal years (oldest first)', params: dossierScope } }, async (request) =>
    listFiscalYears(svc, actorIn(request), request.params.dossierId),
  );
  app.post(
    '/dossiers/:dossierId/fiscal-years',
    {
      schema: {
        tags: ['ledger'],
        summary: 'Add a fiscal year after the last one (default) or before the first',
        params: dossierScope,
        body: z.object({ position: z.enum(['next', 'previous']).optional(), startDate: isoDate.optional(), endDate: isoDate.optional(), vatPeriod: vatPeriod.optional() }),
      },
    },
    async (request, reply) => reply.code(201).send(await createFiscalYear(svc, actorIn(request), request.params.dossierId, request.body)),
  );
  app.get('/dossiers/:dossierId/fiscal-years/:id', { schema: { tags: ['ledger'], summary: 'A fiscal year with its periods', params: withId } }, async (request) =>
    getFiscalYear(svc, actorIn(request), request.params.dossierId, request.params.id),
  );
  app.patch(
    '/dossiers/:dossierId/fiscal-years/:id',
    {
      schema: {
        tags: ['ledger'],
        summary: 'Change dates (within the rules) or the VAT period',
        params: withId,
        body: z.object({ startDate: isoDate.optional(), endDate: isoDate.optional(), vatPeriod: vatPeriod.optional() }),
      },
    },
    async (request) => updateFiscalYear(svc, actorIn(request), request.params.dossierId, request.params.id, request.body),
  );
  app.delete('/dossiers/:dossierId/fiscal-years/:id', { schema: { tags: ['ledger'], summary: 'Delete the first or last empty year', params: withId } }, async (request, reply) => {
    await deleteFiscalYear(svc, actorIn(request), request.params.dossierId, request.params.id);
    return noContent(reply);
  });
  for (const [action, closed] of [
    ['close', true],
    ['reopen', false],
  ] as const) {
    app.post(`/dossiers/:dossierId/fiscal-years/:id/${action}`, { schema: { tags: ['ledger'], summary: `${action} a fiscal year`, params: withId } }, async (request) =>
      setFiscalYearClosed(svc, actorIn(request), request.params.dossierId, request.params.id, closed),
    );
    app.post(`/dossiers/:dossierId/fiscal-years/:id/periods/:periodNo/${action}`, { schema: { tags: ['ledger'], summary: `${action} a period`, params: periodParams } }, async (request) =>
      setPeriodClosed(svc, actorIn(request), request.params.dossierId, request.params.id, request.params.periodNo, closed),
    );
  }
};

export const transferRoutes: RouteModule = (app, svc) => {
  app.post(
    '/dossiers/:dossierId/fiscal-years/:id/transfer',
    {
      schema: {
        tags: ['ledger'],
        summary: 'Transfer the fiscal year: close classes 6–7 into the result, carry classes 0–5 into the next year (again: replaces)',
        params: withId,
      },
    },
    async (request) => transferFiscalYear(svc, actorIn(request), request.params.dossierId, request.params.id),
  );
};
