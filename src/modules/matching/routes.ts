/** Matching ("afpunten") under /api/v1/dossiers/:dossierId/matching/… (one line in src/server/routes.ts). */
import { z } from 'zod';
import type { RouteModule } from '../../server/http.ts';
import { actorIn, bool, dossierScope, withId } from '../ledger/http.ts';
import { REPORT_FORMATS, renderTable } from '../ledger/reports/export.ts';
import { autoMatch } from './auto-match.ts';
import { cancelMatch, getMatch, listMatches, listOpenItems, matchEqualAmounts, matchLines, matchNetZero, paymentStatus } from './matches.ts';
import { openItemsAt, openItemsTable } from './open-items-report.ts';
import { relationLedger } from './relation-ledger.ts';

const tags = ['matching'];
const scope = { relationId: z.coerce.number().int().positive().optional(), account: z.string().optional() };
const lineRef = z.object({ bookingId: z.coerce.number().int().positive(), lineNo: z.coerce.number().int().positive() });

export const matchingRoutes: RouteModule = (app, svc) => {
  const base = '/dossiers/:dossierId/matching';
  app.get(
    `${base}/open-items`,
    { schema: { tags, summary: 'Open items (lines on reconcilable accounts not fully matched) of a relation or account; includeMatched shows matched lines too (Ctrl+D)', params: dossierScope, querystring: z.object({ ...scope, includeMatched: bool.optional() }) } },
    async (request) => listOpenItems(svc, actorIn(request), request.params.dossierId, request.query),
  );
  app.get(
    `${base}/matches`,
    { schema: { tags, summary: 'Matches (newest first) of a relation or account, with their lines and applied amounts', params: dossierScope, querystring: z.object(scope) } },
    async (request) => listMatches(svc, actorIn(request), request.params.dossierId, request.query),
  );
  app.post(
    `${base}/matches`,
    { schema: { tags, summary: 'Match selected lines by hand (same relation and account); partial when they do not net to zero', params: dossierScope, body: z.object({ lines: z.array(lineRef).max(10_000) }) } },
    async (request, reply) => reply.code(201).send(await matchLines(svc, actorIn(request), request.params.dossierId, request.body)),
  );
  app.get(`${base}/matches/:id`, { schema: { tags, summary: 'A match with its lines', params: withId } }, async (request) =>
    getMatch(svc, actorIn(request), request.params.dossierId, request.params.id),
  );
  app.delete(`${base}/matches/:id`, { schema: { tags, summary: 'Cancel a match (F9): its lines are open again for what it applied', params: withId } }, async (request) =>
    cancelMatch(svc, actorIn(request), request.params.dossierId, request.params.id),
  );
  app.post(
    `${base}/equal-amounts`,
    { schema: { tags, summary: 'Match debit and credit lines with equal open amounts (F10)', params: dossierScope, body: z.object(scope) } },
    async (request) => matchEqualAmounts(svc, actorIn(request), request.params.dossierId, request.body),
  );
  app.post(
    `${base}/auto`,
    { schema: { tags, summary: 'Automatic matching (F11): by structured communication, reference, then exact amount; proposals where several candidates fit', params: dossierScope, body: z.object({ relationId: scope.relationId, kind: z.enum(['customers', 'suppliers']).optional().describe('only the customers\' (receivable) or suppliers\' (payable) accounts') }) } },
    async (request) => autoMatch(svc, actorIn(request), request.params.dossierId, request.body),
  );
  app.post(
    `${base}/net-zero`,
    { schema: { tags, summary: 'Match every relation whose open items on an account net to zero (F8)', params: dossierScope, body: z.object(scope) } },
    async (request) => matchNetZero(svc, actorIn(request), request.params.dossierId, request.body),
  );
  app.get(
    `${base}/relation-ledger`,
    {
      schema: {
        tags,
        summary: "A relation's ledger on its reconcilable accounts: each line with its open amount, matches, matched state and (invoices) payment status",
        params: dossierScope,
        querystring: z.object({ relationId: z.coerce.number().int().positive(), account: z.string().optional(), fiscalYearId: z.coerce.number().int().positive().optional() }),
      },
    },
    async (request) => relationLedger(svc, actorIn(request), request.params.dossierId, request.query),
  );
  app.get(
    `${base}/bookings/:id/status`,
    { schema: { tags, summary: 'Payment status of an invoice (open, partly_paid, paid) from its matches', params: withId } },
    async (request) => paymentStatus(svc, actorIn(request), request.params.dossierId, request.params.id),
  );
  app.get(
    `${base}/reports/open-items`,
    {
      schema: {
        tags,
        summary: 'Open items per relation at a date, aged (not due, 0–30, 31–60, 61–90, > 90 days); json, csv, xlsx or pdf',
        params: dossierScope,
        querystring: z.object({ date: z.string().describe('YYYY-MM-DD'), ...scope, kind: z.enum(['customers', 'suppliers']).optional(), format: z.enum(REPORT_FORMATS).optional() }),
      },
    },
    async (request, reply) => {
      const actor = actorIn(request);
      const data = await openItemsAt(svc, actor, request.params.dossierId, request.query);
      const fmt = request.query.format;
      if (!fmt || fmt === 'json') return data;
      const dossier = await svc.db.selectFrom('dossier').select('name').where('id', '=', request.params.dossierId).executeTakeFirstOrThrow();
      const file = await renderTable(openItemsTable(data, actor.language, dossier.name), fmt);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="open-items-${data.date}.${file.extension}"`)
        .send(file.body);
    },
  );
};
