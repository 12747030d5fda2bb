import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, loggedIn } from '../../../../test/helpers.ts';
import { ledgerTestContext, type LedgerTestContext } from '../test-support.ts';

describe.each(engines)('fiscal years (%s)', (engine) => {
  let t: LedgerTestContext;
  beforeAll(async () => {
    t = await ledgerTestContext(engine);
  });
  afterAll(() => t?.env.close());

  it('gives a new dossier an opening year with monthly periods, an opening and a closing period', async () => {
    const list = await t.admin.get(`${t.base}/fiscal-years`);
    expect(list.body).toEqual([
      expect.objectContaining({ id: 1, startDate: '2026-01-01', endDate: '2026-12-31', closed: false, vatPeriod: 'monthly', bookings: 0, canChangeStart: true, canChangeEnd: true }),
    ]);
    const year = await t.admin.get(`${t.base}/fiscal-years/1`);
    expect(year.body.periods).toHaveLength(14);
    expect(year.body.periods[3]).toEqual({ periodNo: 3, kind: 'regular', startDate: '2026-03-01', endDate: '2026-03-31', closed: false });
  });

  it('makes the first year longer (up to 24 months) and refuses 25', async () => {
    const ok = await t.admin.patch(`${t.base}/fiscal-years/1`, { startDate: '2025-07-01', endDate: '2026-12-31', vatPeriod: 'quarterly' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ startDate: '2025-07-01', endDate: '2026-12-31', vatPeriod: 'quarterly' });
    expect(ok.body.periods.filter((p: { kind: string }) => p.kind === 'regular')).toHaveLength(18);
    const tooLong = await t.admin.patch(`${t.base}/fiscal-years/1`, { startDate: '2024-12-01' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('ledger.fiscal_year_too_long');
  });

  it('starts the next year the day after the previous one ends and then locks the end of the previous', async () => {
    const next = await t.admin.post(`${t.base}/fiscal-years`, {});
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ startDate: '2027-01-01', endDate: '2027-12-31', vatPeriod: 'quarterly' });
    const gap = await t.admin.post(`${t.base}/fiscal-years`, { startDate: '2028-02-01' });
    expect(gap.status).toBe(400);
    expect(gap.body.code).toBe('ledger.fiscal_year_must_follow');
    const end = await t.admin.patch(`${t.base}/fiscal-years/1`, { endDate: '2026-11-30' });
    expect(end.status).toBe(409);
    expect(end.body.code).toBe('ledger.fiscal_year_end_locked_next');
    const nextStart = await t.admin.patch(`${t.base}/fiscal-years/${next.body.id}`, { startDate: '2027-02-01' });
    expect(nextStart.status).toBe(409);
    expect(nextStart.body.code).toBe('ledger.fiscal_year_start_locked_previous');
    // The last year's end may still change (a transitional year).
    const longer = await t.admin.patch(`${t.base}/fiscal-years/${next.body.id}`, { endDate: '2028-06-30' });
    expect(longer.body.endDate).toBe('2028-06-30');
  });

  it('adds a year before the first one to hold opening balances, and deletes only an empty edge year', async () => {
    const prev = await t.admin.post(`${t.base}/fiscal-years`, { position: 'previous' });
    expect(prev.body).toMatchObject({ startDate: '2024-07-01', endDate: '2025-06-30' });
    const years = (await t.admin.get(`${t.base}/fiscal-years`)).body;
    expect(years.map((y: { startDate: string }) => y.startDate)).toEqual(['2024-07-01', '2025-07-01', '2027-01-01']);
    const middle = await t.admin.delete(`${t.base}/fiscal-years/1`);
    expect(middle.status).toBe(409);
    expect((await t.admin.delete(`${t.base}/fiscal-years/${prev.body.id}`)).status).toBe(204);
  });

  it('closes and reopens a period and a year, with the fiscal_years right only', async () => {
    const closed = await t.admin.post(`${t.base}/fiscal-years/1/periods/2/close`);
    expect(closed.body.periods[2].closed).toBe(true);
    const reopened = await t.admin.post(`${t.base}/fiscal-years/1/periods/2/reopen`);
    expect(reopened.body.periods[2].closed).toBe(false);
    expect((await t.admin.post(`${t.base}/fiscal-years/1/close`)).body.closed).toBe(true);
    expect((await t.admin.post(`${t.base}/fiscal-years/1/reopen`)).body.closed).toBe(false);
    await t.admin.post('/api/v1/users', { login: 'bookkeeper', password: 'bookkeeper-1', role: 'staff', rights: [{ dossierId: t.dossierId, rights: ['book'] }] });
    const bookkeeper = await loggedIn(t.env.app, 'bookkeeper', 'bookkeeper-1');
    const denied = await bookkeeper.post(`${t.base}/fiscal-years/1/close`);
    expect(denied.status).toBe(403);
    expect(denied.body.message).toContain('fiscal');
  });

  it('keeps a closed month closed when the start of the year moves', async () => {
    const year = (await t.admin.get(`${t.base}/fiscal-years/1`)).body;
    const march = year.periods.find((p: { startDate: string }) => p.startDate === '2026-03-01');
    await t.admin.post(`${t.base}/fiscal-years/1/periods/${march.periodNo}/close`);
    const closedMonths = (body: { periods: Array<{ kind: string; startDate: string; closed: boolean }> }) =>
      body.periods.filter((p) => p.kind === 'regular' && p.closed).map((p) => p.startDate);
    const later = await t.admin.patch(`${t.base}/fiscal-years/1`, { startDate: '2025-10-01' });
    expect(later.status).toBe(200);
    expect(closedMonths(later.body)).toEqual(['2026-03-01']);
    const back = await t.admin.patch(`${t.base}/fiscal-years/1`, { startDate: '2025-07-01' });
    expect(closedMonths(back.body)).toEqual(['2026-03-01']);
  });
});
