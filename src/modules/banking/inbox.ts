/**
 * The bank inbox and the daily automatic import.
 *
 * Files arrive office- or installation-wide: dropped in the watched folder BANK_INBOX_DIR (routed over
 * every dossier of the installation) or uploaded through the API (routed over the uploader's office).
 * Each file is routed to the dossier whose financial journal has the file's account (IBAN); an account
 * found in no dossier, or in several, is an error on the inbox entry. The daily run (job "bank.inbox",
 * at BANK_INBOX_TIME on Brussels clocks, 06:00 by default, CET or CEST) imports every waiting file with
 * `importStatementFile` (all or nothing).
 *
 * A file that fails stays in the inbox: the error is mailed in the dossier language to the mandate's
 * error address (else the dossier's e-mail address, else the installation's NOTIFY_EMAIL) with the
 * message and what to check; the file is offered again every Saturday (Brussels time) for one month
 * after its first failure and then dropped with a last notice. Once the balances match, the next
 * Saturday run imports it without anyone acting. A file whose account is in no dossier (or in several)
 * lives the same way, shows in the inbox with that account and what to do, and is notified once to
 * NOTIFY_EMAIL when the installation has one (again only with its last notice): once the financial
 * journal with that IBAN exists, the next Saturday run (or "try now") routes and imports it.
 * Folder convention: files whose name starts with "." or ends in .part/.tmp are still being written and
 * are skipped; a file taken in is moved to <BANK_INBOX_DIR>/archive/.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { friendlyFormatIBAN } from 'ibantools';
import { AppError, forbidden, isAppError, notFound, validation, conflict } from '../../core/errors.ts';
import { describeError, translate, type Language } from '../../core/i18n/index.ts';
import type { Db } from '../../db/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { parseCamt053 } from '../../formats/camt/parse.ts';
import { parseCoda } from '../../formats/coda/parse.ts';
import { decodeBankFile, type ParsedStatement } from '../../formats/statement.ts';
import { requireDossier } from '../dossiers/access.ts';
import { dailyAtBrusselsTime, registerJob } from '../jobs/jobs.ts';
import { localDate, nextLocalSaturday, parseLocalTime } from '../jobs/local-time.ts';
import { importStatementFile } from './import-statement.ts';
import { mandateOfJournal } from './mandates.ts';
import type { InboxStatus } from './mandates-schema.ts';
import './mandates-schema.ts';
import './inbox-messages.ts';
import './messages.ts';

export const INBOX_JOB = 'bank.inbox';

export interface InboxEntryView {
  id: number;
  fileName: string;
  source: 'folder' | 'upload';
  size: number;
  dossierId: number | null;
  dossierName: string | null;
  account: string | null;
  status: InboxStatus;
  errorCode: string | null;
  message: string | null;
  attempts: number;
  receivedAt: string;
  firstFailedAt: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  /** The last day a failing file is offered (one month after its first failure). */
  dropAt: string | null;
  finishedAt: string | null;
}
export interface InboxAttemptView {
  attempt: number;
  at: string;
  outcome: 'imported' | 'failed' | 'dropped';
  errorCode: string | null;
  message: string | null;
  mailedTo: string | null;
}
export interface InboxRunResult {
  received: number;
  attempted: number;
  imported: number;
  failed: number;
  dropped: number;
}

// ---------------------------------------------------------------------------------------------- dates

/** The next Saturday strictly after `now`'s day on Brussels clocks, at 00:00 Brussels time (CET or CEST). */
export function nextSaturday(now: Date): Date {
  return nextLocalSaturday(now);
}
/** One calendar month later (31 January → last day of February). */
export function oneMonthAfter(d: Date): Date {
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target;
}
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
/** The calendar day in Belgium (archive folders, dates in mails). */
const day = (d: Date) => localDate(d);

// -------------------------------------------------------------------------------------------- routing

function parseFile(fileName: string, bytes: Uint8Array): ParsedStatement[] {
  const { text } = decodeBankFile(bytes.subarray(0, 8192)); // the head tells the format: no need to decode the whole file twice
  const head = text.trimStart().slice(0, 2000);
  if (head.startsWith('<') && /camt\.053/.test(head)) return parseCamt053(bytes);
  if (/^0000\d/.test(head)) return parseCoda(bytes);
  throw validation('banking.file_unknown_format', { fileName }, [{ field: 'file', code: 'banking.file_unknown_format', params: { fileName } }]);
}

