/** REST API of Invoicing → Peppol inbox and registration, under /api/v1/dossiers/:dossierId/peppol. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { validation } from '../../core/errors.ts';
import { actorOf, dossierParam, type RouteModule } from '../../server/http.ts';
import { requireDossier } from '../dossiers/access.ts';
import {
  bookPeppolDocument,
  getPeppolDocument,
  listPeppolDocuments,
  peppolDocumentFile,
  rejectPeppolDocument,
  takePeppolInbox,
  uploadPeppolDocument,
} from './inbox.ts';
import { deregisterPeppolReceiver, getPeppolRegistration, registerPeppolReceiver } from './registration.ts';

const docParam = dossierParam.extend({ id: z.coerce.number().int().positive() });

async function readUpload(request: FastifyRequest): Promise<{ fileName: string | null; text: string }> {
  const missing = () => validation('peppol.document_refused', { file: 'upload', reason: 'no file' }, [{ field: 'file', code: 'peppol.document_refused', params: { file: 'upload', reason: 'no file' } }]);
  if (request.isMultipart()) {
    let file: { fileName: string; text: string } | undefined;
    for await (const part of request.parts()) {
      if (part.type === 'file') file = { fileName: part.filename || 'document.xml', text: (await part.toBuffer()).toString('utf8') };
    }
    if (!file || !file.text.trim()) throw missing();
    return file;
  }
  const body = request.body as { xml?: unknown; fileName?: unknown } | undefined;
  if (!body || typeof body.xml !== 'string' || !body.xml.trim()) throw missing();
  return { fileName: typeof body.fileName === 'string' ? body.fileName : null, text: body.xml };
}

const bookBody = z.object({
  relationId: z.number().int().positive().nullish(),
  createRelation: z.boolean().optional(),
  date: z.string().nullish(),
  journal: z.string().nullish(),
  account: z.string().nullish(),
  lines: z.array(z.object({ account: z.string().nullish(), vatCode: z.string().nullish() })).nullish(),
  /** a document in another currency: EUR per unit of it, decimal string ("0.9215"); default the rate derived from its EUR VAT */
  exchangeRate: z.string().nullish(),
});

export const peppolRoutes: RouteModule = (app, svc) => {
  app.get(
    '/dossiers/:dossierId/peppol/documents',
    {
      schema: {
        tags: ['peppol'],
        summary: 'Peppol documents of the dossier: received (direction=in, default) or sent (direction=out), optionally by status',
        params: dossierParam,
        querystring: z.object({ direction: z.enum(['in', 'out']).optional(), status: z.enum(['received', 'booked', 'rejected', 'sent']).optional() }),
      },
    },
    async (request) => listPeppolDocuments(svc, actorOf(request), request.params.dossierId, request.query),
  );

  app.post(
    '/dossiers/:dossierId/peppol/documents',
    {
      schema: {
        tags: ['peppol'],
        summary: 'Upload a received UBL invoice or credit note (multipart file, or JSON {xml, fileName}); refused with the reason when it is not a valid invoice',
        params: dossierParam,
      },
    },
    async (request, reply) => {
      await requireDossier(svc.db, actorOf(request), request.params.dossierId, 'book');
      const upload = await readUpload(request);
      const stored = await uploadPeppolDocument(svc, actorOf(request), request.params.dossierId, upload.text, upload.fileName);
      const view = await getPeppolDocument(svc, actorOf(request), request.params.dossierId, stored.id);
      return reply.code(stored.duplicate ? 200 : 201).send({ ...view, duplicate: stored.duplicate });
    },
  );

  app.post(
    '/dossiers/:dossierId/peppol/inbox/fetch',
    {
      schema: {
        tags: ['peppol'],
        summary: "Take the documents waiting at the access point (inbox folder) and route them to their dossiers; answers with this dossier's new documents",
        params: dossierParam,
      },
    },
    async (request) => {
      await requireDossier(svc.db, actorOf(request), request.params.dossierId, 'book');
      const results = await takePeppolInbox(svc);
      const mine = results.filter((r) => r.dossierId === request.params.dossierId);
      return { received: mine.filter((r) => r.documentId !== null && !r.duplicate).length, results: mine };
    },
  );

  app.get(
    '/dossiers/:dossierId/peppol/documents/:id',
    {
      schema: {
        tags: ['peppol'],
        summary: 'A Peppol document with its purchase proposal and the proposed booking; in another currency also in euro, at the rate derived from its EUR VAT or the exchangeRate given',
        params: docParam,
        querystring: z.object({ exchangeRate: z.string().optional() }),
      },
    },
    async (request) => getPeppolDocument(svc, actorOf(request), request.params.dossierId, request.params.id, { exchangeRate: request.query.exchangeRate }),
  );

  for (const kind of ['pdf', 'xml'] as const) {
    app.get(
      `/dossiers/:dossierId/peppol/documents/:id/${kind}`,
      { schema: { tags: ['peppol'], summary: kind === 'pdf' ? 'The PDF embedded in the document' : 'The UBL document', params: docParam } },
      async (request, reply) => {
        const file = await peppolDocumentFile(svc, actorOf(request), request.params.dossierId, request.params.id, kind);
        return reply.type(file.contentType).header('content-disposition', `inline; filename="${file.filename.replace(/"/g, '')}"`).send(file.content);
      },
    );
  }

  app.post(
    '/dossiers/:dossierId/peppol/documents/:id/book',
    {
      schema: {
        tags: ['peppol'],
        summary: "Book a received document as a purchase invoice or credit note (lines on the supplier's default account or the chosen one, VAT codes from the UBL categories and rates); a document in another currency is booked in euro at the rate derived from its EUR VAT or the exchangeRate given, the supplier's line keeping the document currency and amount",
        params: docParam,
        body: bookBody,
      },
    },
    async (request) => bookPeppolDocument(svc, actorOf(request), request.params.dossierId, request.params.id, request.body),
  );

  app.post(
    '/dossiers/:dossierId/peppol/documents/:id/reject',
    { schema: { tags: ['peppol'], summary: 'Reject a received document with a reason', params: docParam, body: z.object({ reason: z.string() }) } },
    async (request) => rejectPeppolDocument(svc, actorOf(request), request.params.dossierId, request.params.id, request.body.reason),
  );

  app.get(
    '/dossiers/:dossierId/peppol/registration',
    { schema: { tags: ['peppol'], summary: "The dossier's Peppol receiver registration (participant id and state)", params: dossierParam } },
    async (request) => getPeppolRegistration(svc, actorOf(request), request.params.dossierId),
  );
  app.post(
    '/dossiers/:dossierId/peppol/registration',
    { schema: { tags: ['peppol'], summary: 'Register the dossier as a Peppol receiver under 0208:<enterprise number>', params: dossierParam } },
    async (request) => registerPeppolReceiver(svc, actorOf(request), request.params.dossierId),
  );
  app.delete(
    '/dossiers/:dossierId/peppol/registration',
    { schema: { tags: ['peppol'], summary: 'Deregister the dossier as a Peppol receiver', params: dossierParam } },
    async (request) => deregisterPeppolReceiver(svc, actorOf(request), request.params.dossierId),
  );
};
