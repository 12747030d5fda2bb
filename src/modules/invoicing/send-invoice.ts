/**
 * Invoicing → send: the invoice PDF (PDF/A-3 with its UBL) mailed to the customer, from the sender the
 * settings say applies (own domain when SPF allows it, else the installation's noreply address with the
 * dossier's reply-to); or "publish without e-mail" (Alt+Send), which marks documents sent without mailing.
 */
import { conflict, AppError } from '../../core/errors.ts';
import type { Language } from '../../core/i18n/index.ts';
import { formatOgm } from '../../core/ogm.ts';
import type { Db } from '../../db/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../users/manage-users.ts';
import { requireInvoicing } from './access.ts';
import { loadInvoice, type InvoiceView } from './invoices.ts';
import { formatMoney, invoicePdf, PDF_LABELS } from './pdf.ts';
import { invalid } from './rules.ts';
import { mailSender } from './settings.ts';
import { invoiceUbl, invoiceUblModel } from './ubl.ts';
import { sendUblInvoice } from '../peppol/send.ts';

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The invoice PDF as sent and printed (Ctrl+F); the delivery-note layout with `deliveryNote` (Ctrl+L). */
export async function documentPdf(svc: Services, actor: Actor, dossierId: number, id: number, deliveryNote = false) {
  await requireInvoicing(svc.db, actor, dossierId);
  const inv = await loadInvoice(svc.db, dossierId, id);
  return invoicePdf(svc.db, dossierId, inv, deliveryNote || inv.kind === 'delivery_note', (pdf) => invoiceUbl(svc.db, dossierId, inv, pdf));
}

export async function documentUbl(svc: Services, actor: Actor, dossierId: number, id: number): Promise<{ fileName: string; xml: string }> {
  await requireInvoicing(svc.db, actor, dossierId);
  const inv = await loadInvoice(svc.db, dossierId, id);
  const { content } = await invoicePdf(svc.db, dossierId, inv, false);
  const xml = await invoiceUbl(svc.db, dossierId, inv, content);
  return { fileName: `${(inv.displayNumber ?? String(id)).replace(/[^A-Za-z0-9-]+/g, '-')}.xml`, xml };
}

const MAIL_TEXT: Record<Language, (p: { kind: string; number: string; amount: string; due: string; ogm: string; seller: string }) => { subject: string; text: string }> = {
  nl: (p) => ({
    subject: `${p.kind} ${p.number} van ${p.seller}`,
    text: `Beste klant,\n\nIn bijlage vindt u ${p.kind.toLowerCase()} ${p.number}.${p.amount ? `\nTe betalen: ${p.amount} € vóór ${p.due}${p.ogm ? ` met mededeling ${p.ogm}` : ''}.` : ''}\n\nMet vriendelijke groeten,\n${p.seller}\n`,
  }),
  fr: (p) => ({
    subject: `${p.kind} ${p.number} de ${p.seller}`,
    text: `Chère cliente, cher client,\n\nVeuillez trouver en annexe ${p.kind.toLowerCase()} ${p.number}.${p.amount ? `\nÀ payer : ${p.amount} € avant le ${p.due}${p.ogm ? ` avec la communication ${p.ogm}` : ''}.` : ''}\n\nMeilleures salutations,\n${p.seller}\n`,
  }),
  en: (p) => ({
    subject: `${p.kind} ${p.number} from ${p.seller}`,
    text: `Dear customer,\n\nPlease find attached ${p.kind.toLowerCase()} ${p.number}.${p.amount ? `\nAmount due: € ${p.amount} before ${p.due}${p.ogm ? ` with the communication ${p.ogm}` : ''}.` : ''}\n\nKind regards,\n${p.seller}\n`,
  }),
};

const AUDIT_ACTION = { email: 'invoicing.invoice.mail', published: 'invoicing.invoice.publish', peppol: 'invoicing.invoice.peppol' } as const;

async function markSent(svc: Services, actor: Actor, dossierId: number, id: number, how: 'email' | 'published' | 'peppol', to: string | null, db: Db = svc.db) {
  const write = async (trx: Db) => {
    await trx.updateTable('invoice').set({ status: 'sent', sent_at: svc.clock.now(), sent_how: how, sent_to: to, updated_at: svc.clock.now() }).where('dossier_id', '=', dossierId).where('id', '=', id).execute();
    await audit(trx, actor, actor.officeId, AUDIT_ACTION[how], { id, to }, dossierId);
  };
  if (db === svc.db) await svc.db.transaction().execute(write);
  else await write(db);
}

function requirePosted(inv: InvoiceView) {
  if (inv.status === 'draft') throw conflict('invoicing.invoice_draft', { id: inv.id });
}

