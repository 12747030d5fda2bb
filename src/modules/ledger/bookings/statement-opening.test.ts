/**
 * GET journals/:id/statement-opening?date=: besides the opening balance, the statement number proposed
 * for that date — the next of the journal's statements of that calendar year, "1" again in a new year
 * (Belgian banks number statements per year), reversed statements not counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../../test/helpers.ts';
import { ledgerTestContext, type LedgerTestContext } from '../test-support.ts';
import { nextStatementNumber } from './statement-opening.ts';

describe.each(engines)('statement opening and proposed number (%s)', (engine) => {
  let t: LedgerTestContext;
  let bank: number;
  beforeAll(async () => {
    t = await ledgerTestContext(engine);
    expect((await t.admin.post(`${t.base}/fiscal-years`, {})).status).toBe(201); // 2027
    bank = (await t.admin.post(`${t.base}/journals`, { code: 'KBC', name: 'KBC', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB' })).body.id;
  });
  afterAll(() => t?.env.close());

  const proposal = async (journalId: number, date: string) => {
    const res = await t.admin.get(`${t.base}/journals/${journalId}/statement-opening?date=${date}`);
    expect(res.status).toBe(200);
    return res.body as { openingBalance: number; statementNumber: string };
  };
  const statement = async (date: string, statementNumber: string, opening: string, amount: string, closing: string) => {
    const res = await t.admin.post(`${t.base}/bookings`, { type: 'financial_statement', journalId: bank, date, statementNumber, openingBalance: opening, closingBalance: closing, lines: [{ amount, account: '658000' }] });
    expect(res.status).toBe(201);
    return res.body as { id: number; statementNumber: string };
  };

  it('proposes 1 for a journal without statements', async () => {
    expect(await proposal(bank, '2026-01-31')).toEqual({ openingBalance: 0, statementNumber: '1' });
    expect(await proposal(bank, '2027-03-31')).toEqual({ openingBalance: 0, statementNumber: '1' });
  });

  it('proposes the next number within a year and 1 in the next year, with the previous closing balance as opening', async () => {
    await statement('2026-01-31', '1', '0.00', '-10.00', '-10.00');
    await statement('2026-12-31', '2', '-10.00', '-5.00', '-15.00');
    expect(await proposal(bank, '2026-12-31')).toEqual({ openingBalance: -1500, statementNumber: '3' });
    // The bank starts again at 1 in January; the balance carries on.
    expect(await proposal(bank, '2027-01-31')).toEqual({ openingBalance: -1500, statementNumber: '1' });

    const jan = await statement('2027-01-31', '1', '-15.00', '-1.00', '-16.00');
    expect(await proposal(bank, '2027-02-28')).toEqual({ openingBalance: -1600, statementNumber: '2' });
    // A statement entered late in the old year follows that year's numbers.
    expect((await proposal(bank, '2026-12-31')).statementNumber).toBe('3');

    // The January statement reversed: it is entered again under its number.
    expect((await t.admin.post(`${t.base}/bookings/${jan.id}/reverse`, { date: '2027-01-31' })).status).toBe(201);
    expect(await proposal(bank, '2027-02-28')).toEqual({ openingBalance: -1500, statementNumber: '1' });
  });

  it('keeps the form of the number: a prefix and leading zeros', () => {
    expect(nextStatementNumber('2026/012')).toBe('2026/013');
    expect(nextStatementNumber('099')).toBe('100');
    expect(nextStatementNumber(null)).toBe('1');
    expect(nextStatementNumber('A')).toBe('');
  });
});
