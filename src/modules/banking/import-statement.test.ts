import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers.ts';
import { upload } from '../../../test/relations/http.ts';
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
