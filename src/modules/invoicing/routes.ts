/** Invoicing under /api/v1/dossiers/:dossierId/invoicing/… (one line in src/server/routes.ts). */
import { z } from 'zod';
import type { RouteModule } from '../../server/http.ts';
import { actorIn, dossierScope, withId } from '../ledger/http.ts';
import { deleteArticle, listArticles, saveArticle } from './articles.ts';
import { deleteDraft, getInvoice, listInvoices, saveInvoice } from './invoices.ts';
import { listInvoicingJournals, saveInvoicingJournal } from './journals.ts';
import { postInvoice } from './post-invoice.ts';
import { invoiceDocumentRoutes } from './document-routes.ts';

const tags = ['invoicing'];
const decimal = z.union([z.string(), z.number()]);
const kind = z.enum(['invoice', 'credit_note', 'delivery_note']);
const status = z.enum(['draft', 'posted', 'sent', 'paid']);

export const articleBody = z.object({
  code: z.string().optional(),
  description: z.string().optional(),
  unit: z.string().optional(),
  unitPrice: decimal.optional(),
  vatCode: z.string().optional(),
  account: z.string().nullable().optional(),
  active: z.boolean().optional(),
});

export const invoiceBody = z.object({
  kind: kind.optional(),
  journalId: z.number().int().positive().optional(),
  journal: z.string().optional(),
  customerId: z.number().int().positive().optional(),
  customer: z.string().optional(),
  issueDate: z.string().optional().describe('YYYY-MM-DD'),
  deliveryDate: z.string().nullable().optional(),
  dueDate: z.string().nullable().optional().describe('default: from the customer’s payment terms'),
  buyerReference: z.string().nullable().optional(),
  orderReference: z.string().nullable().optional(),
  paymentTerms: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
  creditedInvoiceId: z.number().int().positive().nullable().optional(),
  lines: z
    .array(
      z.object({
        articleId: z.number().int().positive().nullable().optional(),
        article: z.string().nullable().optional(),
        description: z.string().nullable().optional(),
        quantity: decimal.nullable().optional(),
        unit: z.string().nullable().optional(),
        unitPrice: decimal.nullable().optional().describe('excluding VAT, a decimal ("12.50") with up to 4 places'),
        discountPercent: decimal.nullable().optional(),
        vatCode: z.string().nullable().optional(),
        account: z.string().nullable().optional(),
      }),
    )
    .max(1000)
    .optional(),
});

export const invoicingRoutes: RouteModule = (app, svc) => {
  const base = '/dossiers/:dossierId/invoicing';
  app.get(`${base}/journals`, { schema: { tags, summary: 'Invoicing journals and the sales journal each books into', params: dossierScope } }, async (request) =>
    listInvoicingJournals(svc, actorIn(request), request.params.dossierId),
  );
  app.post(
    `${base}/journals`,
    {
      schema: {
        tags,
        summary: 'Create an invoicing journal, or (with id) change its name, linked sales journal or active flag',
        params: dossierScope,
        body: z.object({ id: z.number().int().positive().optional(), code: z.string().optional(), name: z.string().optional(), salesJournalId: z.number().int().positive().nullable().optional(), active: z.boolean().optional() }),
      },
    },
    async (request) => saveInvoicingJournal(svc, actorIn(request), request.params.dossierId, request.body),
  );

  app.get(`${base}/articles`, { schema: { tags, summary: 'Articles (code, description, unit, price excl. VAT, VAT code)', params: dossierScope, querystring: z.object({ search: z.string().optional() }) } }, async (request) =>
    listArticles(svc, actorIn(request), request.params.dossierId, request.query),
  );
  app.post(`${base}/articles`, { schema: { tags, summary: 'Create an article', params: dossierScope, body: articleBody } }, async (request, reply) =>
    reply.code(201).send(await saveArticle(svc, actorIn(request), request.params.dossierId, null, request.body)),
  );
  app.put(`${base}/articles/:id`, { schema: { tags, summary: 'Change an article', params: withId, body: articleBody } }, async (request) =>
    saveArticle(svc, actorIn(request), request.params.dossierId, request.params.id, request.body),
  );
  app.delete(`${base}/articles/:id`, { schema: { tags, summary: 'Delete an article that is on no invoice', params: withId } }, async (request, reply) => {
    await deleteArticle(svc, actorIn(request), request.params.dossierId, request.params.id);
    return reply.code(204).send();
  });

  app.get(
    `${base}/invoices`,
    { schema: { tags, summary: 'Invoices, credit notes and delivery notes, newest first, with status (draft, posted, sent, paid)', params: dossierScope, querystring: z.object({ status: status.optional(), kind: kind.optional(), customerId: z.coerce.number().int().positive().optional() }) } },
    async (request) => listInvoices(svc, actorIn(request), request.params.dossierId, request.query),
  );
  app.post(`${base}/invoices`, { schema: { tags, summary: 'Create a draft (fields and lines; totals per EN 16931)', params: dossierScope, body: invoiceBody } }, async (request, reply) =>
    reply.code(201).send(await saveInvoice(svc, actorIn(request), request.params.dossierId, null, request.body)),
  );
  app.get(`${base}/invoices/:id`, { schema: { tags, summary: 'A document with its lines, VAT breakdown, totals and status', params: withId } }, async (request) =>
    getInvoice(svc, actorIn(request), request.params.dossierId, request.params.id),
  );
  app.put(`${base}/invoices/:id`, { schema: { tags, summary: 'Change a draft; lines given replace all lines', params: withId, body: invoiceBody } }, async (request) =>
    saveInvoice(svc, actorIn(request), request.params.dossierId, request.params.id, request.body),
  );
  app.delete(`${base}/invoices/:id`, { schema: { tags, summary: 'Delete a draft', params: withId } }, async (request, reply) => {
    await deleteDraft(svc, actorIn(request), request.params.dossierId, request.params.id);
    return reply.code(204).send();
  });
  app.post(
    `${base}/invoices/:id/post`,
    { schema: { tags, summary: 'Post a draft: number in the linked sales journal per fiscal year, structured communication, sales booking', params: withId } },
    async (request) => postInvoice(svc, actorIn(request), request.params.dossierId, request.params.id),
  );
  invoiceDocumentRoutes(app, svc);
};
