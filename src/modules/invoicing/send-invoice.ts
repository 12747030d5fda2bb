/**
 * Invoicing → send: the invoice PDF (PDF/A-3 with its UBL) mailed to the customer, from the sender the
 * settings say applies (own domain when SPF allows it, else the installation's noreply address with the
 * dossier's reply-to); or "publish without e-mail" (Alt+Send), which marks documents sent without mailing.
 */
import { conflict, AppError } from '../../core/errors.ts';
import type { Language } from '../../core/i18n/index.ts';
import { formatOgm } from '../../core/ogm.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../users/manage-users.ts';
import { requireInvoicing } from './access.ts';
import { loadInvoice, type InvoiceView } from './invoices.ts';
import { formatMoney, invoicePdf, PDF_LABELS } from './pdf.ts';
import { invalid } from './rules.ts';
import { mailSender } from './settings.ts';
import { invoiceUbl } from './ubl.ts';

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

async function markSent(svc: Services, actor: Actor, dossierId: number, id: number, how: 'email' | 'published', to: string | null) {
  await svc.db.transaction().execute(async (trx) => {
    await trx.updateTable('invoice').set({ status: 'sent', sent_at: svc.clock.now(), sent_how: how, sent_to: to, updated_at: svc.clock.now() }).where('dossier_id', '=', dossierId).where('id', '=', id).execute();
    await audit(trx, actor, actor.officeId, how === 'email' ? 'invoicing.invoice.mail' : 'invoicing.invoice.publish', { id, to }, dossierId);
  });
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
