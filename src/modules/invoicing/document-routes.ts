/** Invoicing documents: PDF (invoice, delivery note), UBL, send by e-mail, publish without e-mail, settings. */
import { z } from 'zod';
import type { RouteModule } from '../../server/http.ts';
import { actorIn, bool, dossierScope, withId } from '../ledger/http.ts';
import { documentPdf, documentUbl, publishInvoices, sendInvoice, sendInvoicePeppol } from './send-invoice.ts';
import { getSettings, updateSettings } from './settings.ts';

const tags = ['invoicing'];

export const invoiceDocumentRoutes: RouteModule = (app, svc) => {
  const base = '/dossiers/:dossierId/invoicing';
  app.get(
    `${base}/invoices/:id/pdf`,
    {
      schema: {
        tags,
        summary: 'The document as PDF in the customer’s language (Ctrl+F); deliveryNote=true gives the delivery-note layout (Ctrl+L). A posted invoice is PDF/A-3 with its UBL attached',
        params: withId,
        querystring: z.object({ deliveryNote: bool.optional(), download: bool.optional() }),
      },
    },
    async (request, reply) => {
      const pdf = await documentPdf(svc, actorIn(request), request.params.dossierId, request.params.id, request.query.deliveryNote === true);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `${request.query.download ? 'attachment' : 'inline'}; filename="${pdf.fileName}"`)
        .send(pdf.content);
    },
  );
  app.get(`${base}/invoices/:id/ubl`, { schema: { tags, summary: 'The posted invoice or credit note as Peppol BIS Billing 3.0 UBL (with its PDF embedded)', params: withId } }, async (request, reply) => {
    const ubl = await documentUbl(svc, actorIn(request), request.params.dossierId, request.params.id);
    return reply.header('content-type', 'application/xml').header('content-disposition', `attachment; filename="${ubl.fileName}"`).send(ubl.xml);
  });
  app.post(
    `${base}/invoices/:id/send`,
    { schema: { tags, summary: 'Mail the posted document (PDF) to the customer’s e-mail address (or `to`), from the sender the settings say applies; marks it sent', params: withId, body: z.object({ to: z.string().nullable().optional() }) } },
    async (request) => sendInvoice(svc, actorIn(request), request.params.dossierId, request.params.id, request.body),
  );
  app.post(
    `${base}/invoices/:id/peppol`,
    { schema: { tags, summary: 'Send the posted invoice or credit note over Peppol (BIS Billing 3.0 UBL with its PDF, checked against the XSD and the EN 16931 / Peppol rules) to a customer registered on Peppol; marks it sent', params: withId } },
    async (request) => sendInvoicePeppol(svc, actorIn(request), request.params.dossierId, request.params.id),
  );
  app.post(
    `${base}/publish`,
    { schema: { tags, summary: 'Publish without e-mail (Alt+Send): mark posted documents sent without mailing them', params: dossierScope, body: z.object({ ids: z.array(z.number().int().positive()).min(1).max(1000) }) } },
    async (request) => publishInvoices(svc, actorIn(request), request.params.dossierId, request.body.ids),
  );
  app.get(`${base}/settings`, { schema: { tags, summary: 'Invoicing settings, and which sender invoice mail gets and why (SPF check of the sender’s domain)', params: dossierScope } }, async (request) =>
    getSettings(svc, actorIn(request), request.params.dossierId),
  );
  app.put(
    `${base}/settings`,
    {
      schema: {
        tags,
        summary: 'Change the sender address, reply-to, bank account on invoices and logo (base64 PNG/JPEG)',
        params: dossierScope,
        body: z.object({ senderEmail: z.string().nullable().optional(), replyTo: z.string().nullable().optional(), iban: z.string().nullable().optional(), bic: z.string().nullable().optional(), logo: z.string().nullable().optional() }),
      },
    },
    async (request) => updateSettings(svc, actorIn(request), request.params.dossierId, request.body),
  );
};
