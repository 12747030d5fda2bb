import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers.ts';
import { upload } from '../../../test/relations/http.ts';
import { codaFile } from '../../../test/bank/coda-file.ts';
import type { AppError } from '../../core/errors.ts';
import { makeOgm } from '../../core/ogm.ts';
import { describeError } from '../../core/i18n/index.ts';
import { setFixedAccount } from '../ledger/accounts/fixed-accounts.ts';
import { bookOpeningBankBalance } from '../ledger/bookings/opening-balance.ts';
import { addRelation, ledgerTestContext, type LedgerTestContext } from '../ledger/test-support.ts';
import { cliActor } from '../users/offices.ts';
import { importStatementFile } from './import-statement.ts';

const CORPUS = new URL('../../../../shared/corpus/coda/', import.meta.url);
const original = readFileSync(new URL('pycoda_Coda_v2_3_single_statement.txt', CORPUS), 'latin1');
// KBC statement 042 of BE86407051416150, 2009-03-05, opening 0.00, 17 movements; the first one
// (a credit of 20.00) is given the structured communication of our sales invoice.
const OGM = makeOgm('0000012345');
const withOgm = (() => {
  const lines = original.split('\r\n');
  const i = lines.findIndex((l) => l.startsWith('21'));
  const l = lines[i];
  lines[i] = l.slice(0, 61) + '1' + ('101' + OGM).padEnd(53, ' ') + l.slice(115);
  return lines.join('\r\n');
})();

