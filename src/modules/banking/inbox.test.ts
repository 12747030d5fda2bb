/**
 * The bank inbox and the daily automatic import, with a controllable clock and a real SMTP server on
 * loopback: files dropped in the watched folder (and one uploaded through the API) are routed by account
 * and imported by the daily job; a file whose opening balance does not match is mailed as an import
 * error (in the dossier language, to the mandate's address, with what to check), offered again every
 * Saturday, imported without anyone acting once the missing statement is booked; a file that keeps
 * failing is dropped after a month with a last notice. A file whose account is in no dossier waits in the
 * inbox with that account, is notified once to the installation's NOTIFY_EMAIL, and is imported by the
 * next Saturday run once the financial journal with that IBAN exists. The daily run is at 06:00 in
 * Brussels (05:00 UTC in winter, 04:00 UTC in summer), Saturdays are Brussels Saturdays.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../core/clock.ts';
import { createTestEnv, engines, loggedIn, seedOffice, type ApiClient, type TestEnv } from '../../../test/helpers.ts';
import { upload } from '../../../test/relations/http.ts';
import { codaFile } from '../../../test/bank/coda-file.ts';
import { runDueJobs, startScheduler } from '../jobs/jobs.ts';
import { INBOX_JOB, nextSaturday, oneMonthAfter, runInbox } from './inbox.ts';
import { startSmtp } from '../../../test/smtp.ts';

const CORPUS = new URL('../../../../shared/corpus/coda/', import.meta.url);
const single = fs.readFileSync(new URL('pycoda_Coda_v2_3_single_statement.txt', CORPUS), 'latin1');
const otherAccount = fs.readFileSync(new URL('tryton_account_statement_coda_CODA.txt', CORPUS), 'latin1');

/** The KBC statement 042 (BE86407051416150, 2009-03-05; movements net to zero) with another number and balances. */
function statement(number: string, balance: string): string {
  const amount = balance.replace('.', '').padStart(14, '0') + '0';
  return single
    .split('\r\n')
    .map((l) => {
      if (l.startsWith('1')) return l.slice(0, 2) + number + l.slice(5, 43) + amount + l.slice(58, 125) + number;
      if (l.startsWith('8')) return l.slice(0, 1) + number + l.slice(4, 42) + amount + l.slice(57);
      return l;
    })
    .join('\r\n');
}


const at = (isoDate: string) => new Date(`${isoDate}T05:00:00Z`);

describe('inbox dates', () => {
  it('offers a failed file again on the next Saturday in Brussels (from midnight CET/CEST), for one calendar month', () => {
    expect(nextSaturday(new Date('2026-03-16T05:00:00Z')).toISOString()).toBe('2026-03-20T23:00:00.000Z'); // Monday → Saturday 00:00 CET
    expect(nextSaturday(new Date('2026-03-21T05:00:00Z')).toISOString()).toBe('2026-03-27T23:00:00.000Z'); // Saturday → next one
    expect(nextSaturday(new Date('2026-03-20T22:59:00Z')).toISOString()).toBe('2026-03-20T23:00:00.000Z'); // Friday 23:59 in Brussels
    expect(nextSaturday(new Date('2026-03-20T23:59:00Z')).toISOString()).toBe('2026-03-27T23:00:00.000Z'); // already Saturday in Brussels
    expect(nextSaturday(new Date('2026-03-30T04:00:00Z')).toISOString()).toBe('2026-04-03T22:00:00.000Z'); // summer time: 00:00 CEST
    expect(oneMonthAfter(new Date('2026-01-31T05:00:00Z')).toISOString()).toBe('2026-02-28T05:00:00.000Z');
    expect(oneMonthAfter(new Date('2026-03-16T05:00:00Z')).toISOString()).toBe('2026-04-16T05:00:00.000Z');
  });
});