export interface Route {
  officeId: number;
  dossierId: number;
  dossierName: string;
  language: Language;
  dossierEmail: string | null;
  journalId: number;
  account: string;
}

/** The dossier of the file's account(s): the one dossier whose financial journal has that IBAN. */
export async function routeFile(db: Db, officeId: number | null, fileName: string, bytes: Uint8Array): Promise<Route> {
  const statements = parseFile(fileName, bytes);
  if (!statements.length) throw validation('banking.file_empty', { fileName });
  const accounts = [...new Set(statements.map((s) => s.account.replace(/\s+/g, '').toUpperCase()))];
  let q = db
    .selectFrom('journal as j')
    .innerJoin('dossier as d', 'd.id', 'j.dossier_id')
    .select(['j.dossier_id', 'j.id as journal_id', 'j.iban', 'j.currency', 'd.office_id', 'd.name', 'd.language', 'd.email'])
    .where('j.type', '=', 'financial')
    .where('j.active', '=', true)
    .where('j.iban', 'in', accounts);
  if (officeId != null) q = q.where('d.office_id', '=', officeId);
  const journals = await q.execute();
  const display = (a: string) => friendlyFormatIBAN(a) ?? a;
  let chosen: (typeof journals)[number] | undefined;
  for (const account of accounts) {
    const found = journals.filter((j) => j.iban === account);
    const dossiers = [...new Map(found.map((j) => [j.dossier_id, j.name])).values()];
    if (!dossiers.length) throw validation('bank_inbox.account_unknown', { account: display(account) });
    if (dossiers.length > 1) throw validation('bank_inbox.account_ambiguous', { account: display(account), count: dossiers.length, dossiers: dossiers.join(', ') });
    if (chosen && chosen.dossier_id !== found[0].dossier_id) throw validation('bank_inbox.accounts_several_dossiers', { dossiers: [chosen.name, found[0].name].join(', ') });
    const currency = statements.find((s) => s.account.replace(/\s+/g, '').toUpperCase() === account)?.currency;
    chosen ??= found.find((j) => j.currency === currency) ?? found[0];
  }
  return {
    officeId: chosen!.office_id,
    dossierId: chosen!.dossier_id,
    dossierName: chosen!.name,
    language: chosen!.language,
    dossierEmail: chosen!.email,
    journalId: chosen!.journal_id,
    account: display(chosen!.iban!),
  };
}

// -------------------------------------------------------------------------------------------- receive

/**
 * A file arrives in the inbox. The same content already waiting is not added twice (the waiting entry
 * is returned with duplicate = true). The entry is routed at once when possible (shown in the inbox);
 * routing is done again at each attempt, so a journal created later is found.
 */
