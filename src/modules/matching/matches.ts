/**
 * Matching use cases: manual selection, equal amounts (F10), relations that net to zero (F8),
 * cancel (F9), the matches of a relation, and an invoice's payment status. Every write is one
 * transaction under a per-dossier lock, so two matchings never apply the same open amount twice.
 */
import { sql } from 'kysely';
import { notFound, validation } from '../../core/errors.ts';
import { translate } from '../../core/i18n/index.ts';
import type { Db } from '../../db/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { requireDossier } from '../dossiers/access.ts';
import { actorUserId } from '../ledger/bookings/post-booking.ts';
import { audit } from '../users/manage-users.ts';
import { findLines, loadOpenItems, type OpenItem } from './open-items.ts';
import { paymentStatusOf } from './relation-ledger.ts';
import { allocate } from './rules.ts';
import { allocateForeign, bookExchangeDifferences, currencyOf, reverseExchangeDifference } from './currency.ts';
import type { MatchMethod } from './schema.ts';
import './messages.ts';
import { bookingDocumentSql } from '../ledger/bookings/document-sql.ts';
import { registerReversalHook } from '../ledger/bookings/reverse-booking.ts';

export interface LineRef {
  bookingId: number;
  lineNo: number;
}

export interface NewMatch {
  kind: 'manual' | 'auto';
  method: MatchMethod;
  account: string;
  relationId: number | null;
  lines: Array<{ bookingId: number; lineNo: number; amount: number; currencyAmount?: number | null }>;
  /** foreign currency items: the currency, and the euro difference to book as exchange difference */
  currency?: string | null;
  exchange?: number;
  /** the latest date of the match's lines (the date of its exchange-difference booking) */
  date?: string;
  documents?: string;
}

