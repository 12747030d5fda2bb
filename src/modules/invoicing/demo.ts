/**
 * What `argonaut demo` adds for invoicing: the module switched on, a few articles, and December invoices
 * made, posted and published through the invoicing use cases — some paid by a bank statement that
 * carries their structured communications (matched), so the list shows sent and paid invoices.
 */
import { sql } from 'kysely';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { postBooking } from '../ledger/bookings/post-booking.ts';
import { matchLines } from '../matching/matches.ts';
import { saveArticle } from './articles.ts';
import { saveInvoice } from './invoices.ts';
import { postInvoice } from './post-invoice.ts';
import { publishInvoices } from './send-invoice.ts';

export async function addDemoInvoices(svc: Services, actor: Actor, dossierId: number, year: number, bankJournalId: number): Promise<{ invoices: number; paid: number }> {
  await svc.db.updateTable('dossier').set({ module_invoicing: true }).where('id', '=', dossierId).execute();
  const articles = [
    { code: 'BROOD', description: 'Volkorenbrood 800 g', unit: 'C62', unitPrice: '2.8302', vatCode: 'V06' },
    { code: 'TAART', description: 'Feesttaart 12 personen', unit: 'C62', unitPrice: '24.5283', vatCode: 'V06' },
    { code: 'LEV', description: 'Levering', unit: 'C62', unitPrice: '15', vatCode: 'V21' },
    { code: 'CAT', description: 'Catering (per uur)', unit: 'HUR', unitPrice: '45', vatCode: 'V21' },
  ];
  for (const a of articles) await saveArticle(svc, actor, dossierId, null, a);
  const customers = await svc.db.selectFrom('relation').select(['id']).where('dossier_id', '=', dossierId).where('kind', '=', 'customer').orderBy('id').limit(6).execute();
  const posted = [];
  for (const [i, c] of customers.entries()) {
    const draft = await saveInvoice(svc, actor, dossierId, null, {
      customerId: c.id,
      issueDate: `${year}-12-${String(10 + i).padStart(2, '0')}`,
      orderReference: `BST-${year}-${String(40 + i)}`,
      lines: [
        { article: 'BROOD', quantity: 20 + i * 5 },
        { article: 'TAART', quantity: 1 + (i % 3), discountPercent: i % 2 ? '5' : '0' },
        ...(i % 2 ? [{ article: 'CAT', quantity: '2.5' }] : [{ article: 'LEV', quantity: 1 }]),
      ],
    });
    posted.push(await postInvoice(svc, actor, dossierId, draft.id));
  }
  await publishInvoices(svc, actor, dossierId, posted.map((p) => p.id));
  // The first half is paid on the last statement of the year, each payment with the invoice's communication.
  const paid = posted.slice(0, Math.ceil(posted.length / 2));
  if (!paid.length) return { invoices: posted.length, paid: 0 };
  const last = await sql<{ closing: number }>`
    select statement_closing as closing from booking where dossier_id = ${dossierId} and journal_id = ${bankJournalId} and kind = 'financial_statement'
    order by date desc, id desc limit 1`.execute(svc.db);
  const opening = Number(last.rows[0]?.closing ?? 0);
  const total = paid.reduce((s, p) => s + p.totalIncl, 0);
  const statement = await postBooking(svc, actor, dossierId, {
    type: 'financial_statement',
    journalId: bankJournalId,
    date: `${year}-12-31`,
    statementNumber: `${year}/FAC`,
    openingBalance: opening,
    closingBalance: opening + total,
    lines: paid.map((p) => ({ amount: p.totalIncl, relationId: p.customer.id, structuredCommunication: p.structuredCommunication })),
  });
  for (const p of paid) {
    const lines = await sql<{ booking_id: number; line_no: number }>`
      select booking_id, line_no from booking_line
      where dossier_id = ${dossierId} and ((booking_id = ${p.bookingId} and kind = 'total') or (booking_id = ${statement.id} and relation_id = ${p.customer.id} and amount = ${-p.totalIncl}))
      order by booking_id, line_no`.execute(svc.db);
    await matchLines(svc, actor, dossierId, { lines: lines.rows.slice(0, 2).map((l) => ({ bookingId: Number(l.booking_id), lineNo: l.line_no })) });
  }
  return { invoices: posted.length, paid: paid.length };
}