export async function receiveInboxFile(
  svc: Services,
  input: { officeId: number | null; source: 'folder' | 'upload'; fileName: string; content: Uint8Array; uploadedBy?: number | null },
): Promise<{ id: number; duplicate: boolean }> {
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const waiting = await svc.db
    .selectFrom('bank_inbox_entry')
    .select('id')
    .where('sha256', '=', sha256)
    .where('status', 'in', ['pending', 'failed'])
    .executeTakeFirst();
  if (waiting) return { id: waiting.id, duplicate: true };
  let route: Route | null = null;
  let unroutedAccount: string | null = null;
  try {
    route = await routeFile(svc.db, input.source === 'upload' ? input.officeId : null, input.fileName, input.content);
  } catch (err) {
    if (!isAppError(err)) throw err;
    unroutedAccount = accountOfRoutingError(err);
  }
  let officeId = route?.officeId ?? input.officeId;
  if (officeId == null) {
    // a folder file of an installation with one office belongs to that office, routed or not
    const offices = await svc.db.selectFrom('office').select('id').limit(2).execute();
    if (offices.length === 1) officeId = offices[0].id;
  }
  try {
    const row = await svc.db
      .insertInto('bank_inbox_entry')
      .values({
        office_id: officeId,
        routed_dossier_id: route?.dossierId ?? null,
        journal_id: route?.journalId ?? null,
        account: route?.account ?? unroutedAccount,
        source: input.source,
        file_name: path.basename(input.fileName),
        content: input.content,
        sha256,
        size: input.content.byteLength,
        status: 'pending',
        received_at: svc.clock.now(),
        uploaded_by: input.uploadedBy ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, duplicate: false };
  } catch (e) {
    if ((e as { code?: string }).code === '23505') {
      const again = await svc.db.selectFrom('bank_inbox_entry').select('id').where('sha256', '=', sha256).where('status', 'in', ['pending', 'failed']).executeTakeFirstOrThrow();
      return { id: again.id, duplicate: true };
    }
    throw e;
  }
}

const skipName = (name: string) => name.startsWith('.') || /\.(part|tmp|crdownload)$/i.test(name);

/** Takes every finished file from the watched folder into the inbox and moves it to archive/. */
export async function scanInboxFolder(svc: Services): Promise<number[]> {
  const dir = svc.config.bankInboxDir;
  await fs.mkdir(dir, { recursive: true });
  const names = (await fs.readdir(dir, { withFileTypes: true })).filter((d) => d.isFile() && !skipName(d.name)).map((d) => d.name).sort();
  const ids: number[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const content = new Uint8Array(await fs.readFile(file));
    const { id } = await receiveInboxFile(svc, { officeId: null, source: 'folder', fileName: name, content });
    const archive = path.join(dir, 'archive', day(svc.clock.now()));
    await fs.mkdir(archive, { recursive: true });
    await fs.rename(file, path.join(archive, `${id}-${name}`));
    ids.push(id);
  }
  return ids;
}

/** The account a file names when no single dossier has it (shown in the inbox), from the routing error. */
function accountOfRoutingError(e: AppError): string | null {
  return ROUTING_ERRORS.has(e.code) && typeof e.params.account === 'string' ? e.params.account : null;
}
const ROUTING_ERRORS = new Set(['bank_inbox.account_unknown', 'bank_inbox.account_ambiguous']);

// -------------------------------------------------------------------------------------------- attempt

function checksFor(code: string, lang: Language): string {
  const key = `bank_inbox.check.${code}`;
  const text = translate(key, lang);
  return text === key ? translate('bank_inbox.check.other', lang) : text;
}

function errorText(e: AppError, lang: Language): string {
  const d = describeError(e, lang);
  const details = d.details.map((x) => x.message).filter((m): m is string => !!m && m !== d.message);
  return [d.message, ...details].join('\n');
}

/**
 * Tries one waiting entry now. The entry is claimed by bumping its attempt counter where it still has
 * the value read (a concurrent run skips it). Returns the outcome, or null when another run took it.
 */
export async function attemptEntry(svc: Services, id: number, seenAttempts: number): Promise<'imported' | 'failed' | 'dropped' | null> {
  const now = svc.clock.now();
  const entry = await svc.db
    .updateTable('bank_inbox_entry')
    .set({ attempts: seenAttempts + 1, last_attempt_at: now })
    .where('id', '=', id)
    .where('attempts', '=', seenAttempts)
    .where('status', 'in', ['pending', 'failed'])
    .returningAll()
    .executeTakeFirst();
  if (!entry) return null;
  const attempt = seenAttempts + 1;
  const content = new Uint8Array(entry.content);
  let route: Route | null = null;
  try {
    route = await routeFile(svc.db, entry.source === 'upload' ? entry.office_id : null, entry.file_name, content);
    await svc.db
      .updateTable('bank_inbox_entry')
      .set({ routed_dossier_id: route.dossierId, journal_id: route.journalId, account: route.account, office_id: route.officeId })
      .where('id', '=', id)
      .execute();
    const actor: Actor = { userId: 0, officeId: route.officeId, role: 'admin', login: 'bank-inbox', language: route.language, via: 'cli' };
    const result = await importStatementFile(svc, actor, route.dossierId, { fileName: entry.file_name, content });
    const message = [
      translate('bank_inbox.imported_summary', route.language, { booked: result.statements.length, duplicates: result.duplicates.length }),
      ...result.duplicates.map((d) => d.message),
    ].join('\n');
    await svc.db
      .updateTable('bank_inbox_entry')
      .set({ status: 'imported', error_code: null, message, next_attempt_at: null, finished_at: now })
      .where('id', '=', id)
      .execute();
    await svc.db.insertInto('bank_inbox_attempt').values({ entry_id: id, attempt, at: now, outcome: 'imported', error_code: null, message, mailed_to: null }).execute();
    // the first file delivered for the account: the bank has activated the requested mandate
    await svc.db
      .updateTable('coda_mandate')
      .set({ status: 'active', activated_at: now })
      .where('dossier_id', '=', route.dossierId)
      .where('journal_id', '=', route.journalId)
      .where('status', '=', 'requested')
      .execute();
    return 'imported';
  } catch (err) {
    const e = isAppError(err) ? err : new AppError('bank_inbox.unexpected', 'internal', { reason: err instanceof Error ? err.message : String(err) });
    const lang: Language = route?.language ?? 'nl';
    const message = errorText(e, lang);
    const firstFailed = entry.first_failed_at ? new Date(entry.first_failed_at) : now;
    const dropAt = oneMonthAfter(firstFailed);
    const next = nextSaturday(now);
    const drop = entry.first_failed_at != null && next.getTime() > dropAt.getTime();

    // who is told: the mandate's error address, else the dossier's e-mail address, else the installation's
    // notification address (NOTIFY_EMAIL) — the only one for a file that no dossier could take
    let to: string | null = null;
    if (route) {
      const mandate = await mandateOfJournal(svc.db, route.dossierId, route.journalId);
      to = mandate?.error_email ?? route.dossierEmail ?? null;
    }
    to ??= svc.config.notifyEmail ?? null;
    // once per error (a new error is told again) and with the last notice: not at every Saturday retry
    const mailNow = drop || entry.first_failed_at == null || entry.error_code !== e.code;
    const account = route?.account ?? accountOfRoutingError(e) ?? entry.account;
    let mailedTo: string | null = null;
    if (to && mailNow) {
      const params = (l: Language) => ({
        file: entry.file_name,
        account: account ?? '?',
        dossier: route?.dossierName ?? '',
        message: l === lang ? message : errorText(e, l),
        checks: checksFor(e.code, l),
        until: day(dropAt),
        since: day(firstFailed),
      });
      const kind = route ? (drop ? 'dropped' : 'error') : drop ? 'unrouted_dropped' : 'unrouted';
      // a dossier's notice in the dossier's language; a file of no dossier goes to the installation's
      // address, whose reader's language nobody knows: Dutch, French and English, one after the other
      const languages: Language[] = route ? [lang] : ['nl', 'fr', 'en'];
      await svc.mailer.send({
        to,
        officeId: route?.officeId ?? entry.office_id,
        // the subject in the country's two languages (three would not fit a mail list)
        subject: languages.slice(0, 2).map((l) => translate(`bank_inbox.mail.${kind}_subject`, l, params(l))).join(' / '),
        text: languages.map((l) => translate(`bank_inbox.mail.${kind}_body`, l, params(l))).join('\n\n————————\n\n'),
      });
      mailedTo = to;
    }
    await svc.db
      .updateTable('bank_inbox_entry')
      .set({
        ...(route ? {} : { routed_dossier_id: null, journal_id: null, account }),
        status: drop ? 'dropped' : 'failed',
        error_code: e.code,
        message,
        first_failed_at: firstFailed,
        next_attempt_at: drop ? null : next,
        finished_at: drop ? now : null,
      })
      .where('id', '=', id)
      .execute();
    await svc.db
      .insertInto('bank_inbox_attempt')
      .values({ entry_id: id, attempt, at: now, outcome: drop ? 'dropped' : 'failed', error_code: e.code, message, mailed_to: mailedTo })
      .execute();
    return drop ? 'dropped' : 'failed';
  }
}

/**
 * The daily run: takes in the watched folder, then tries every new file and every failed file whose
 * Saturday has come. Callable directly (tests, `argonaut bank run-inbox`) and run by the job scheduler.
 */
export async function runInbox(svc: Services): Promise<InboxRunResult> {
  const received = await scanInboxFolder(svc);
  const now = svc.clock.now();
  const due = await svc.db
    .selectFrom('bank_inbox_entry')
    .select(['id', 'attempts'])
    .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'failed'), eb('next_attempt_at', '<=', now)])]))
    .orderBy('received_at')
    .orderBy('id')
    .execute();
  const result: InboxRunResult = { received: received.length, attempted: 0, imported: 0, failed: 0, dropped: 0 };
  for (const row of due) {
    const outcome = await attemptEntry(svc, row.id, row.attempts);
    if (!outcome) continue;
    result.attempted++;
    result[outcome]++;
  }
  return result;
}

