/**
 * Recognising a payment's relation by the counterparty IBAN: statement lines keep the counterparty's
 * account and name; F11 moves a suspense payment to the one relation holding that IBAN and matches it
 * when exactly one invoice fits (proposals otherwise); the bank import books such a movement on the
 * relation directly.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers.ts';
import { importStatementFile } from '../banking/import-statement.ts';
import { addRelation, ledgerTestContext, type LedgerTestContext } from '../ledger/test-support.ts';
import { cliActor } from '../users/offices.ts';

const CODA = readFileSync(new URL('../../../../shared/corpus/coda/pycoda_Coda_v2_3_single_statement.txt', import.meta.url), 'latin1');

interface Item { bookingId: number; lineNo: number; account: string; open: number; relationId: number | null }

describe.each(engines)('matching by counterparty IBAN (%s)', (engine) => {
  let t: LedgerTestContext;
  let bank: number;
  let bankBalance = 0;
  const rel: Record<string, number> = {};
  const IBAN = 'BE71096123456769';

  beforeAll(async () => {
    t = await ledgerTestContext(engine);
    rel.anker = await addRelation(t.env, t.dossierId, { number: 'K010', name: 'Brouwerij Het Anker', kind: 'customer' });
    rel.other = await addRelation(t.env, t.dossierId, { number: 'K011', name: 'Hotel Memling', kind: 'customer' });
    rel.shared1 = await addRelation(t.env, t.dossierId, { number: 'K012', name: 'Ter Duinen', kind: 'customer' });
    rel.shared2 = await addRelation(t.env, t.dossierId, { number: 'K013', name: 'Ter Duinen bis', kind: 'customer' });
    await sql`update relation set iban = ${IBAN} where dossier_id = ${t.dossierId} and id = ${rel.anker}`.execute(t.env.svc.db);
    await sql`update relation set iban = 'BE68539007547034' where dossier_id = ${t.dossierId} and id in (${rel.shared1}, ${rel.shared2})`.execute(t.env.svc.db);
    bank = (await t.admin.post(`${t.base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB' })).body.id;
  });
  afterAll(() => t?.env.close());

  const sale = async (relation: number, inclVat: string, reference: string) => {
    const res = await t.admin.post(`${t.base}/bookings`, { type: 'sales_invoice', date: '2026-01-10', relationId: relation, reference, lines: [{ account: '700000', vatCode: 'V21', amountInclVat: inclVat }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  const statement = async (lines: Array<Record<string, unknown>>) => {
    const sum = lines.reduce((s, l) => s + Math.round(Number(l.amount) * 100), 0);
    const res = await t.admin.post(`${t.base}/bookings`, { type: 'financial_statement', journalId: bank, date: '2026-02-10', openingBalance: bankBalance, closingBalance: bankBalance + sum, lines });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    bankBalance += sum;
    return res.body.id as number;
  };
  const suspenseOpen = async (): Promise<Item[]> => (await t.admin.get(`${t.base}/matching/open-items?account=499000`)).body.items;
  const miscCount = async () => (await t.admin.get(`${t.base}/bookings?kind=miscellaneous`)).body.total as number;

  it('a statement line keeps the counterparty account and name, shown on the booking', async () => {
    const id = await statement([{ amount: '12.00', account: '499000', counterpartyAccount: 'be71 0961 2345 6769', counterpartyName: 'Brouwerij Het Anker NV', communication: 'test' }]);
    const booking = (await t.admin.get(`${t.base}/bookings/${id}`)).body;
    expect(booking.lines.map((l: { kind: string; counterpartyAccount: string; counterpartyName: string }) => [l.kind, l.counterpartyAccount, l.counterpartyName])).toEqual([
      ['bank', IBAN, 'Brouwerij Het Anker NV'],
      ['entry', IBAN, 'Brouwerij Het Anker NV'],
    ]);
    // copy as new keeps them
    const copy = (await t.admin.get(`${t.base}/bookings/${id}/copy`)).body;
    expect(copy.lines[0]).toMatchObject({ counterpartyAccount: IBAN, counterpartyName: 'Brouwerij Het Anker NV' });
  });

  it('F11 moves a suspense payment to the relation of its IBAN and matches the one invoice with that amount', async () => {
    const invoice = await sale(rel.anker, '363.00', 'F-0001');
    await sale(rel.anker, '500.00', 'F-0002');
    const payment = await statement([{ amount: '363.00', account: '499000', counterpartyAccount: IBAN, counterpartyName: 'Het Anker', communication: 'betaling' }]);
    const before = await miscCount();
    const res = await t.admin.post(`${t.base}/matching/auto`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ matched: 1, transfers: 1, proposals: [] });
    expect((await t.admin.get(`${t.base}/matching/bookings/${invoice}/status`)).body.status).toBe('paid');
    // the payment left the suspense account through one miscellaneous booking, on the payment's date
    expect((await suspenseOpen()).some((i) => i.bookingId === payment)).toBe(false);
    expect(await miscCount()).toBe(before + 1);
    const misc = (await t.admin.get(`${t.base}/bookings?kind=miscellaneous`)).body.items[0];
    const moved = (await t.admin.get(`${t.base}/bookings/${misc.id}`)).body;
    expect(moved.date).toBe('2026-02-10');
    expect(moved.lines.map((l: { account: string; amount: number; relationId: number | null }) => [l.account, l.amount, l.relationId])).toEqual([
      ['499000', 36300, null],
      ['400000', -36300, rel.anker],
    ]);
    // what is left of the relation: the other invoice only
    const open: Item[] = (await t.admin.get(`${t.base}/matching/open-items?relationId=${rel.anker}`)).body.items;
    expect(open.map((i) => i.open)).toEqual([50000]);
  });

  it('several invoices of the relation with the amount: a proposal naming the relation, nothing booked; a shared IBAN recognises nobody', async () => {
    await sale(rel.anker, '100.00', 'F-0003');
    await sale(rel.anker, '100.00', 'F-0004');
    await sale(rel.shared1, '77.00', 'F-0005');
    const payment = await statement([
      { amount: '100.00', account: '499000', counterpartyAccount: IBAN, communication: 'betaling' },
      { amount: '77.00', account: '499000', counterpartyAccount: 'BE68539007547034', communication: 'betaling' },
    ]);
    const before = await miscCount();
    const res = await t.admin.post(`${t.base}/matching/auto`, {});
    expect(res.body.matched).toBe(0);
    expect(res.body.proposals).toMatchObject([{ bookingId: payment, by: 'amount', relationId: rel.anker, relationNumber: 'K010', counterpartyAccount: IBAN, open: -10000 }]);
    expect(res.body.proposals[0].candidates).toHaveLength(2);
    expect(await miscCount()).toBe(before);
    expect((await suspenseOpen()).filter((i) => i.bookingId === payment).map((i) => i.open)).toEqual([-10000, -7700]);
  });

  it('a payment booked on another relation is never matched to the IBAN’s relation; F11 for one relation also takes its suspense payments', async () => {
    await sale(rel.anker, '88.00', 'F-0006');
    await statement([{ amount: '88.00', relationId: rel.other, counterpartyAccount: IBAN, communication: 'betaling' }]);
    const first = await t.admin.post(`${t.base}/matching/auto`, { relationId: rel.other });
    expect(first.body).toMatchObject({ matched: 0, transfers: 0 });
    // a suspense payment of 500.00 from the IBAN: F11 limited to K010 finds and matches it
    await statement([{ amount: '500.00', account: '499000', counterpartyAccount: IBAN, communication: 'saldo' }]);
    const res = await t.admin.post(`${t.base}/matching/auto`, { relationId: rel.anker });
    expect(res.body).toMatchObject({ matched: 1, transfers: 1 });
    const open: Item[] = (await t.admin.get(`${t.base}/matching/open-items?relationId=${rel.anker}`)).body.items;
    expect(open.map((i) => i.open).sort()).toEqual([10000, 10000, 8800]);
  });

  it('the bank import books a movement from a relation’s IBAN on that relation and matches its one invoice of that amount', async () => {
    const t2 = await ledgerTestContext(engine, { fiscalYearStart: '2009-01-01' });
    try {
      // BE38733040385372 receives 62,095.01 and is paid 2,608.00 in the statement
      const central = await addRelation(t2.env, t2.dossierId, { number: 'R001', name: 'Centrale rekening', kind: 'both' });
      await sql`update relation set iban = 'BE38733040385372' where dossier_id = ${t2.dossierId} and id = ${central}`.execute(t2.env.svc.db);
      const inv = await t2.admin.post(`${t2.base}/bookings`, { type: 'purchase_invoice', date: '2009-02-20', relationId: central, reference: 'CR-1', lines: [{ account: '600000', vatCode: 'A21G', amountInclVat: '2608.00' }] });
      expect(inv.status, JSON.stringify(inv.body)).toBe(201);
      expect((await t2.admin.post(`${t2.base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE86 4070 5141 6150', bic: 'KREDBEBB' })).status).toBe(201);
      const res = await importStatementFile(t2.env.svc, cliActor(t2.officeId), t2.dossierId, { fileName: 'kbc.cod', content: CODA });
      expect(res.statements).toEqual([{ journal: 'KBC', number: '042', bookingId: expect.any(Number), lines: 17, matched: 1, suspense: 15 }]);
      const booking = (await t2.admin.get(`${t2.base}/bookings/${res.statements[0].bookingId}`)).body;
      const entries = booking.lines.filter((l: { kind: string }) => l.kind === 'entry');
      expect(entries.filter((l: { relationId: number | null }) => l.relationId === central).map((l: { account: string; amount: number; counterpartyAccount: string }) => [l.account, l.amount, l.counterpartyAccount])).toEqual([
        ['400000', -6209501, 'BE38733040385372'],
        ['440000', 260800, 'BE38733040385372'],
      ]);
      expect(entries.find((l: { description: string | null }) => l.description?.startsWith('AMERICAN EXPRESS'))).toMatchObject({ account: '499000', counterpartyName: 'AMERICAN EXPRESS' });
      expect((await t2.admin.get(`${t2.base}/matching/bookings/${inv.body.id}/status`)).body.status).toBe('paid');
    } finally {
      await t2.env.close();
    }
  });
});
