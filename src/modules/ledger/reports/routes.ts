import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { validation } from '../../../core/errors.ts';
import type { RouteModule } from '../../../server/http.ts';
import type { Services } from '../../../services.ts';
import { actorIn, bool, dossierScope } from '../http.ts';
import { REPORT_FORMATS, renderTable, type ReportFormat, type ReportTable } from './export.ts';
import { generalLedger } from './general-ledger.ts';
import { journalListing } from './journal-listing.ts';
import { relationBalances } from './relation-balances.ts';
import { generalLedgerTable, journalListingTable, relationBalancesTable, trialBalanceTable } from './tables.ts';
import { trialBalance } from './trial-balance.ts';

const year = { fiscalYearId: z.coerce.number().int().positive() };
const range = { fromPeriod: z.coerce.number().int().min(0).optional(), toPeriod: z.coerce.number().int().min(0).optional() };
const format = { format: z.enum(REPORT_FORMATS).optional().describe('json (default), csv, xlsx or pdf') };
const paging = { page: z.coerce.number().int().positive().optional(), pageSize: z.coerce.number().int().positive().max(5000).optional() };

async function dossierName(svc: Services, dossierId: number) {
  return (await svc.db.selectFrom('dossier').select('name').where('id', '=', dossierId).executeTakeFirstOrThrow()).name;
}

async function send<T>(reply: FastifyReply, fmt: ReportFormat | undefined, data: T, table: () => Promise<ReportTable>, name: string) {
  if (!fmt || fmt === 'json') return data;
  const file = await renderTable(await table(), fmt);
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${name}.${file.extension}"`)
    .send(file.body);
}

/** Lines a saved general ledger or journal listing may hold: beyond, the user narrows the accounts or periods. */
export const MAX_EXPORT_LINES = 100_000;

/**
 * A saved list (Ctrl+S: CSV, XLSX, PDF) holds the whole selection, not the page on screen: every page
 * read in turn, joined into one; `lines` counts a page's lines, for the limit.
 */
async function wholeSelection<T extends { total: number; page: number; pageSize: number }>(
  read: (page: number) => Promise<T>,
  items: (data: T) => unknown[],
  lines: (data: T) => number,
): Promise<T> {
  const first = await read(1);
  let count = lines(first);
  const all = items(first);
  for (let page = 2; (page - 1) * first.pageSize < first.total; page++) {
    const next = await read(page);
    count += lines(next);
    if (count > MAX_EXPORT_LINES) break;
    all.push(...items(next));
  }
  if (count > MAX_EXPORT_LINES) {
    throw validation('ledger.report_too_large', { limit: MAX_EXPORT_LINES }, [{ field: 'format', code: 'ledger.report_too_large', params: { limit: MAX_EXPORT_LINES } }]);
  }
  return { ...first, page: 1, pageSize: first.total };
}

export const reportRoutes: RouteModule = (app, svc) => {
  app.get(
    '/dossiers/:dossierId/reports/trial-balance',
    {
      schema: {
        tags: ['ledger reports'],
        summary: 'Trial balance for a range of periods: opening, debit, credit, closing per account (cents), totals',
        params: dossierScope,
        querystring: z.object({ ...year, ...range, accountPrefix: z.string().optional(), ...format }),
      },
    },
    async (request, reply) => {
      const actor = actorIn(request);
      const data = await trialBalance(svc, actor, request.params.dossierId, request.query);
      return send(reply, request.query.format, data, async () => trialBalanceTable(data, actor.language, await dossierName(svc, request.params.dossierId)), `trial-balance-${data.startDate.slice(0, 4)}`);
    },
  );
  app.get(
    '/dossiers/:dossierId/reports/general-ledger',
    {
      schema: {
        tags: ['ledger reports'],
        summary: 'General ledger of an account (or a range of accounts) with running balances',
        params: dossierScope,
        querystring: z.object({ ...year, ...range, account: z.string().optional(), accountFrom: z.string().optional(), accountTo: z.string().optional(), ...paging, ...format }),
      },
    },
    async (request, reply) => {
      const actor = actorIn(request);
      const { dossierId } = request.params;
      const data =
        request.query.format && request.query.format !== 'json'
          ? await wholeSelection((page) => generalLedger(svc, actor, dossierId, { ...request.query, page, pageSize: 5000 }), (d) => d.lines, (d) => d.lines.length)
          : await generalLedger(svc, actor, dossierId, request.query);
      return send(reply, request.query.format, data, async () => generalLedgerTable(data, actor.language, await dossierName(svc, request.params.dossierId)), 'general-ledger');
    },
  );
  app.get(
    '/dossiers/:dossierId/reports/journal',
    {
      schema: {
        tags: ['ledger reports'],
        summary: 'Journal listing: the bookings of a journal with their lines',
        params: dossierScope,
        querystring: z.object({ ...year, ...range, journalId: z.coerce.number().int().positive(), ...paging, ...format }),
      },
    },
    async (request, reply) => {
      const actor = actorIn(request);
      const { dossierId } = request.params;
      const data =
        request.query.format && request.query.format !== 'json'
          ? await wholeSelection(
              (page) => journalListing(svc, actor, dossierId, { ...request.query, page, pageSize: 2000 }),
              (d) => d.bookings,
              (d) => d.bookings.reduce((n, b) => n + b.lines.length, 0),
            )
          : await journalListing(svc, actor, dossierId, request.query);
      return send(reply, request.query.format, data, async () => journalListingTable(data, actor.language, await dossierName(svc, request.params.dossierId)), `journal-${data.journal.code}`);
    },
  );
  app.get(
    '/dossiers/:dossierId/reports/relation-balances',
    {
      schema: {
        tags: ['ledger reports'],
        summary: 'Customer or supplier balances per relation',
        params: dossierScope,
        querystring: z.object({ ...year, kind: z.enum(['customers', 'suppliers']), toPeriod: range.toPeriod, openOnly: bool.optional(), search: z.string().optional(), ...format }),
      },
    },
    async (request, reply) => {
      const actor = actorIn(request);
      const data = await relationBalances(svc, actor, request.params.dossierId, request.query);
      return send(reply, request.query.format, data, async () => relationBalancesTable(data, actor.language, await dossierName(svc, request.params.dossierId)), `${data.kind}-balances`);
    },
  );
};