registerJob({ name: INBOX_JOB, next: dailyAtBrusselsTime((svc) => parseLocalTime(svc.config.bankInboxTime) ?? { hour: 6, minute: 0 }), run: (svc) => runInbox(svc) });

// ------------------------------------------------------------------------------------ use cases (API)

function visibleEntries(db: Db, actor: Actor) {
  let q = db
    .selectFrom('bank_inbox_entry as e')
    .leftJoin('dossier as d', 'd.id', 'e.routed_dossier_id')
    .select([
      'e.id', 'e.file_name', 'e.source', 'e.size', 'e.routed_dossier_id', 'd.name as dossier_name', 'e.account', 'e.status', 'e.error_code', 'e.message',
      'e.attempts', 'e.received_at', 'e.first_failed_at', 'e.last_attempt_at', 'e.next_attempt_at', 'e.finished_at',
    ])
    .where('e.office_id', '=', actor.officeId);
  if (actor.role !== 'admin') {
    // others see the files of the dossiers they were given
    q = q.where('e.routed_dossier_id', 'in', (eb) => eb.selectFrom('dossier_right').select('dossier_id').where('user_id', '=', actor.userId));
  }
  return q;
}
type EntryRow = Awaited<ReturnType<ReturnType<typeof visibleEntries>['executeTakeFirstOrThrow']>>;

