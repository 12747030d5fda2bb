/**
 * Fiscal year → Transfer the fiscal year ("Overboeken boekjaar"), run from year N:
 * 1. a closing booking in N's closing period (Miscellaneous journal) brings every class 6–7 account
 *    to zero against the result of the year (fixed account, 149000);
 * 2. an opening booking in N+1's opening period (Opening journal) carries every balance-sheet account
 *    (classes 0–5) — per relation for accounts kept by open item (400000/440000…), so open items stay
 *    open — with the result of the year moved to profit or loss carried forward (140000 / 141000);
 * 3. financial journals then open N+1 at their last closing balance (their account's carried balance).
 * Running it again (after a late booking in N) replaces both bookings, keeping their numbers: never
 * doubles. These two bookings are the only ones Argonaut rewrites, and only through this action.
 */
import { sql } from 'kysely';
import { addDays } from '../../../core/dates.ts';
import { conflict, validation } from '../../../core/errors.ts';
import type { Db } from '../../../db/index.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { audit } from '../../users/manage-users.ts';
import { requireLedger } from '../access.ts';
import { fixedAccounts, requireRole } from '../accounts/fixed-accounts.ts';
import { isBalanceSheet, isProfitAndLoss } from '../accounts/rules.ts';
import { actorUserId } from '../bookings/post-booking.ts';
import { checkBalanced } from '../bookings/rules.ts';
import { removeBooking, writeBookings, type PreparedBooking } from '../bookings/write.ts';
import { resolvePeriod, yearById } from '../fiscal-years/repo.ts';
import { defaultJournal } from '../journals/repo.ts';
import type { PostingLine } from '../vat/compute.ts';
import { translate } from '../../../core/i18n/index.ts';
import '../messages.ts';

export interface TransferResult {
  fiscalYearId: number;
  nextFiscalYearId: number;
  /** the result of the year N in cents: > 0 profit, < 0 loss */
  result: number;
  closingBookingId: number | null;
  openingBookingId: number | null;
  openingLines: number;
  replaced: boolean;
}

async function balancesOf(trx: Db, dossierId: number, fiscalYearId: number): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom('account_balance')
    .select(['account', sql<number>`sum(debit - credit)::bigint`.as('balance')])
    .where('dossier_id', '=', dossierId)
    .where('fiscal_year_id', '=', fiscalYearId)
    .groupBy('account')
    .execute();
  return new Map(rows.map((r) => [r.account, Number(r.balance)]));
}