describe.each(engines)('bank inbox and the daily import (%s)', (engine) => {
  let env: TestEnv;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let admin: ApiClient;
  let dossierId: number;
  let journalId: number;
  const clock = new FixedClock(new Date('2026-03-16T04:00:00Z')); // a Monday
  const inboxDir = () => env.config.bankInboxDir;
  const entries = async () => (await admin.get('/api/v1/bank/inbox')).body as Array<Record<string, any>>;
  const entry = async (fileName: string) => (await entries()).find((e) => e.fileName === fileName)!;
  const bookings = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from bank_statement_import where dossier_id = ${dossierId}`.execute(env.svc.db)).rows[0].n;

  beforeAll(async () => {
    smtp = await startSmtp();
    env = await createTestEnv(
      engine,
      { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'Argonaut <noreply@kantoor.example>', notifyEmail: 'beheer@kantoor.example', sessionIdleMinutes: 60 * 24 * 365 },
      clock,
    );
    await seedOffice(env.svc);
    admin = await loggedIn(env.app);
    const d = await admin.post('/api/v1/dossiers', { name: 'Bakkerij Janssens BV', fiscalYearStart: '2009-01-01', language: 'nl', email: 'info@janssens.be', modules: { bank: true } });
    dossierId = d.body.id;
    const j = await admin.post(`/api/v1/dossiers/${dossierId}/journals`, { code: 'KBC', name: 'KBC zicht', type: 'financial', iban: 'BE86 4070 5141 6150', bic: 'KREDBEBB' });
    journalId = j.body.id;
    const m = await admin.post(`/api/v1/dossiers/${dossierId}/bank/mandates`, { journalId, kind: 'internal', errorEmail: 'fouten@janssens.be' });
    expect(m.body.status).toBe('requested');
  });
  afterAll(async () => {
    await env?.close();
    if (smtp) await smtp.close();
  });

  it('takes files from the watched folder and the API upload only when the daily job is due', async () => {
    fs.mkdirSync(inboxDir(), { recursive: true });
    // statement 042 opens at 500.00, but the journal is still at 0.00: statement 041 was never booked
    fs.writeFileSync(path.join(inboxDir(), 'kbc-042.cod'), statement('042', '500.00'), 'latin1');
    // statement 043 opens at 9999.00: it will never match
    fs.writeFileSync(path.join(inboxDir(), 'kbc-043.cod'), statement('043', '9999.00'), 'latin1');
    fs.writeFileSync(path.join(inboxDir(), 'still-copying.cod.part'), 'half a file', 'latin1');
    const up = await upload(admin, '/api/v1/bank/inbox', { name: 'onbekend.cod', content: otherAccount });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.entry).toMatchObject({ fileName: 'onbekend.cod', source: 'upload', status: 'pending', dossierId: null });
    // the same content again is not added twice
    expect((await upload(admin, '/api/v1/bank/inbox', { name: 'nog-eens.cod', content: otherAccount })).body).toMatchObject({ duplicate: true, entry: { id: up.body.entry.id } });
    // something that is not a statement file is refused at once, naming the file
    const bad = await upload(admin, '/api/v1/bank/inbox', { name: 'lijst.csv', content: 'Datum;Bedrag\n' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('lijst.csv');

    expect(await runDueJobs(env.svc)).toEqual([]); // 04:00 UTC is 05:00 in Brussels: the daily run is at 06:00
    expect(fs.existsSync(path.join(inboxDir(), 'kbc-042.cod'))).toBe(true);
  });

  it('the daily run routes the files by account, mails each import error with what to check, and keeps them for Saturday', async () => {
    clock.set(new Date('2026-03-16T04:59:00Z')); // 05:59 in Brussels
    expect(await runDueJobs(env.svc)).toEqual([]);
    clock.set(at('2026-03-16'));
    const runs = await runDueJobs(env.svc);
    expect(runs).toEqual([{ name: INBOX_JOB, ok: true, result: { received: 2, attempted: 3, imported: 0, failed: 3, dropped: 0 } }]);
    expect(fs.readdirSync(inboxDir()).sort()).toEqual(['archive', 'still-copying.cod.part']);
    expect(fs.readdirSync(path.join(inboxDir(), 'archive', '2026-03-16')).map((n) => n.replace(/^\d+-/, '')).sort()).toEqual(['kbc-042.cod', 'kbc-043.cod']);

    const a = await entry('kbc-042.cod');
    expect(a).toMatchObject({
      source: 'folder', dossierId, dossierName: 'Bakkerij Janssens BV', account: 'BE86 4070 5141 6150', status: 'failed',
      errorCode: 'banking.opening_mismatch', attempts: 1, nextAttemptAt: '2026-03-20T23:00:00.000Z', dropAt: '2026-04-16T05:00:00.000Z',
    });
    expect(a.message).toContain('588888'); // Dutch: the dossier language
    // the file of no dossier waits in the inbox with its account and what to do
    const unknown = await entry('onbekend.cod');
    expect(unknown).toMatchObject({
      status: 'failed', errorCode: 'bank_inbox.account_unknown', dossierId: null, dossierName: null, account: 'BE47 4350 0000 0080',
      attempts: 1, nextAttemptAt: '2026-03-20T23:00:00.000Z', dropAt: '2026-04-16T05:00:00.000Z',
    });
    expect(unknown.message).toContain('BE47 4350 0000 0080');
    expect(unknown.message).toContain('financieel dagboek aan');

    // one mail per routed file, to the mandate's address, in Dutch; the file of no dossier to the installation's notification address
    expect(smtp.received.map((r) => r.envelopeTo)).toEqual([['beheer@kantoor.example'], ['fouten@janssens.be'], ['fouten@janssens.be']]);
    const notice = smtp.received[0].mail;
    // the installation's address has no known language: Dutch and French in the subject, the text in Dutch, French and English
    expect(notice.subject).toBe('Argonaut: CODA-bestand zonder dossier — rekening BE47 4350 0000 0080 — onbekend.cod / Argonaut : fichier CODA sans dossier — compte BE47 4350 0000 0080 — onbekend.cod');
    expect(notice.text).toContain('aan geen enkel dossier toegewezen');
    expect(notice.text).toContain('Maak daar een financieel dagboek aan');
    expect(notice.text).toContain('elke zaterdag opnieuw aangeboden (tot 2026-04-16)');
    expect(notice.text).toContain("n'a pu être attribué à aucun dossier");
    expect(notice.text).toContain('could not route the file onbekend.cod (account BE47 4350 0000 0080) to any dossier');
    expect(notice.text!.indexOf('Gelieve te controleren')).toBeLessThan(notice.text!.indexOf('Veuillez vérifier'));
    expect(notice.text!.indexOf('Veuillez vérifier')).toBeLessThan(notice.text!.indexOf('Please check'));
    const { mail } = smtp.received[1];
    expect(mail.subject).toBe('Argonaut: CODA import error — Bakkerij Janssens BV — kbc-042.cod');
    expect(mail.text).toContain('Gelieve te controleren');
    expect(mail.text).toContain('eindsaldo van uw laatste financiële boeking');
    expect(mail.text).toContain('elke zaterdag opnieuw aangeboden (tot 2026-04-16)');
    expect(await bookings()).toBe(0);
  });

  it('offers a failed file again only on Saturdays, without mailing the same error again', async () => {
    for (const d of ['2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20']) {
      clock.set(at(d));
      const [run] = await runDueJobs(env.svc);
      expect(run.result).toMatchObject({ attempted: 0 });
    }
    expect((await entry('kbc-042.cod')).attempts).toBe(1);
    clock.set(at('2026-03-21'));
    const [run] = await runDueJobs(env.svc);
    expect(run.result).toMatchObject({ attempted: 3, failed: 3 });
    expect(await entry('kbc-042.cod')).toMatchObject({ status: 'failed', attempts: 2, nextAttemptAt: '2026-03-27T23:00:00.000Z' });
    expect(await entry('onbekend.cod')).toMatchObject({ status: 'failed', attempts: 2, errorCode: 'bank_inbox.account_unknown' });
    expect(smtp.received).toHaveLength(3); // the same errors are not mailed again, nor the notice of the file of no dossier
  });

  it('imports the file on the next Saturday once the missing statement is booked, without anyone acting', async () => {
    clock.set(new Date('2026-03-23T10:00:00Z'));
    const suspense = (await sql<{ account: string }>`select account from fixed_account where dossier_id = ${dossierId} and role = 'coda_suspense'`.execute(env.svc.db)).rows[0].account;
    const missing = await admin.post(`/api/v1/dossiers/${dossierId}/bookings`, {
      type: 'financial_statement', journalId, date: '2009-03-04', statementNumber: '041', openingBalance: '0.00', closingBalance: '500.00',
      lines: [{ amount: '500.00', account: suspense, description: 'uittreksel 041' }],
    });
    expect(missing.status, JSON.stringify(missing.body)).toBe(201);
    // the account of the file of no dossier gets its financial journal in the right dossier
    const tryton = await admin.post('/api/v1/dossiers', { name: 'Brouwerij De Kroon BV', fiscalYearStart: '2017-01-01', language: 'nl', modules: { bank: true } });
    const kroonJournal = await admin.post(`/api/v1/dossiers/${tryton.body.id}/journals`, { code: 'ING', name: 'ING zicht', type: 'financial', iban: 'BE47 4350 0000 0080', bic: 'BBRUBEBB' });
    expect(kroonJournal.status, JSON.stringify(kroonJournal.body)).toBe(201);
    clock.set(at('2026-03-24'));
    expect((await runDueJobs(env.svc))[0].result).toMatchObject({ attempted: 0 });
    clock.set(at('2026-03-28'));
    expect((await runDueJobs(env.svc))[0].result).toMatchObject({ attempted: 3, imported: 2, failed: 1 });
    expect(await entry('onbekend.cod')).toMatchObject({ status: 'imported', dossierId: tryton.body.id, dossierName: 'Brouwerij De Kroon BV', account: 'BE47 4350 0000 0080', attempts: 3 });
    const a = await entry('kbc-042.cod');
    expect(a).toMatchObject({ status: 'imported', attempts: 3, nextAttemptAt: null, errorCode: null, finishedAt: '2026-03-28T05:00:00.000Z' });
    expect(a.message).toContain('1 uittreksel(s) geboekt');
    expect(await bookings()).toBe(1);
    // the first file delivered: the requested mandate is active
    const [mandate] = (await admin.get(`/api/v1/dossiers/${dossierId}/bank/mandates`)).body;
    expect(mandate).toMatchObject({ status: 'active', activatedAt: '2026-03-28T05:00:00.000Z' });
    expect(smtp.received).toHaveLength(3);
  });

  it('drops a file that still fails a month after its first failure, with a last notice, and keeps its history', async () => {
    clock.set(at('2026-04-04'));
    await runDueJobs(env.svc);
    expect(await entry('kbc-043.cod')).toMatchObject({ status: 'failed', attempts: 4, nextAttemptAt: '2026-04-10T22:00:00.000Z' }); // Saturday 00:00 CEST
    clock.set(at('2026-04-11'));
    expect((await runDueJobs(env.svc))[0].result).toMatchObject({ attempted: 1, dropped: 1 });
    const b = await entry('kbc-043.cod');
    expect(b).toMatchObject({ status: 'dropped', attempts: 5, nextAttemptAt: null, finishedAt: '2026-04-11T05:00:00.000Z' });
    expect(smtp.received).toHaveLength(4);
    const last = smtp.received[3];
    expect(last.envelopeTo).toEqual(['fouten@janssens.be']);
    expect(last.mail.subject).toBe('Argonaut: CODA-bestand niet ingelezen en verwijderd — Bakkerij Janssens BV — kbc-043.cod');
    expect(last.mail.text).toContain('Laatste bericht');
    expect(last.mail.text).toContain('sinds 2026-03-16');

    const detail = (await admin.get(`/api/v1/bank/inbox/${b.id}`)).body;
    expect(detail.history.map((h: { at: string; outcome: string; mailedTo: string | null }) => [h.at.slice(0, 10), h.outcome, h.mailedTo])).toEqual([
      ['2026-03-16', 'failed', 'fouten@janssens.be'],
      ['2026-03-21', 'failed', null],
      ['2026-03-28', 'failed', null],
      ['2026-04-04', 'failed', null],
      ['2026-04-11', 'dropped', 'fouten@janssens.be'],
    ]);
    clock.set(at('2026-04-18'));
    expect((await runDueJobs(env.svc))[0].result).toMatchObject({ attempted: 0 });
    expect((await admin.get('/api/v1/bank/inbox?status=waiting')).body).toEqual([]);
  });

  it('can be run directly (CLI, tests) and a file can be tried at once from the inbox', async () => {
    clock.set(new Date('2026-04-20T09:00:00Z'));
    fs.writeFileSync(path.join(inboxDir(), 'kbc-044.cod'), statement('044', '9999.00'), 'latin1');
    expect(await runInbox(env.svc)).toEqual({ received: 1, attempted: 1, imported: 0, failed: 1, dropped: 0 });
    const c = await entry('kbc-044.cod');
    const retried = await admin.post(`/api/v1/bank/inbox/${c.id}/attempt`);
    expect(retried.body).toMatchObject({ status: 'failed', attempts: 2 });
    expect(retried.body.history).toHaveLength(2);
  });

  it('refuses to route a file whose account is in the financial journal of several dossiers, naming them', async () => {
    for (const name of ['Garage Peeters BV', 'Garage Peeters VOF']) {
      const d = await admin.post('/api/v1/dossiers', { name, fiscalYearStart: '2026-01-01' });
      expect((await admin.post(`/api/v1/dossiers/${d.body.id}/journals`, { code: 'BEL', name: 'Belfius', type: 'financial', iban: 'BE71 0961 2345 6769', bic: 'GKCCBEBB' })).status).toBe(201);
    }
    const file = codaFile({ iban: 'BE71096123456769', sequence: '012', date: '2026-04-17', opening: 0, movements: [{ amount: 1500, communication: 'huur' }] });
    expect((await upload(admin, '/api/v1/bank/inbox', { name: 'belfius-012.cod', content: file })).status).toBe(201);
    await runInbox(env.svc);
    const e = await entry('belfius-012.cod');
    expect(e).toMatchObject({ status: 'failed', errorCode: 'bank_inbox.account_ambiguous', dossierId: null });
    expect(e.message).toContain('Garage Peeters BV');
    expect(e.message).toContain('Garage Peeters VOF');
  });

  it('shows the inbox only to the office, and a dossier’s files only to users of that dossier', async () => {
    await admin.post('/api/v1/users', { login: 'jan', displayName: 'Jan', email: 'jan@kantoor.be', password: 'jan-pass-1234', role: 'staff' });
    const jan = await loggedIn(env.app, 'jan', 'jan-pass-1234');
    expect((await jan.get('/api/v1/bank/inbox')).body).toEqual([]);
    const id = (await entry('kbc-044.cod')).id;
    expect((await jan.get(`/api/v1/bank/inbox/${id}`)).status).toBe(404);
  });
});

describe.each(engines)('jobs table (%s)', (engine) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(engine, {}, new FixedClock(new Date('2026-03-16T06:00:00Z')));
  });
  afterAll(() => env?.close());

  it('the server’s scheduler runs the daily import once it is due, on the services’ clock', async () => {
    (env.clock as FixedClock).set(new Date('2026-03-20T05:00:00Z'));
    await env.svc.db.insertInto('job').values({ name: INBOX_JOB, run_at: new Date('2026-03-20T05:00:00Z') }).onConflict((oc) => oc.column('name').doUpdateSet({ run_at: new Date('2026-03-20T05:00:00Z') })).execute();
    const ran: string[] = [];
    const stop = startScheduler(env.svc, { intervalMs: 50, onRun: (runs) => ran.push(...runs.map((r) => r.name)) });
    try {
      await expect.poll(() => ran, { timeout: 30_000 }).toEqual([INBOX_JOB]);
    } finally {
      stop();
    }
    const row = await env.svc.db.selectFrom('job').selectAll().where('name', '=', INBOX_JOB).executeTakeFirstOrThrow();
    expect(new Date(row.run_at).toISOString()).toBe('2026-03-21T05:00:00.000Z');
    await env.svc.db.deleteFrom('job').execute();
    (env.clock as FixedClock).set(new Date('2026-03-16T06:00:00Z'));
  });

  it('a job claimed by another process (lease) is not run twice', async () => {
    await runDueJobs(env.svc); // creates the row: next run tomorrow 05:00
    const row = await env.svc.db.selectFrom('job').selectAll().where('name', '=', INBOX_JOB).executeTakeFirstOrThrow();
    expect(new Date(row.run_at).toISOString()).toBe('2026-03-17T05:00:00.000Z');
    (env.clock as FixedClock).set(new Date('2026-03-17T05:00:00Z'));
    await env.svc.db.updateTable('job').set({ locked_until: new Date('2026-03-17T05:30:00Z'), locked_by: 'other-host:1' }).where('name', '=', INBOX_JOB).execute();
    expect(await runDueJobs(env.svc)).toEqual([]);
    // the other process crashed: once its lease has expired, the job is taken over
    (env.clock as FixedClock).set(new Date('2026-03-17T06:00:00Z'));
    expect((await runDueJobs(env.svc)).map((r) => r.name)).toEqual([INBOX_JOB]);
    const after = await env.svc.db.selectFrom('job').selectAll().where('name', '=', INBOX_JOB).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ locked_until: null, runs: 1 });
    expect(new Date(after.run_at).toISOString()).toBe('2026-03-18T05:00:00.000Z');
  });

  it('runs the daily import at 06:00 on Brussels clocks, also across the change to summer and to winter time', async () => {
    const clock = env.clock as FixedClock;
    const runAt = async () => new Date((await env.svc.db.selectFrom('job').select('run_at').where('name', '=', INBOX_JOB).executeTakeFirstOrThrow()).run_at).toISOString();
    const ran = async () => (await runDueJobs(env.svc)).map((r) => r.name);
    await env.svc.db.deleteFrom('job').execute();
    clock.set(new Date('2026-03-27T12:00:00Z'));
    expect(await ran()).toEqual([]);
    expect(await runAt()).toBe('2026-03-28T05:00:00.000Z'); // Saturday 06:00 CET
    clock.set(new Date('2026-03-28T05:00:00Z'));
    expect(await ran()).toEqual([INBOX_JOB]);
    expect(await runAt()).toBe('2026-03-29T04:00:00.000Z'); // Sunday 29 March, the clocks went forward: 06:00 CEST
    clock.set(new Date('2026-03-29T03:59:00Z'));
    expect(await ran()).toEqual([]);
    clock.set(new Date('2026-03-29T04:00:00Z'));
    expect(await ran()).toEqual([INBOX_JOB]);
    expect(await runAt()).toBe('2026-03-30T04:00:00.000Z');

    clock.set(new Date('2026-10-24T04:00:00Z')); // Saturday 24 October 06:00 CEST (the run was overdue since March)
    expect(await ran()).toEqual([INBOX_JOB]);
    expect(await runAt()).toBe('2026-10-25T05:00:00.000Z'); // Sunday 25 October, the clocks went back: 06:00 CET
    clock.set(new Date('2026-10-25T04:00:00Z')); // 05:00 CET
    expect(await ran()).toEqual([]);
    clock.set(new Date('2026-10-25T05:00:00Z'));
    expect(await ran()).toEqual([INBOX_JOB]);
    expect(await runAt()).toBe('2026-10-26T05:00:00.000Z');
  });

  it('follows a changed BANK_INBOX_TIME from the next run on', async () => {
    const clock = env.clock as FixedClock;
    clock.set(new Date('2026-10-26T00:00:00Z'));
    const before = env.svc.config.bankInboxTime;
    env.svc.config.bankInboxTime = '07:30';
    try {
      expect(await runDueJobs(env.svc)).toEqual([]);
      const row = await env.svc.db.selectFrom('job').select('run_at').where('name', '=', INBOX_JOB).executeTakeFirstOrThrow();
      expect(new Date(row.run_at).toISOString()).toBe('2026-10-26T06:30:00.000Z'); // 07:30 CET
    } finally {
      env.svc.config.bankInboxTime = before;
    }
  });
});

// PostgreSQL only: PGlite has one connection, so a second transaction cannot hold the row meanwhile.
for (const engine of engines.filter((e) => e === 'postgres')) {
  describe(`jobs table under concurrency (${engine})`, () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine, {}, new FixedClock(new Date('2026-03-18T05:00:00Z')));
      await runDueJobs(env.svc);
      (env.clock as FixedClock).set(new Date('2026-03-19T05:00:00Z'));
    });
    afterAll(() => env?.close());

    it('skips a job row locked by a concurrent transaction (FOR UPDATE SKIP LOCKED)', async () => {
      await env.svc.db.transaction().execute(async (trx) => {
        await sql`select name from job where name = ${INBOX_JOB} for update`.execute(trx);
        // another connection of the pool: the locked row is skipped, not waited for
        expect(await runDueJobs(env.svc)).toEqual([]);
      });
      expect((await runDueJobs(env.svc)).map((r) => r.name)).toEqual([INBOX_JOB]);
    });
  });
}
