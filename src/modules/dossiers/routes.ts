import { z } from 'zod';
import { actorOf, idParam, listQuery, noContent, type RouteModule } from '../../server/http.ts';
import { createDossier, deleteDossier, getDossier, listDossiers, openDossier, updateDossier } from './manage-dossiers.ts';

const text = z.string().nullable().optional();
const dossierBody = z.object({
  name: z.string().optional(),
  legalForm: text,
  enterpriseNumber: text,
  vatNumber: text,
  street: text,
  postcode: text,
  city: text,
  country: z.string().length(2).optional(),
  language: z.enum(['nl', 'fr', 'en']).optional(),
  email: text,
  phone: text,
  website: text,
  contactFields: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
  applicant: z
    .object({ name: text, street: text, postcode: text, city: text, phone: text, email: text, capacity: text })
    .optional(),
  modules: z.object({ invoicing: z.boolean().optional(), bank: z.boolean().optional(), documents: z.boolean().optional() }).optional(),
});

export const dossierRoutes: RouteModule = (app, svc) => {
  app.get(
    '/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Dossiers you may open (recent first by default)',
        querystring: z.object({ ...listQuery, sort: z.enum(['recent', 'name', 'city', 'enterpriseNumber', 'id']).optional() }),
      },
    },
    async (request) => listDossiers(svc, actorOf(request), request.query),
  );
  app.post(
    '/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Create a dossier (with its opening fiscal year)',
        body: dossierBody.extend({ name: z.string(), fiscalYearStart: z.string().optional() }),
      },
    },
    async (request, reply) => reply.code(201).send(await createDossier(svc, actorOf(request), request.body)),
  );
  app.get('/dossiers/:id', { schema: { tags: ['dossiers'], params: idParam } }, async (request) => getDossier(svc, actorOf(request), request.params.id));
  app.post(
    '/dossiers/:id/open',
    { schema: { tags: ['dossiers'], summary: 'Open a dossier (recorded for the recent list)', params: idParam } },
    async (request) => openDossier(svc, actorOf(request), request.params.id),
  );
  app.patch('/dossiers/:id', { schema: { tags: ['dossiers'], params: idParam, body: dossierBody } }, async (request) =>
    updateDossier(svc, actorOf(request), request.params.id, request.body),
  );
  app.delete('/dossiers/:id', { schema: { tags: ['dossiers'], summary: 'Delete an empty dossier', params: idParam } }, async (request, reply) => {
    await deleteDossier(svc, actorOf(request), request.params.id);
    return noContent(reply);
  });
};
