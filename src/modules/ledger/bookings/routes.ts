import { z } from 'zod';
import type { RouteModule } from '../../../server/http.ts';
import { actorIn, dossierScope, isoDate, money, withId } from '../http.ts';
import { bookOpeningBankBalance } from './opening-balance.ts';
import { copyBooking, getBooking, listBookings } from './get-bookings.ts';
import { deleteLastBooking } from './delete-last-booking.ts';
import { importBookings } from './import-bookings.ts';
import { postBooking, previewBooking } from './post-booking.ts';
import type { BookingInput } from './prepare.ts';
import { reverseBooking } from './reverse-booking.ts';
import { statementOpening } from './statement-opening.ts';
import { BOOKING_KINDS } from './rules.ts';

const opt = <T extends z.ZodTypeAny>(t: T) => t.nullable().optional();
const journalRef = { journalId: z.number().int().positive().optional(), journal: z.string().optional().describe('journal code'), date: isoDate, description: opt(z.string()) };

const invoice = z.object({
  type: z.enum(['purchase_invoice', 'purchase_credit_note', 'sales_invoice', 'sales_credit_note']),
  ...journalRef,
  relationId: z.number().int().positive(),
  documentDate: opt(isoDate),
  dueDate: opt(isoDate),
  reference: opt(z.string()),
  structuredCommunication: opt(z.string()),
  totalInclVat: opt(money),
  currency: opt(z.string()).describe('an invoice in a foreign currency: ISO code (USD); lines stay in euro'),
  currencyAmount: opt(money).describe('the total incl. VAT in that currency'),
  lines: z.array(z.object({ account: z.string(), vatCode: z.string(), amount: opt(money), amountInclVat: opt(money), description: opt(z.string()) })),
});
const statement = z.object({
  type: z.literal('financial_statement'),
  ...journalRef,
  statementNumber: opt(z.string()),
  openingBalance: money,
  closingBalance: money,
  lines: z.array(
    z.object({
      amount: money.describe('money in > 0, money out < 0'),
      relationId: opt(z.number().int().positive()),
      account: opt(z.string()),
      communication: opt(z.string()),
      structuredCommunication: opt(z.string()),
      description: opt(z.string()),
      counterpartyAccount: opt(z.string()).describe('who paid or was paid: account (IBAN)'),
      counterpartyName: opt(z.string()),
      currency: opt(z.string()).describe('a payment in a foreign currency: ISO code'),
      currencyAmount: opt(money).describe('the amount in that currency'),
    }),
  ),
});
const general = z.object({
  type: z.enum(['miscellaneous', 'opening']),
  ...journalRef,
  reference: opt(z.string()),
  lines: z.array(
    z.object({
      account: z.string(),
      amount: opt(money).describe('signed: debit > 0, credit < 0 (or give debit / credit)'),
      debit: opt(money),
      credit: opt(money),
      relationId: opt(z.number().int().positive()).describe('required on the customers and suppliers accounts in an opening booking'),
      reference: opt(z.string()).describe("the open item's own document reference (opening booking: one invoice per line)"),
      documentDate: opt(isoDate).describe("the open item's document date"),
      dueDate: opt(isoDate).describe('default with a relation and a document date: the relation’s payment terms'),
      description: opt(z.string()),
      communication: opt(z.string()),
      structuredCommunication: opt(z.string()),
      vatCode: opt(z.string()),
      currency: opt(z.string()).describe('an item in a foreign currency: ISO code'),
      currencyAmount: opt(money).describe('the amount in that currency'),
    }),
  ),
});
export const bookingBody = z.discriminatedUnion('type', [invoice, statement, general]);