export async function transferFiscalYear(svc: Services, actor: Actor, dossierId: number, fiscalYearId: number): Promise<TransferResult> {
  await requireLedger(svc.db, actor, dossierId, 'fiscal_years');
  return svc.db.transaction().execute(async (trx) => {
    await sql`select id from fiscal_year where dossier_id = ${dossierId} for update`.execute(trx);
    const year = await yearById(trx, dossierId, fiscalYearId);
    const next = await trx
      .selectFrom('fiscal_year')
      .select(['id', 'start_date', 'closed'])
      .where('dossier_id', '=', dossierId)
      .where('start_date', '=', addDays(year.end_date, 1))
      .executeTakeFirst();
    if (!next) throw conflict('ledger.transfer_no_next_year');
    if (next.closed) throw conflict('ledger.transfer_next_closed');
    const closingPeriod = await resolvePeriod(trx, dossierId, year.end_date, 'closing');
    const openingPeriod = await resolvePeriod(trx, dossierId, next.start_date, 'opening');
    const roles = await fixedAccounts(trx, dossierId);
    const resultAccount = requireRole(roles, 'result_of_year');
    const profitAccount = requireRole(roles, 'profit_carried_forward');
    const lossAccount = requireRole(roles, 'loss_carried_forward');
    const dossier = await trx.selectFrom('dossier').select('language').where('id', '=', dossierId).executeTakeFirstOrThrow();
    const period = { start: year.start_date, end: year.end_date };
    const misc = await defaultJournal(trx, dossierId, 'miscellaneous');
    if (!misc) throw validation('ledger.transfer_no_journal', { type: 'ledger.journal_type.miscellaneous' });
    const openingJournal = await defaultJournal(trx, dossierId, 'opening');
    if (!openingJournal) throw validation('ledger.transfer_no_journal', { type: 'ledger.journal_type.opening' });

    // Earlier transfer bookings of N (closing) and N+1 (opening) are replaced, keeping their numbers.
    const earlier = await trx
      .selectFrom('booking')
      .select(['id', 'kind', 'number', 'journal_id'])
      .where('dossier_id', '=', dossierId)
      .where('origin', '=', 'transfer')
      .where((eb) =>
        eb.or([
          eb.and([eb('fiscal_year_id', '=', year.id), eb('kind', '=', 'closing')]),
          eb.and([eb('fiscal_year_id', '=', next.id), eb('kind', '=', 'opening')]),
        ]),
      )
      .execute();
    for (const b of earlier) await removeBooking(trx, dossierId, b.id);
    const keep = (kind: string, journalId: number) => earlier.find((b) => b.kind === kind && b.journal_id === journalId)?.number;

    const base = {
      documentDate: null,
      dueDate: null,
      relationId: null,
      reference: null,
      structuredCommunication: null,
      statementNumber: null,
      statementOpening: null,
      statementClosing: null,
      reversesBookingId: null,
      origin: 'transfer' as const,
      createdBy: actorUserId(actor),
      grids: {},
    };

    // 1. Closing booking in N.
    const balances = await balancesOf(trx, dossierId, year.id);
    const closingLines: PostingLine[] = [];
    let pl = 0;
    for (const [account, balance] of [...balances].sort(([a], [b]) => a.localeCompare(b))) {
      if (!isProfitAndLoss(account) || balance === 0) continue;
      closingLines.push({ account, amount: -balance, kind: 'transfer' });
      pl += balance;
    }
    const result = -pl; // credit balance of classes 6–7 = profit
    let closingBookingId: number | null = null;
    if (closingLines.length) {
      closingLines.push({ account: resultAccount, amount: pl, kind: 'transfer', description: translate('ledger.role.result_of_year', dossier.language) });
      checkBalanced(closingLines);
      const [w] = await writeBookings(trx, dossierId, [
        {
          ...base,
          journalId: misc.id,
          fiscalYearId: year.id,
          periodNo: closingPeriod.periodNo,
          kind: 'closing',
          date: year.end_date,
          description: translate('ledger.transfer.closing', dossier.language, period),
          amount: closingLines.reduce((s, l) => s + (l.amount > 0 ? l.amount : 0), 0),
          lines: closingLines,
          number: keep('closing', misc.id),
        } satisfies PreparedBooking,
      ]);
      closingBookingId = w.id;
    }

    // 2. Opening booking in N+1: balance-sheet accounts, per relation for open-item accounts.
    const after = await balancesOf(trx, dossierId, year.id);
    const reconcilable = new Set(
      (await trx.selectFrom('account').select('number').where('dossier_id', '=', dossierId).where('reconcilable', '=', true).execute()).map((a) => a.number),
    );
    const perRelation = await trx
      .selectFrom('booking_line')
      .select(['account', 'relation_id', sql<number>`sum(amount)::bigint`.as('balance')])
      .where('dossier_id', '=', dossierId)
      .where('fiscal_year_id', '=', year.id)
      .where('relation_id', 'is not', null)
      .groupBy(['account', 'relation_id'])
      .execute();
    const openingLines: PostingLine[] = [];
    let carriedResult = 0;
    for (const [account, balance] of [...after].sort(([a], [b]) => a.localeCompare(b))) {
      if (!isBalanceSheet(account) || balance === 0) continue;
      if (account === resultAccount) {
        carriedResult += balance;
        continue;
      }
      if (reconcilable.has(account)) {
        let rest = balance;
        for (const r of perRelation.filter((p) => p.account === account && Number(p.balance) !== 0).sort((a, b) => (a.relation_id ?? 0) - (b.relation_id ?? 0))) {
          openingLines.push({ account, amount: Number(r.balance), kind: 'transfer', relationId: r.relation_id });
          rest -= Number(r.balance);
        }
        if (rest !== 0) openingLines.push({ account, amount: rest, kind: 'transfer' });
      } else {
        openingLines.push({ account, amount: balance, kind: 'transfer' });
      }
    }
    if (carriedResult !== 0) openingLines.push({ account: carriedResult < 0 ? profitAccount : lossAccount, amount: carriedResult, kind: 'transfer', description: translate('ledger.role.result_of_year', dossier.language) });
    let openingBookingId: number | null = null;
    if (openingLines.length) {
      checkBalanced(openingLines);
      const [w] = await writeBookings(trx, dossierId, [
        {
          ...base,
          journalId: openingJournal.id,
          fiscalYearId: next.id,
          periodNo: openingPeriod.periodNo,
          kind: 'opening',
          date: next.start_date,
          description: translate('ledger.transfer.opening', dossier.language, period),
          amount: openingLines.reduce((s, l) => s + (l.amount > 0 ? l.amount : 0), 0),
          lines: openingLines,
          number: keep('opening', openingJournal.id),
        },
      ]);
      openingBookingId = w.id;
    }
    await trx.updateTable('fiscal_year').set({ transferred_at: svc.clock.now() }).where('dossier_id', '=', dossierId).where('id', '=', year.id).execute();
    await audit(trx, actor, actor.officeId, 'ledger.fiscal_year.transfer', { fiscalYearId: year.id, nextFiscalYearId: next.id, result, replaced: earlier.length > 0 }, dossierId);
    return {
      fiscalYearId: year.id,
      nextFiscalYearId: next.id,
      result,
      closingBookingId,
      openingBookingId,
      openingLines: openingLines.length,
      replaced: earlier.length > 0,
    };
  });
}