describe.each(engines)('bank statement import (%s)', (engine) => {
  let t: LedgerTestContext;
  let actor: ReturnType<typeof cliActor>;
  let journalId: number;
  let customer: number;
  const run = (content: string, fileName = 'kbc.cod') => importStatementFile(t.env.svc, actor, t.dossierId, { fileName, content });
  const counts = async () => {
    const r = await sql<{ n: number; i: number }>`
      select (select count(*) from booking where dossier_id = ${t.dossierId} and kind = 'financial_statement')::int as n,
             (select count(*) from bank_statement_import where dossier_id = ${t.dossierId})::int as i`.execute(t.env.svc.db);
    return r.rows[0];
  };
  const failure = async (p: Promise<unknown>) => {
    const e = (await p.then(() => null, (err) => err)) as AppError;
    expect(e, 'expected an error').not.toBeNull();
    return e;
  };

  beforeAll(async () => {
    t = await ledgerTestContext(engine, { fiscalYearStart: '2009-01-01' });
    actor = cliActor(t.officeId);
    customer = await addRelation(t.env, t.dossierId, { number: 'K001', name: 'Stora Enso', kind: 'customer' });
  });
  afterAll(() => t?.env.close());

  it('refuses a file that is neither CODA nor camt.053, naming the file', async () => {
    const e = await failure(run('Datum;Bedrag\n2009-03-05;20,00\n', 'export.csv'));
    expect(e.code).toBe('banking.file_unknown_format');
    expect(describeError(e, 'en').message).toContain('export.csv');
  });

  it('refuses a file whose account has no financial journal, saying where to create one; nothing is written', async () => {
    const e = await failure(run(original));
    expect(e.code).toBe('banking.journal_not_found');
    expect(describeError(e, 'nl').message).toContain('Beheer → Dagboeken');
    expect(describeError(e, 'en').message).toContain('BE86407051416150');
    expect(describeError(e, 'fr').message).toContain('IBAN');
    expect(await counts()).toEqual({ n: 0, i: 0 });
    const res = await t.admin.post(`${t.base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE86 4070 5141 6150', bic: 'KREDBEBB' });
    expect(res.status).toBe(201);
    journalId = res.body.id;
  });

  it('refuses when the CODA suspense account is not among the fixed accounts', async () => {
    const before = (await sql<{ account: string }>`select account from fixed_account where dossier_id = ${t.dossierId} and role = 'coda_suspense'`.execute(t.env.svc.db)).rows[0]?.account;
    expect(before).toBeTruthy();
    await setFixedAccount(t.env.svc, actor, t.dossierId, 'coda_suspense', null);
    const e = await failure(run(original));
    expect(e.code).toBe('banking.suspense_missing');
    expect(describeError(e, 'nl').message).toContain('Vaste rekeningen');
    expect(await counts()).toEqual({ n: 0, i: 0 });
    await setFixedAccount(t.env.svc, actor, t.dossierId, 'coda_suspense', before);
  });

  it('refuses when no open fiscal-year period holds the statement date', async () => {
    const closed = await t.admin.post(`${t.base}/fiscal-years/1/periods/3/close`);
    expect(closed.status).toBeLessThan(300);
    const e = await failure(run(original));
    expect(e.code).toBe('banking.no_fiscal_period');
    expect(describeError(e, 'en').message).toContain('2009-03-05');
    expect(describeError(e, 'nl').message).toContain('volgnummer');
    expect(await counts()).toEqual({ n: 0, i: 0 });
    await t.admin.post(`${t.base}/fiscal-years/1/periods/3/reopen`);
  });

  it('refuses when the journal balance does not match the statement opening balance (opening booked on 588888)', async () => {
    await bookOpeningBankBalance(t.env.svc, actor, t.dossierId, journalId, { date: '2009-01-01', amount: '100.00' });
    const e = await failure(run(original));
    expect(e.code).toBe('banking.opening_mismatch');
    expect(e.params).toMatchObject({ given: '0.00', expected: '100.00' });
    expect(describeError(e, 'nl').message).toContain('588888');
    expect(await counts()).toEqual({ n: 0, i: 0 });
    // correct the starting balance: the bank account was at 0.00
    await bookOpeningBankBalance(t.env.svc, actor, t.dossierId, journalId, { date: '2009-01-01', amount: '-100.00' });
  });

  it('refuses a movement with a non-zero third decimal (the books keep cents; nothing is rounded)', async () => {
    const lines = original.split('\r\n');
    const i = lines.findIndex((l) => l.startsWith('21'));
    lines[i] = lines[i].slice(0, 32) + '000000000020005' + lines[i].slice(47);
    const e = await failure(run(lines.join('\r\n')));
    expect(e.code).toBe('banking.amount_third_decimal');
    expect(e.params).toMatchObject({ number: '042', line: 1, amount: '20.005' });
    expect(describeError(e, 'nl').message).toContain('derde decimaal');
    expect(await counts()).toEqual({ n: 0, i: 0 });
  });

  it('books the statement: the OGM payment on 400000 matched to the sales invoice, the rest on the suspense account', async () => {
    const inv = await t.admin.post(`${t.base}/bookings`, {
      type: 'sales_invoice', date: '2009-02-20', relationId: customer, reference: 'VF-2009-7', structuredCommunication: OGM,
      lines: [{ account: '700000', vatCode: 'V21', amountInclVat: '20.00' }],
    });
    expect(inv.status, JSON.stringify(inv.body)).toBe(201);
    const res = await run(withOgm);
    expect(res.duplicates).toEqual([]);
    expect(res.statements).toEqual([{ journal: 'KBC', number: '042', bookingId: expect.any(Number), lines: 17, matched: 1, suspense: 16 }]);
    const booking = await t.admin.get(`${t.base}/bookings/${res.statements[0].bookingId}`);
    expect(booking.body).toMatchObject({ kind: 'financial_statement', date: '2009-03-05' });
    const entries = booking.body.lines.filter((l: { kind: string }) => l.kind === 'entry');
    expect(entries[0]).toMatchObject({ account: '400000', relationId: customer, structuredCommunication: OGM });
    const open = await sql<{ n: number }>`
      select count(*)::int as n from match m join match_line ml on ml.dossier_id = m.dossier_id and ml.match_id = m.id
      where m.dossier_id = ${t.dossierId} and m.method = 'ogm'`.execute(t.env.svc.db);
    expect(open.rows[0].n).toBe(2);
    expect(await counts()).toEqual({ n: 1, i: 1 });
  });

  it('importing the same statement again books nothing and says so', async () => {
    const res = await run(withOgm, 'again.cod');
    expect(res.statements).toEqual([]);
    expect(res.duplicates).toEqual([expect.objectContaining({ journal: 'KBC', number: '042', account: 'BE86407051416150' })]);
    expect(res.duplicates[0].message).toContain('already imported');
    expect(await counts()).toEqual({ n: 1, i: 1 });
  });

  it('API: POST /bank/import takes the file as multipart; a known statement comes back under duplicates, an unknown account as a 400 in Dutch', async () => {
    const again = await upload(t.admin, `${t.base}/bank/import`, { name: 'kbc.cod', content: Buffer.from(withOgm, 'latin1') });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ format: 'coda', statements: [], duplicates: [{ journal: 'KBC', number: '042' }] });
    const other = readFileSync(new URL('oca-7.0_Coda_iban_v2_3_multi_statements.txt', CORPUS));
    const res = await upload(t.admin, `${t.base}/bank/import`, { name: 'other.cod', content: other });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('banking.journal_not_found');
    expect(res.body.message).toContain('Beheer → Dagboeken');
    const none = await t.admin.post(`${t.base}/bank/import`, {});
    expect(none.status).toBe(400);
    expect(await counts()).toEqual({ n: 1, i: 1 });
  });
});

describe.each(engines)('bank statement import, camt.053 (%s)', (engine) => {
  let t: LedgerTestContext;
  const CAMT = new URL('../../../../shared/corpus/iso20022/samples/camt053/', import.meta.url);
  const file = (name: string) => readFileSync(new URL(name, CAMT));
  beforeAll(async () => {
    t = await ledgerTestContext(engine, { fiscalYearStart: '2024-01-01' });
    const res = await t.admin.post(`${t.base}/journals`, { code: 'BNK', name: 'Bank', type: 'financial', iban: 'BE68793230773034', bic: 'GEBABEBB' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
  afterAll(() => t?.env.close());

  it('books a camt.053 statement on the suspense account, then refuses a later statement whose opening balance does not follow', async () => {
    const actor = cliActor(t.officeId);
    const h1 = await importStatementFile(t.env.svc, actor, t.dossierId, { fileName: 'h1.xml', content: file('be-anon__camt053v02__BE68793230773034__2024-H1.xml') });
    expect(h1.format).toBe('camt.053');
    expect(h1.statements).toEqual([{ journal: 'BNK', number: 'MSG68568579-WRFUIK', bookingId: expect.any(Number), lines: 462, matched: 0, suspense: 462 }]);
    const booking = await t.admin.get(`${t.base}/bookings/${h1.statements[0].bookingId}`);
    expect(booking.body).toMatchObject({ kind: 'financial_statement', date: '2024-06-30' });
    const oct = await importStatementFile(t.env.svc, actor, t.dossierId, { fileName: 'oct.xml', content: file('be-anon__camt053v02__BE68793230773034__2024-10.xml') }).then(
      () => null,
      (e: AppError) => e,
    );
    expect(oct?.code).toBe('banking.opening_mismatch');
    expect(oct?.params).toMatchObject({ journal: 'BNK', given: '33443.03', expected: '555.29' });
  });
});

describe.each(engines)('a statement of more than 5,000 movements (%s)', (engine) => {
  // A web shop's daily statement: 5,001 movements. A booking holds at most 5,000 lines, so the statement is
  // booked as two consecutive financial bookings with the same number and date whose balances chain.
  let t: LedgerTestContext;
  let actor: ReturnType<typeof cliActor>;
  let customer: number;
  const IBAN = 'BE68539007547034';
  const SHOP_OGM = makeOgm('0000054321');
  const movements = (n: number, seed: number) =>
    Array.from({ length: n }, (_, i) => ({ amount: ((i * 7919 + seed) % 9000) + 100 - (i % 4 === 0 ? 5000 : 0), communication: `bestelling ${seed}-${i + 1}` }));
  const sum = (ms: Array<{ amount: number }>) => ms.reduce((s, m) => s + m.amount, 0);
  const euros = (cents: number) => (cents / 100).toFixed(2);
  const statements = async () =>
    (
      await sql<{ id: number; number: number; statement_number: string; date: string; description: string; opening: number; closing: number; lines: number }>`
        select b.id, b.number, b.statement_number, to_char(b.date, 'YYYY-MM-DD') as date, b.description, b.statement_opening::int as opening, b.statement_closing::int as closing,
          (select count(*)::int from booking_line l where l.dossier_id = b.dossier_id and l.booking_id = b.id) as lines
        from booking b where b.dossier_id = ${t.dossierId} and b.kind = 'financial_statement' order by b.id`.execute(t.env.svc.db)
    ).rows;
  const counts = async () =>
    (
      await sql<{ n: number; i: number }>`
        select (select count(*) from booking where dossier_id = ${t.dossierId} and kind = 'financial_statement')::int as n,
               (select count(*) from bank_statement_import where dossier_id = ${t.dossierId})::int as i`.execute(t.env.svc.db)
    ).rows[0];

  // statement 001: 5,001 movements, the last one pays a sales invoice by its structured communication
  const first = movements(5000, 1);
  first.push({ amount: 24200, communication: '', ogm: SHOP_OGM } as (typeof first)[number] & { ogm: string });
  const firstClosing = sum(first);

  beforeAll(async () => {
    t = await ledgerTestContext(engine, { fiscalYearStart: '2026-01-01' });
    actor = cliActor(t.officeId);
    customer = await addRelation(t.env, t.dossierId, { number: 'K001', name: 'Koffiebar Zuid', kind: 'customer' });
    const j = await t.admin.post(`${t.base}/journals`, { code: 'BNK', name: 'Webshop bank', type: 'financial', iban: IBAN, bic: 'KREDBEBB' });
    expect(j.status, JSON.stringify(j.body)).toBe(201);
    const inv = await t.admin.post(`${t.base}/bookings`, {
      type: 'sales_invoice', date: '2026-03-02', relationId: customer, reference: 'VF-2026-12', structuredCommunication: SHOP_OGM,
      lines: [{ account: '700000', vatCode: 'V21', amountInclVat: '242.00' }],
    });
    expect(inv.status, JSON.stringify(inv.body)).toBe(201);
  });
  afterAll(() => t?.env.close());

  it('books it as consecutive bookings of at most 5,000 movements, same number and date, balances chained, matched across the parts', async () => {
    const file = codaFile({ iban: IBAN, sequence: '001', date: '2026-03-10', opening: 0, movements: first });
    const res = await importStatementFile(t.env.svc, actor, t.dossierId, { fileName: 'webshop-001.cod', content: file });
    expect(res.duplicates).toEqual([]);
    expect(res.statements).toHaveLength(1);
    const [st] = res.statements;
    expect(st).toMatchObject({ journal: 'BNK', number: '001', lines: 5001, matched: 1, suspense: 5000 });
    const middle = sum(first.slice(0, 5000));
    expect(st.parts).toEqual([
      { bookingId: st.bookingId, lines: 5000, openingBalance: '0.00', closingBalance: euros(middle) },
      { bookingId: expect.any(Number), lines: 1, openingBalance: euros(middle), closingBalance: euros(firstClosing) },
    ]);
    const booked = await statements();
    expect(booked.map((b) => [b.statement_number, b.date, b.description, b.opening, b.closing, b.lines])).toEqual([
      ['001', '2026-03-10', 'CODA webshop-001.cod (1/2)', 0, middle, 10_000],
      ['001', '2026-03-10', 'CODA webshop-001.cod (2/2)', middle, firstClosing, 2],
    ]);
    expect(booked[1].number).toBe(booked[0].number + 1); // consecutive in the journal
    expect(booked.map((b) => b.id)).toEqual(st.parts!.map((p) => p.bookingId));
    // the payment by OGM, in the second part, is booked on the customer and matched with the invoice
    const paid = await sql<{ booking_id: number; account: string; relation_id: number }>`
      select l.booking_id, l.account, l.relation_id from booking_line l join match_line m on m.dossier_id = l.dossier_id and m.booking_id = l.booking_id and m.line_no = l.line_no
      where l.dossier_id = ${t.dossierId} and l.booking_id = ${booked[1].id}`.execute(t.env.svc.db);
    expect(paid.rows).toEqual([{ booking_id: booked[1].id, account: '400000', relation_id: customer }]);
    expect(await counts()).toEqual({ n: 2, i: 1 });
  });

  it('importing the same statement again books nothing and says so', async () => {
    const file = codaFile({ iban: IBAN, sequence: '001', date: '2026-03-10', opening: 0, movements: first });
    const res = await importStatementFile(t.env.svc, actor, t.dossierId, { fileName: 'again.cod', content: file });
    expect(res.statements).toEqual([]);
    expect(res.duplicates).toEqual([expect.objectContaining({ journal: 'BNK', number: '001', account: IBAN })]);
    expect(await counts()).toEqual({ n: 2, i: 1 });
  });

  it('a file is still all or nothing: a long statement followed by one that does not follow books nothing', async () => {
    const long = movements(5003, 2);
    const file =
      codaFile({ iban: IBAN, sequence: '002', date: '2026-03-11', opening: firstClosing, movements: long }) +
      codaFile({ iban: IBAN, sequence: '003', date: '2026-03-12', opening: firstClosing + sum(long) + 100, movements: movements(3, 3) });
    const e = (await importStatementFile(t.env.svc, actor, t.dossierId, { fileName: 'webshop-002-003.cod', content: file }).then(
      () => null,
      (err: AppError) => err,
    ))!;
    expect(e?.code).toBe('banking.opening_mismatch');
    // the statement that does not follow is compared with the closing balance of the last part before it
    expect(e.params).toMatchObject({ number: '003', given: euros(firstClosing + sum(long) + 100), expected: euros(firstClosing + sum(long)) });
    expect(await counts()).toEqual({ n: 2, i: 1 });
  });

  it('the next statement opens at the closing balance of the last part', async () => {
    const long = movements(5003, 2);
    const file =
      codaFile({ iban: IBAN, sequence: '002', date: '2026-03-11', opening: firstClosing, movements: long }) +
      codaFile({ iban: IBAN, sequence: '003', date: '2026-03-12', opening: firstClosing + sum(long), movements: movements(3, 3) });
    const res = await importStatementFile(t.env.svc, actor, t.dossierId, { fileName: 'webshop-002-003.cod', content: file });
    expect(res.statements.map((s) => [s.number, s.lines, s.parts?.map((p) => p.lines)])).toEqual([
      ['002', 5003, [5000, 3]],
      ['003', 3, undefined],
    ]);
    const booked = await statements();
    expect(booked.map((b) => [b.statement_number, b.opening, b.closing])).toEqual([
      ['001', 0, sum(first.slice(0, 5000))],
      ['001', sum(first.slice(0, 5000)), firstClosing],
      ['002', firstClosing, firstClosing + sum(long.slice(0, 5000))],
      ['002', firstClosing + sum(long.slice(0, 5000)), firstClosing + sum(long)],
      ['003', firstClosing + sum(long), firstClosing + sum(long) + sum(movements(3, 3))],
    ]);
    expect(await counts()).toEqual({ n: 5, i: 3 });
  });
});