export async function sendInvoice(svc: Services, actor: Actor, dossierId: number, id: number, input: { to?: string | null } = {}) {
  await requireInvoicing(svc.db, actor, dossierId, 'book');
  const inv = await loadInvoice(svc.db, dossierId, id);
  requirePosted(inv);
  const to = input.to?.trim() || inv.customer.email;
  if (!to) throw invalid('invoicing.customer_no_email', 'to', { name: inv.customer.name });
  if (!EMAIL.test(to)) throw invalid('invoicing.email_invalid', 'to', { value: to });
  const lang = inv.customer.language;
  const pdf = await invoicePdf(svc.db, dossierId, inv, inv.kind === 'delivery_note', (plain) => invoiceUbl(svc.db, dossierId, inv, plain));
  const sender = await mailSender(svc, dossierId, actor.language);
  const dossier = await svc.db.selectFrom('dossier').select('name').where('id', '=', dossierId).executeTakeFirstOrThrow();
  const due = inv.dueDate ? `${inv.dueDate.slice(8, 10)}/${inv.dueDate.slice(5, 7)}/${inv.dueDate.slice(0, 4)}` : '';
  const mail = MAIL_TEXT[lang]({
    kind: PDF_LABELS[lang][inv.kind],
    number: inv.displayNumber ?? '',
    amount: inv.kind === 'invoice' ? formatMoney(inv.totalIncl, lang) : '',
    due,
    ogm: inv.structuredCommunication ? formatOgm(inv.structuredCommunication) : '',
    seller: dossier.name,
  });
  const result = await svc.mailer.send({
    to,
    subject: mail.subject,
    text: mail.text,
    officeId: actor.officeId,
    from: sender.from,
    replyTo: sender.replyTo ?? undefined,
    attachments: [{ filename: pdf.fileName, content: pdf.content, contentType: 'application/pdf' }],
  });
  if (svc.config.smtpUrl && !result.delivered) {
    const row = await svc.db.selectFrom('mail_outbox').select('error').where('id', '=', result.outboxId).executeTakeFirst();
    throw new AppError('invoicing.mail_failed', 'unavailable', { reason: row?.error ?? '?' });
  }
  await markSent(svc, actor, dossierId, id, 'email', to);
  return { invoice: await loadInvoice(svc.db, dossierId, id), to, from: sender.from, replyTo: sender.replyTo, senderMode: sender.mode, explanation: sender.explanation, delivered: result.delivered, outboxId: result.outboxId };
}

/**
 * Peppol out (Alt+P): a posted invoice or credit note of a customer registered on Peppol (Relations →
 * Check Peppol registration) becomes a Peppol BIS Billing 3.0 UBL document with its PDF embedded, is
 * checked against the UBL 2.1 XSD and our EN 16931 / Peppol rules (a broken rule stops it and is named),
 * and is handed to the access point (the file transport: SBDH in the Peppol outbox folder). The invoice is
 * marked sent in the same transaction as the record of the outgoing document.
 */
export async function sendInvoicePeppol(svc: Services, actor: Actor, dossierId: number, id: number) {
  await requireInvoicing(svc.db, actor, dossierId, 'book');
  const inv = await loadInvoice(svc.db, dossierId, id);
  requirePosted(inv);
  if (inv.kind === 'delivery_note') throw conflict('invoicing.delivery_note_not_peppol', { id });
  if (!inv.customer.peppolRegistered || !inv.customer.peppolId) throw conflict('invoicing.customer_not_on_peppol', { name: inv.customer.name });
  const pdf = await invoicePdf(svc.db, dossierId, inv, false, (plain) => invoiceUbl(svc.db, dossierId, inv, plain));
  const model = await invoiceUblModel(svc.db, dossierId, inv, pdf.content);
  const sent = await svc.db.transaction().execute(async (trx) => {
    const doc = await sendUblInvoice(svc, actor, dossierId, model, { db: trx });
    await markSent(svc, actor, dossierId, id, 'peppol', inv.customer.peppolId, trx);
    return doc;
  });
  return { invoice: await loadInvoice(svc.db, dossierId, id), to: inv.customer.peppolId, messageId: sent.messageId, documentId: sent.documentId };
}

/** Marks posted documents as sent without mailing them (Alt+Send). */
export async function publishInvoices(svc: Services, actor: Actor, dossierId: number, ids: number[]) {
  await requireInvoicing(svc.db, actor, dossierId, 'book');
  const out: InvoiceView[] = [];
  for (const id of ids) {
    const inv = await loadInvoice(svc.db, dossierId, id);
    requirePosted(inv);
    if (inv.sentAt === null) await markSent(svc, actor, dossierId, id, 'published', null);
    out.push(await loadInvoice(svc.db, dossierId, id));
  }
  return out;
}