export const bookingRoutes: RouteModule = (app, svc) => {
  app.get(
    '/dossiers/:dossierId/bookings',
    {
      schema: {
        tags: ['ledger'],
        summary: 'Bookings (newest first); filters also give the history of a relation or account (Ctrl+H)',
        params: dossierScope,
        querystring: z.object({
          fiscalYearId: z.coerce.number().int().positive().optional(),
          journalId: z.coerce.number().int().positive().optional(),
          kind: z.enum([...BOOKING_KINDS, 'closing']).optional(),
          relationId: z.coerce.number().int().positive().optional(),
          account: z.string().optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          search: z.string().optional(),
          direction: z.enum(['asc', 'desc']).optional(),
          page: z.coerce.number().int().positive().optional(),
          pageSize: z.coerce.number().int().positive().max(1000).optional(),
        }),
      },
    },
    async (request) => listBookings(svc, actorIn(request), request.params.dossierId, request.query),
  );
  app.post(
    '/dossiers/:dossierId/bookings',
    { schema: { tags: ['ledger'], summary: 'Post a booking (F12): invoice, credit note, financial statement, miscellaneous or opening', params: dossierScope, body: bookingBody } },
    async (request, reply) => reply.code(201).send(await postBooking(svc, actorIn(request), request.params.dossierId, request.body as BookingInput)),
  );
  app.post(
    '/dossiers/:dossierId/bookings/preview',
    { schema: { tags: ['ledger'], summary: 'Compute the lines, VAT and totals of a booking without posting it (F5)', params: dossierScope, body: bookingBody } },
    async (request) => previewBooking(svc, actorIn(request), request.params.dossierId, request.body as BookingInput),
  );
  app.post(
    '/dossiers/:dossierId/bookings/import',
    {
      schema: {
        tags: ['ledger'],
        summary: 'Post many bookings at once, all or nothing (the bulk import path)',
        params: dossierScope,
        body: z.object({ bookings: z.array(bookingBody).max(200_000) }),
      },
    },
    async (request, reply) => reply.code(201).send(await importBookings(svc, actorIn(request), request.params.dossierId, request.body.bookings as BookingInput[])),
  );
  app.get('/dossiers/:dossierId/bookings/:id', { schema: { tags: ['ledger'], summary: 'A booking with its lines and VAT grids', params: withId } }, async (request) =>
    getBooking(svc, actorIn(request), request.params.dossierId, request.params.id),
  );
  app.get(
    '/dossiers/:dossierId/bookings/:id/copy',
    { schema: { tags: ['ledger'], summary: 'Copy as new (Ctrl+Alt+N): the input of a new booking like this one', params: withId } },
    async (request) => copyBooking(svc, actorIn(request), request.params.dossierId, request.params.id),
  );
  app.post(
    '/dossiers/:dossierId/bookings/:id/reverse',
    {
      schema: {
        tags: ['ledger'],
        summary: 'Reverse a booking (a counter-booking in the same journal)',
        params: withId,
        body: z.object({ date: isoDate.optional(), description: opt(z.string()) }),
      },
    },
    async (request, reply) => reply.code(201).send(await reverseBooking(svc, actorIn(request), request.params.dossierId, request.params.id, request.body)),
  );
  app.delete(
    '/dossiers/:dossierId/bookings/:id',
    { schema: { tags: ['ledger'], summary: 'Delete the last booking of its journal (right delete_bookings; audited)', params: withId } },
    async (request) => deleteLastBooking(svc, actorIn(request), request.params.dossierId, request.params.id),
  );
  app.get(
    '/dossiers/:dossierId/journals/:id/statement-opening',
    {
      schema: {
        tags: ['ledger'],
        summary: 'The opening balance the next statement of a financial journal must have on a date (cents), and the statement number proposed for it (numbered per calendar year, from 1)',
        params: withId,
        querystring: z.object({ date: isoDate }),
      },
    },
    async (request) => statementOpening(svc, actorIn(request), request.params.dossierId, request.params.id, request.query.date),
  );
  app.post(
    '/dossiers/:dossierId/journals/:id/opening-balance',
    {
      schema: {
        tags: ['ledger'],
        summary: "Book the bank's starting balance against the opening account 588888 (a miscellaneous booking)",
        params: withId,
        body: z.object({ date: isoDate, amount: money, description: z.string().optional() }),
      },
    },
    async (request, reply) => reply.code(201).send(await bookOpeningBankBalance(svc, actorIn(request), request.params.dossierId, request.params.id, request.body)),
  );
};