function toView(r: EntryRow): InboxEntryView {
  return {
    id: r.id,
    fileName: r.file_name,
    source: r.source,
    size: r.size,
    dossierId: r.routed_dossier_id,
    dossierName: r.dossier_name,
    account: r.account,
    status: r.status,
    errorCode: r.error_code,
    message: r.message,
    attempts: r.attempts,
    receivedAt: iso(r.received_at)!,
    firstFailedAt: iso(r.first_failed_at),
    lastAttemptAt: iso(r.last_attempt_at),
    nextAttemptAt: iso(r.next_attempt_at),
    dropAt: r.first_failed_at ? oneMonthAfter(new Date(r.first_failed_at)).toISOString() : null,
    finishedAt: iso(r.finished_at),
  };
}

export async function listInbox(svc: Services, actor: Actor, filter: { status?: InboxStatus | 'waiting'; dossierId?: number } = {}): Promise<InboxEntryView[]> {
  let q = visibleEntries(svc.db, actor);
  if (filter.status === 'waiting') q = q.where('e.status', 'in', ['pending', 'failed']);
  else if (filter.status) q = q.where('e.status', '=', filter.status);
  if (filter.dossierId) q = q.where('e.routed_dossier_id', '=', filter.dossierId);
  const rows = await q.orderBy('e.received_at', 'desc').orderBy('e.id', 'desc').limit(500).execute();
  return rows.map(toView);
}

export async function getInboxEntry(svc: Services, actor: Actor, id: number): Promise<InboxEntryView & { history: InboxAttemptView[] }> {
  const row = await visibleEntries(svc.db, actor).where('e.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('bank_inbox.not_found', { id });
  const attempts = await svc.db.selectFrom('bank_inbox_attempt').selectAll().where('entry_id', '=', id).orderBy('attempt').execute();
  return {
    ...toView(row),
    history: attempts.map((a) => ({ attempt: a.attempt, at: iso(a.at)!, outcome: a.outcome, errorCode: a.error_code, message: a.message, mailedTo: a.mailed_to })),
  };
}

/** API upload into the office's inbox (not per dossier): routed over the office's dossiers. */
export async function uploadToInbox(svc: Services, actor: Actor, file: { fileName: string; content: Uint8Array }) {
  if (actor.role === 'client') throw forbidden('right.missing', { right: 'right.book' });
  // refuse what is not a statement file at once, naming the line; an unknown account waits in the inbox
  parseFile(file.fileName, file.content);
  const { id, duplicate } = await receiveInboxFile(svc, { officeId: actor.officeId, source: 'upload', fileName: file.fileName, content: file.content, uploadedBy: actor.via === 'cli' ? null : actor.userId });
  return { duplicate, entry: await getInboxEntry(svc, actor, id) };
}

/** "Try now": a waiting file is tried at once (after the user booked what was missing). */
export async function retryInboxEntry(svc: Services, actor: Actor, id: number) {
  const current = await getInboxEntry(svc, actor, id);
  if (current.status !== 'pending' && current.status !== 'failed') throw conflict('bank_inbox.not_waiting', {});
  if (current.dossierId) {
    // trying a file books into its dossier: the user needs the right to book there
    await requireDossier(svc.db, actor, current.dossierId, 'book');
  } else if (actor.role !== 'admin') throw forbidden('right.missing', { right: 'right.book' });
  await attemptEntry(svc, id, current.attempts);
  return getInboxEntry(svc, actor, id);
}
