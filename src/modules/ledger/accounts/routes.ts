import { z } from 'zod';
import { noContent, type RouteModule } from '../../../server/http.ts';
import { ACCOUNT_TYPES } from './rules.ts';
import { ACCOUNT_SORTS, createAccount, deleteAccount, getAccount, listAccounts, updateAccount } from './manage-accounts.ts';
import { listFixedAccounts, setFixedAccount } from './fixed-accounts.ts';
import { actorIn, bool, dossierScope, paging } from '../http.ts';

const accountParams = dossierScope.extend({ number: z.string() });
const names = z.object({ nl: z.string().optional(), fr: z.string().optional(), en: z.string().optional() });
const accountBody = z.object({
  name: z.string().optional(),
  names: names.optional(),
  type: z.enum(ACCOUNT_TYPES).optional(),
  reconcilable: z.boolean().optional(),
  active: z.boolean().optional(),
  defaultVatCode: z.string().nullable().optional(),
});

export const accountRoutes: RouteModule = (app, svc) => {
  app.get(
    '/dossiers/:dossierId/accounts',
    {
      schema: {
        tags: ['ledger'],
        summary: 'Chart of accounts (search by number prefix or name; names in your language; sorted and paged on the server)',
        params: dossierScope,
        querystring: z.object({
          search: z.string().optional(),
          type: z.enum(ACCOUNT_TYPES).optional(),
          class: z.coerce.number().int().min(0).max(9).optional(),
          active: bool.optional(),
          reconcilable: bool.optional(),
          sort: z.enum(ACCOUNT_SORTS).optional().describe('number (default), name in your language, class (then name), type'),
          direction: z.enum(['asc', 'desc']).optional(),
          ...paging,
        }),
      },
    },
    async (request) => listAccounts(svc, actorIn(request), request.params.dossierId, request.query),
  );
  app.post(
    '/dossiers/:dossierId/accounts',
    { schema: { tags: ['ledger'], summary: 'Add an account', params: dossierScope, body: accountBody.extend({ number: z.string() }) } },
    async (request, reply) => reply.code(201).send(await createAccount(svc, actorIn(request), request.params.dossierId, request.body)),
  );
  app.get('/dossiers/:dossierId/accounts/:number', { schema: { tags: ['ledger'], params: accountParams } }, async (request) =>
    getAccount(svc, actorIn(request), request.params.dossierId, request.params.number),
  );
  app.patch(
    '/dossiers/:dossierId/accounts/:number',
    { schema: { tags: ['ledger'], summary: 'Edit or (de)activate an account', params: accountParams, body: accountBody } },
    async (request) => updateAccount(svc, actorIn(request), request.params.dossierId, request.params.number, request.body),
  );
  app.delete(
    '/dossiers/:dossierId/accounts/:number',
    { schema: { tags: ['ledger'], summary: 'Delete an unused account', params: accountParams } },
    async (request, reply) => {
      await deleteAccount(svc, actorIn(request), request.params.dossierId, request.params.number);
      return noContent(reply);
    },
  );
  app.get(
    '/dossiers/:dossierId/fixed-accounts',
    { schema: { tags: ['ledger'], summary: 'Fixed accounts: the account used for each role', params: dossierScope } },
    async (request) => listFixedAccounts(svc, actorIn(request), request.params.dossierId),
  );
  app.put(
    '/dossiers/:dossierId/fixed-accounts/:role',
    {
      schema: {
        tags: ['ledger'],
        summary: 'Set (or clear with null) the account of a role',
        params: dossierScope.extend({ role: z.string() }),
        body: z.object({ account: z.string().nullable() }),
      },
    },
    async (request) => setFixedAccount(svc, actorIn(request), request.params.dossierId, request.params.role, request.body.account),
  );
};
