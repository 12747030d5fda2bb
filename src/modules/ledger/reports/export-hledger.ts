/**
 * `argonaut export hledger`: a fiscal year's bookings as an hledger journal, streamed to a file in
 * batches (a year of a million lines never sits in memory at once). Needs the "export" right.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { sql } from 'kysely';
import { header, transaction, type HledgerPosting } from '../../../formats/hledger/write.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireLedger } from '../access.ts';
import { accountName } from '../accounts/rules.ts';
import { bookingDisplay } from '../bookings/rules.ts';
import { yearById } from '../fiscal-years/repo.ts';

const BATCH = 5000;

export async function exportHledger(svc: Services, actor: Actor, dossierId: number, fiscalYearId: number, file: string): Promise<{ bookings: number; lines: number; file: string }> {
  await requireLedger(svc.db, actor, dossierId, 'export');
  const db = svc.db;
  const year = await yearById(db, dossierId, fiscalYearId);
  const dossier = await db.selectFrom('dossier').select('name').where('id', '=', dossierId).executeTakeFirstOrThrow();
  const accounts = await db.selectFrom('account').select(['number', 'name_nl', 'name_fr', 'name_en']).where('dossier_id', '=', dossierId).orderBy('number').execute();
  const journals = new Map((await db.selectFrom('journal').select(['id', 'code']).where('dossier_id', '=', dossierId).execute()).map((j) => [j.id, j.code]));
  const out = fs.createWriteStream(file, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(header(accounts.map((a) => ({ number: a.number, name: accountName(a, actor.language) })), 'EUR', `${dossier.name} — ${year.start_date} – ${year.end_date} (Argonaut)`));
  let bookings = 0;
  let lines = 0;
  let after: { date: string; id: number } | null = null;
  for (;;) {
    const page: Array<{ id: number; date: string; journal_id: number; number: number; description: string | null; reference: string | null; relation: string | null }> = (
      await sql<{ id: number; date: string; journal_id: number; number: number; description: string | null; reference: string | null; relation: string | null }>`
        select b.id, b.date, b.journal_id, b.number, b.description, b.reference,
          (select r.name from relation r where r.dossier_id = b.dossier_id and r.id = b.relation_id) as relation
        from booking b
        where b.dossier_id = ${dossierId} and b.fiscal_year_id = ${year.id}
          ${after ? sql`and (b.date, b.id) > (${after.date}::date, ${after.id})` : sql``}
        order by b.date, b.id limit ${BATCH}`.execute(db)
    ).rows;
    if (!page.length) break;
    const ids = page.map((b) => b.id);
    const rows = await db
      .selectFrom('booking_line')
      .select(['booking_id', 'account', 'amount', 'description', 'communication'])
      .where('dossier_id', '=', dossierId)
      .where('booking_id', 'in', ids)
      .orderBy('booking_id')
      .orderBy('line_no')
      .execute();
    const byBooking = new Map<number, HledgerPosting[]>();
    for (const r of rows) {
      const list = byBooking.get(r.booking_id) ?? [];
      list.push({ account: r.account, amount: r.amount, comment: r.description ?? r.communication });
      byBooking.set(r.booking_id, list);
    }
    let chunk = '';
    for (const b of page) {
      const postings = byBooking.get(b.id) ?? [];
      chunk += transaction({
        date: b.date,
        code: bookingDisplay(journals.get(b.journal_id) ?? '?', year.start_date, b.number),
        description: [b.relation, b.reference, b.description].filter(Boolean).join(' — '),
        postings,
      });
      lines += postings.length;
    }
    await write(chunk);
    bookings += page.length;
    const last = page[page.length - 1];
    after = { date: last.date, id: last.id };
  }
  out.end();
  await once(out, 'finish');
  return { bookings, lines, file };
}