/** Serialises matching within a dossier (both engines). */
export async function lockMatching(trx: Db, dossierId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(2002, ${dossierId})`.execute(trx);
}

/** Writes matches (applied amounts already computed) in a few statements; returns their ids. */
export async function writeMatches(trx: Db, dossierId: number, matches: NewMatch[], createdBy: number | null): Promise<number[]> {
  if (!matches.length) return [];
  // foreign currency matches whose euro amounts differ: book the exchange difference and include its relation line
  const needs = matches.filter((m) => m.currency && m.exchange);
  const exchangeIds = await bookExchangeDifferences(
    trx, dossierId,
    needs.map((m) => ({ account: m.account, relationId: m.relationId, currency: m.currency!, exchange: m.exchange!, date: m.date!, documents: m.documents ?? '' })),
    createdBy,
  );
  const exchangeOf = new Map<NewMatch, number>();
  needs.forEach((m, i) => {
    exchangeOf.set(m, exchangeIds[i]);
    m.lines.push({ bookingId: exchangeIds[i], lineNo: 1, amount: -m.exchange!, currencyAmount: 0 });
  });
  const ids = (await sql<{ id: number }>`select nextval(pg_get_serial_sequence('match', 'id')) as id from generate_series(1, ${matches.length})`.execute(trx)).rows.map((r) => Number(r.id));
  await sql`
    insert into match (dossier_id, id, kind, method, account, relation_id, currency, exchange_booking_id, created_by)
    select ${dossierId}, u.id, u.kind, u.method, u.account, u.relation_id, u.currency, u.exchange, ${createdBy}::integer
    from unnest(${ids}::bigint[], ${matches.map((m) => m.kind)}::text[], ${matches.map((m) => m.method)}::text[],
      ${matches.map((m) => m.account)}::text[], ${matches.map((m) => m.relationId)}::integer[], ${matches.map((m) => m.currency ?? null)}::text[],
      ${matches.map((m) => exchangeOf.get(m) ?? null)}::bigint[]) as u(id, kind, method, account, relation_id, currency, exchange)`.execute(trx);
  const mid: number[] = [];
  const bid: number[] = [];
  const lno: number[] = [];
  const amt: number[] = [];
  const cur: Array<number | null> = [];
  matches.forEach((m, i) => {
    for (const l of m.lines) {
      if (l.amount === 0) continue;
      mid.push(ids[i]);
      bid.push(l.bookingId);
      lno.push(l.lineNo);
      amt.push(l.amount);
      cur.push(m.currency ? (l.currencyAmount ?? 0) : null);
    }
  });
  for (let i = 0; i < mid.length; i += 20000) {
    await sql`
      insert into match_line (dossier_id, match_id, booking_id, line_no, amount, currency_amount)
      select ${dossierId}, u.m, u.b, u.l, u.a, u.c from unnest(${mid.slice(i, i + 20000)}::bigint[], ${bid.slice(i, i + 20000)}::bigint[],
        ${lno.slice(i, i + 20000)}::smallint[], ${amt.slice(i, i + 20000)}::bigint[], ${cur.slice(i, i + 20000)}::bigint[]) as u(m, b, l, a, c)`.execute(trx);
  }
  return ids;
}

/** A match over items of one relation and account: every open amount, or as far as the two sides allow. */
export function matchOf(items: OpenItem[], kind: NewMatch['kind'], method: MatchMethod): NewMatch & { full: boolean } {
  const currency = currencyOf(items[0]);
  if (currency) {
    // foreign currency: allocated on the currency amounts; the euro difference is an exchange difference
    const f = allocateForeign(items);
    return {
      kind, method, account: items[0].account, relationId: items[0].relationId, full: f.full, currency, exchange: f.exchange,
      date: items.reduce((d, i) => (i.date > d ? i.date : d), items[0].date),
      documents: [...new Set(items.map((i) => i.document))].join(', '),
      lines: items.map((i, k) => ({ bookingId: i.bookingId, lineNo: i.lineNo, amount: f.applied[k], currencyAmount: f.currencyApplied[k] })),
    };
  }
  const { applied, full } = allocate(items);
  return {
    kind,
    method,
    account: items[0].account,
    relationId: items[0].relationId,
    full,
    lines: items.map((i, k) => ({ bookingId: i.bookingId, lineNo: i.lineNo, amount: applied[k] })),
  };
}

export interface MatchLineView {
  bookingId: number;
  lineNo: number;
  document: string;
  date: string;
  dueDate: string | null;
  amount: number;
  applied: number;
  open: number;
  communication: string | null;
  reference: string | null;
  /** foreign currency: the line's currency amount and the part of it this match applies */
  currencyAmount: number | null;
  currencyApplied: number | null;
}
export interface MatchView {
  id: number;
  kind: 'manual' | 'auto';
  method: MatchMethod;
  account: string;
  relationId: number | null;
  createdAt: string;
  /** every line of the match is closed by it */
  full: boolean;
  /** foreign currency items: their currency, and the booking of the exchange difference (cancelling reverses it) */
  currency: string | null;
  exchangeBookingId: number | null;
  lines: MatchLineView[];
}

async function matchViews(db: Db, dossierId: number, ids: number[] | null, filter: { relationId?: number; account?: string } = {}): Promise<MatchView[]> {
  const { rows } = await sql<{
    id: number; kind: 'manual' | 'auto'; method: MatchMethod; account: string; relation_id: number | null; created_at: Date;
    booking_id: number; line_no: number; document: string; date: string; due_date: string | null; amount: number; applied: number; open: number;
    communication: string | null; reference: string | null;
    currency: string | null; exchange_booking_id: number | null; currency_amount: number | null; currency_applied: number | null;
  }>`
    select m.id, m.kind, m.method, m.account, m.relation_id, m.created_at, ml.booking_id, ml.line_no,
      m.currency, m.exchange_booking_id, l.currency_amount, ml.currency_amount as currency_applied,
      ${bookingDocumentSql()} as document,
      l.date, l.due_date, l.amount, ml.amount as applied,
      (l.amount - (select coalesce(sum(x.amount), 0) from match_line x where x.dossier_id = l.dossier_id and x.booking_id = l.booking_id and x.line_no = l.line_no))::bigint as open,
      l.communication, b.reference
    from match m
    join match_line ml on ml.dossier_id = m.dossier_id and ml.match_id = m.id
    join booking_line l on l.dossier_id = ml.dossier_id and l.booking_id = ml.booking_id and l.line_no = ml.line_no
    join booking b on b.dossier_id = l.dossier_id and b.id = l.booking_id
    join journal j on j.dossier_id = b.dossier_id and j.id = b.journal_id
    join fiscal_year fy on fy.dossier_id = b.dossier_id and fy.id = b.fiscal_year_id
    where m.dossier_id = ${dossierId}
      ${ids ? sql`and m.id = any(${ids}::bigint[])` : sql``}
      ${filter.relationId != null ? sql`and m.relation_id = ${filter.relationId}` : sql``}
      ${filter.account ? sql`and m.account = ${filter.account}` : sql``}
    order by m.id desc, l.amount desc, ml.booking_id, ml.line_no`.execute(db);
  const out = new Map<number, MatchView>();
  for (const r of rows) {
    const id = Number(r.id);
    let v = out.get(id);
    if (!v) {
      v = {
        id, kind: r.kind, method: r.method, account: r.account, relationId: r.relation_id, createdAt: new Date(r.created_at).toISOString(), full: true,
        currency: r.currency, exchangeBookingId: r.exchange_booking_id === null ? null : Number(r.exchange_booking_id), lines: [],
      };
      out.set(id, v);
    }
    const line = {
      bookingId: Number(r.booking_id), lineNo: r.line_no, document: r.document, date: r.date, dueDate: r.due_date,
      amount: Number(r.amount), applied: Number(r.applied), open: Number(r.open), communication: r.communication, reference: r.reference,
      currencyAmount: r.currency_amount === null ? null : Number(r.currency_amount), currencyApplied: r.currency_applied === null ? null : Number(r.currency_applied),
    };
    if (line.applied !== line.amount) v.full = false;
    v.lines.push(line);
  }
  return [...out.values()];
}

function checkSelection(items: OpenItem[], found: Awaited<ReturnType<typeof findLines>>, refs: LineRef[], lang: Actor['language']) {
  if (refs.length < 2) throw validation('matching.lines_required', {}, [{ field: 'lines', code: 'matching.lines_required' }]);
  const seen = new Set<string>();
  refs.forEach((ref, i) => {
    const key = `${ref.bookingId}/${ref.lineNo}`;
    const field = `lines.${i}`;
    if (seen.has(key)) throw validation('matching.line_duplicate', { ...ref }, [{ field, code: 'matching.line_duplicate', params: { ...ref } }]);
    seen.add(key);
    const f = found.find((x) => x.bookingId === ref.bookingId && x.lineNo === ref.lineNo);
    if (!f) throw validation('matching.line_not_found', { ...ref }, [{ field, code: 'matching.line_not_found', params: { ...ref } }]);
    if (!f.reconcilable) throw validation('matching.account_not_reconcilable', { ...ref, account: f.account }, [{ field, code: 'matching.account_not_reconcilable', params: { ...ref, account: f.account } }]);
    if (!items.some((x) => x.bookingId === ref.bookingId && x.lineNo === ref.lineNo))
      throw validation('matching.line_already_matched', { ...ref }, [{ field, code: 'matching.line_already_matched', params: { ...ref } }]);
  });
  const first = items[0];
  const label = (i: OpenItem) => (i.relationId == null ? translate('matching.no_relation', lang) : `${i.relationNumber} ${i.relationName}`);
  for (const item of items) {
    const i = refs.findIndex((r) => r.bookingId === item.bookingId && r.lineNo === item.lineNo);
    if (item.account !== first.account) {
      const params = { first: first.account, other: item.account };
      throw validation('matching.accounts_differ', params, [{ field: `lines.${i}`, code: 'matching.accounts_differ', params }]);
    }
    if (item.relationId !== first.relationId) {
      const params = { first: label(first), other: label(item) };
      throw validation('matching.relations_differ', params, [{ field: `lines.${i}`, code: 'matching.relations_differ', params }]);
    }
    if (currencyOf(item) !== currencyOf(first)) {
      const params = { first: currencyOf(first) ?? 'EUR', other: currencyOf(item) ?? 'EUR' };
      throw validation('matching.currencies_differ', params, [{ field: `lines.${i}`, code: 'matching.currencies_differ', params }]);
    }
  }
  if (!items.some((i) => i.open > 0) || !items.some((i) => i.open < 0)) throw validation('matching.one_side_only', {}, [{ field: 'lines', code: 'matching.one_side_only' }]);
}

/** Manual matching of selected lines (same dossier, relation and account); partial when they do not net to zero. */
export async function matchLines(svc: Services, actor: Actor, dossierId: number, input: { lines: LineRef[] }): Promise<MatchView> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  return svc.db.transaction().execute(async (trx) => {
    await lockMatching(trx, dossierId);
    const refs = input.lines;
    const items = refs.length ? await loadOpenItems(trx, dossierId, { lines: refs }) : [];
    const found = refs.length ? await findLines(trx, dossierId, refs) : [];
    checkSelection(items, found, refs, actor.language);
    // items come oldest first (date, booking, line): on the larger side the newest line is the one left (partly) open
    const match = matchOf(items, 'manual', 'selection');
    const [id] = await writeMatches(trx, dossierId, [match], actorUserId(actor));
    await audit(trx, actor, actor.officeId, 'matching.match', { id, lines: match.lines, full: match.full }, dossierId);
    return (await matchViews(trx, dossierId, [id]))[0];
  });
}

const groupKey = (i: OpenItem) => `${i.account}|${i.relationId ?? ''}|${currencyOf(i) ?? ''}`;
/** What matching compares: the currency amount of a foreign currency item, else the euro amount. */
const openOf = (i: OpenItem) => (currencyOf(i) ? (i.currencyOpen ?? 0) : i.open);
function groups(items: OpenItem[]): OpenItem[][] {
  const map = new Map<string, OpenItem[]>();
  for (const i of items) {
    const k = groupKey(i);
    const g = map.get(k);
    if (g) g.push(i);
    else map.set(k, [i]);
  }
  return [...map.values()];
}

/** F10: matches a debit and a credit line of the same relation and account with the same open amount (oldest first). */
export async function matchEqualAmounts(svc: Services, actor: Actor, dossierId: number, filter: { relationId?: number; account?: string } = {}) {
  await requireDossier(svc.db, actor, dossierId, 'book');
  return svc.db.transaction().execute(async (trx) => {
    await lockMatching(trx, dossierId);
    const items = (await loadOpenItems(trx, dossierId, filter)).filter((i) => i.relationId != null || filter.account);
    const matches: NewMatch[] = [];
    for (const g of groups(items)) {
      const credits = new Map<number, OpenItem[]>();
      for (const c of g.filter((i) => openOf(i) < 0)) {
        const list = credits.get(-openOf(c));
        if (list) list.push(c);
        else credits.set(-openOf(c), [c]);
      }
      for (const d of g.filter((i) => openOf(i) > 0)) {
        const c = credits.get(openOf(d))?.shift();
        if (c) matches.push(matchOf([d, c], 'manual', 'equal_amounts'));
      }
    }
    const ids = await writeMatches(trx, dossierId, matches, actorUserId(actor));
    if (ids.length) await audit(trx, actor, actor.officeId, 'matching.equal_amounts', { matches: ids.length, ...filter }, dossierId);
    return { matched: ids.length, matchIds: ids };
  });
}

/** F8: every relation whose open items on an account net to zero gets them matched in one match. */
export async function matchNetZero(svc: Services, actor: Actor, dossierId: number, filter: { relationId?: number; account?: string } = {}) {
  await requireDossier(svc.db, actor, dossierId, 'book');
  return svc.db.transaction().execute(async (trx) => {
    await lockMatching(trx, dossierId);
    const items = (await loadOpenItems(trx, dossierId, filter)).filter((i) => i.relationId != null);
    const matches = groups(items)
      .filter((g) => g.length >= 2 && g.reduce((s, i) => s + openOf(i), 0) === 0)
      .map((g) => matchOf(g, 'auto', 'net_zero'));
    const ids = await writeMatches(trx, dossierId, matches, actorUserId(actor));
    if (ids.length) await audit(trx, actor, actor.officeId, 'matching.net_zero', { matches: ids.length, ...filter }, dossierId);
    return { matched: ids.length, matchIds: ids };
  });
}

/** F9: cancels a match; its lines are open again for exactly the amounts it applied. */
export async function cancelMatch(svc: Services, actor: Actor, dossierId: number, matchId: number) {
  await requireDossier(svc.db, actor, dossierId, 'book');
  return svc.db.transaction().execute(async (trx) => {
    await lockMatching(trx, dossierId);
    const [view] = await matchViews(trx, dossierId, [matchId]);
    if (!view) throw notFound('matching.match_not_found', { id: matchId });
    await trx.deleteFrom('match').where('dossier_id', '=', dossierId).where('id', '=', matchId).execute();
    // the exchange difference it booked is reversed (the books stay append-only)
    const exchangeReversalId = view.exchangeBookingId ? await reverseExchangeDifference(trx, dossierId, view.exchangeBookingId, actorUserId(actor)) : null;
    await audit(trx, actor, actor.officeId, 'matching.cancel', { id: matchId, lines: view.lines.map((l) => ({ bookingId: l.bookingId, lineNo: l.lineNo, amount: l.applied })), exchangeReversalId }, dossierId);
    return {
      cancelled: matchId,
      exchangeReversalId,
      lines: view.lines.filter((l) => l.bookingId !== view.exchangeBookingId).map((l) => ({ bookingId: l.bookingId, lineNo: l.lineNo, open: l.open + l.applied })),
    };
  });
}

export async function getMatch(svc: Services, actor: Actor, dossierId: number, matchId: number): Promise<MatchView> {
  await requireDossier(svc.db, actor, dossierId, 'view');
  const [view] = await matchViews(svc.db, dossierId, [matchId]);
  if (!view) throw notFound('matching.match_not_found', { id: matchId });
  return view;
}

export async function listMatches(svc: Services, actor: Actor, dossierId: number, filter: { relationId?: number; account?: string } = {}) {
  await requireDossier(svc.db, actor, dossierId, 'view');
  return { items: await matchViews(svc.db, dossierId, null, filter) };
}

export async function listOpenItems(svc: Services, actor: Actor, dossierId: number, filter: { relationId?: number; account?: string; includeMatched?: boolean } = {}) {
  await requireDossier(svc.db, actor, dossierId, 'view');
  const items = await loadOpenItems(svc.db, dossierId, filter);
  return { items, totals: { amount: items.reduce((s, i) => s + i.amount, 0), open: items.reduce((s, i) => s + i.open, 0) } };
}

export type { PaymentStatus } from './relation-ledger.ts';

/** An invoice's payment status from its matches: its lines on reconcilable accounts, open vs amount. */
export async function paymentStatus(svc: Services, actor: Actor, dossierId: number, bookingId: number) {
  await requireDossier(svc.db, actor, dossierId, 'view');
  const booking = await svc.db.selectFrom('booking').select(['id']).where('dossier_id', '=', dossierId).where('id', '=', bookingId).executeTakeFirst();
  if (!booking) throw notFound('matching.booking_not_found', { id: bookingId });
  const status = await paymentStatusOf(svc.db, dossierId, bookingId);
  return { bookingId, status: status?.status ?? null, amount: status?.amount ?? 0, open: status?.open ?? 0, matchIds: status?.matchIds ?? [] };
}

/**
 * A reversed invoice is no open item any more: when a booking is reversed, each of its open lines on
 * a reconcilable account is matched with the reversal's line that cancels it (method 'reversal'), as far
 * as it is still open — a part already paid leaves that part of the reversal open (money to pay back).
 * Cancelling that match (F9) makes both open again.
 */
registerReversalHook(async (trx, dossierId, { originalId, reversalId, createdBy }) => {
  await lockMatching(trx, dossierId);
  const original = await loadOpenItems(trx, dossierId, { bookingId: originalId, unordered: true });
  if (!original.length) return;
  const reversal = await loadOpenItems(trx, dossierId, { bookingId: reversalId, unordered: true });
  const matches: NewMatch[] = [];
  for (const line of original) {
    // the reversal writes the original's lines in the same order, with opposite amounts
    const counter = reversal.find((r) => r.lineNo === line.lineNo && r.account === line.account && r.relationId === line.relationId);
    if (!counter || Math.sign(counter.open) !== -Math.sign(line.open)) continue;
    const { full: _full, ...match } = matchOf([line, counter], 'auto', 'reversal');
    matches.push(match);
  }
  await writeMatches(trx, dossierId, matches, createdBy);
});
