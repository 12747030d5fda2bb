/**
 * Invoicing → Settings: the sender address and reply-to of invoice mail, the bank account printed on
 * invoices (and in the payment QR code), the logo — and which sender applies, and why:
 * - from the dossier's own address when the SPF record of its domain includes the installation's
 *   include (SPF_INCLUDE), checked by a DNS TXT lookup — receivers then accept mail we send for it;
 * - otherwise from the installation's noreply address ("<dossier> via Argonaut"), with the dossier's
 *   address as reply-to, so answers still reach the entrepreneur.
 */
import { promises as dns } from 'node:dns';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { translate, type Language } from '../../core/i18n/index.ts';
import type { Db } from '../../db/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../users/manage-users.ts';
import { ublSchemaStatus, type UblSchemaStatus } from '../peppol/install-schemas.ts';
import { requireInvoicing } from './access.ts';
import { invalid } from './rules.ts';
import './schema.ts';

export interface InvoicingSettingsInput {
  senderEmail?: string | null;
  replyTo?: string | null;
  iban?: string | null;
  bic?: string | null;
  /** base64 PNG or JPEG; null removes the logo */
  logo?: string | null;
}

export interface MailSender {
  mode: 'own_domain' | 'noreply';
  from: string;
  replyTo: string | null;
  /** why this sender applies (a message code with its parameters, and the text in the caller's language) */
  reason: { code: string; params: Record<string, unknown> };
  explanation: string;
}

export interface InvoicingSettingsView {
  senderEmail: string | null;
  replyTo: string | null;
  iban: string | null;
  bic: string | null;
  hasLogo: boolean;
  spfInclude: string;
  /** whether this installation can send over Peppol: the UBL 2.1 schemas every outgoing invoice is checked against */
  ublSchemas: UblSchemaStatus;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export async function loadSettings(db: Db, dossierId: number) {
  const s = await db.selectFrom('invoicing_settings').selectAll().where('dossier_id', '=', dossierId).executeTakeFirst();
  const dossier = await db.selectFrom('dossier').select(['name', 'email']).where('id', '=', dossierId).executeTakeFirstOrThrow();
  let iban = s?.iban ?? null;
  let bic = s?.bic ?? null;
  if (!iban) {
    // Default: the bank account of the dossier's first active financial journal.
    const j = await db.selectFrom('journal').select(['iban', 'bic']).where('dossier_id', '=', dossierId).where('type', '=', 'financial').where('active', '=', true).where('iban', 'is not', null).orderBy('id').executeTakeFirst();
    iban = j?.iban ?? null;
    bic = j?.bic ?? null;
  }
  return { senderEmail: s?.sender_email ?? null, replyTo: s?.reply_to ?? dossier.email ?? null, iban, bic, logo: s?.logo ?? null, logoMime: s?.logo_mime ?? null, dossierName: dossier.name, dossierEmail: dossier.email };
}

export async function getSettings(svc: Services, actor: Actor, dossierId: number): Promise<InvoicingSettingsView & { sender: MailSender }> {
  await requireInvoicing(svc.db, actor, dossierId);
  const s = await loadSettings(svc.db, dossierId);
  return { senderEmail: s.senderEmail, replyTo: s.replyTo, iban: s.iban, bic: s.bic, hasLogo: s.logo !== null, spfInclude: svc.config.spfInclude, ublSchemas: ublSchemaStatus(svc.config), sender: await mailSender(svc, dossierId, actor.language) };
}

export async function updateSettings(svc: Services, actor: Actor, dossierId: number, input: InvoicingSettingsInput) {
  await requireInvoicing(svc.db, actor, dossierId, 'accounts');
  const clean = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());
  const values: Record<string, unknown> = {};
  for (const [field, column] of [['senderEmail', 'sender_email'], ['replyTo', 'reply_to']] as const) {
    const v = clean(input[field]);
    if (v && !EMAIL.test(v)) throw invalid('invoicing.email_invalid', field, { value: v });
    if (v !== undefined) values[column] = v;
  }
  const iban = clean(input.iban);
  if (iban) {
    const e = electronicFormatIBAN(iban);
    if (!e || !isValidIBAN(e)) throw invalid('invoicing.iban_invalid', 'iban', { value: iban });
    values.iban = e;
  } else if (iban === null) values.iban = null;
  const bic = clean(input.bic);
  if (bic !== undefined) values.bic = bic?.toUpperCase() ?? null;
  if (input.logo !== undefined) {
    if (input.logo === null) {
      values.logo = null;
      values.logo_mime = null;
    } else {
      const bytes = Buffer.from(input.logo, 'base64');
      const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
      if ((!png && !jpeg) || bytes.length > 1_000_000) throw invalid('invoicing.logo_invalid', 'logo');
      values.logo = bytes;
      values.logo_mime = png ? 'image/png' : 'image/jpeg';
    }
  }
  await svc.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('invoicing_settings')
      .values({ dossier_id: dossierId, ...values, updated_at: svc.clock.now() })
      .onConflict((oc) => oc.column('dossier_id').doUpdateSet({ ...values, updated_at: svc.clock.now() }))
      .execute();
    await audit(trx, actor, actor.officeId, 'invoicing.settings.update', { ...values, logo: values.logo ? '(image)' : values.logo }, dossierId);
  });
  return getSettings(svc, actor, dossierId);
}

/** The TXT records of a domain that are SPF policies ("v=spf1 …"). */
async function spfRecords(domain: string, dnsServer: string | undefined): Promise<string[]> {
  const resolver = new dns.Resolver({ timeout: 2000, tries: 2 });
  if (dnsServer) resolver.setServers([dnsServer]);
  const records = await resolver.resolveTxt(domain);
  return records.map((chunks) => chunks.join('')).filter((r) => /^v=spf1(\s|$)/i.test(r.trim()));
}

/** True when the SPF policy has the mechanism include:<host> (any qualifier but "-" or "?" counts as allowing). */
export function spfIncludes(record: string, host: string): boolean {
  return record
    .trim()
    .split(/\s+/)
    .some((term) => {
      const m = /^([+~]?)include:(.+)$/i.exec(term);
      return m !== null && m[2].toLowerCase().replace(/\.$/, '') === host.toLowerCase().replace(/\.$/, '');
    });
}

const addressOf = (mailbox: string) => /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox.trim();
const quoted = (name: string) => `"${name.replace(/["\\]/g, '')}"`;

/** Which sender invoice mail of this dossier gets, and why. */
export async function mailSender(svc: Services, dossierId: number, language: Language): Promise<MailSender> {
  const s = await loadSettings(svc.db, dossierId);
  const noreply = addressOf(svc.config.mailFrom);
  const include = svc.config.spfInclude;
  const replyTo = s.replyTo ?? s.senderEmail;
  const fallback = (code: string, params: Record<string, unknown>): MailSender => {
    const from = `${quoted(`${s.dossierName} via Argonaut`)} <${noreply}>`;
    const p = { ...params, from, replyTo: replyTo ?? '-', include };
    return { mode: 'noreply', from, replyTo, reason: { code, params: p }, explanation: translate(code, language, p) };
  };
  if (!s.senderEmail) return fallback('invoicing.mail.no_sender', {});
  const domain = s.senderEmail.split('@')[1].toLowerCase();
  let records: string[];
  try {
    records = await spfRecords(domain, svc.config.dnsServer);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND' || code === 'ENODATA') records = [];
    else return fallback('invoicing.mail.spf_unreachable', { domain, reason: code ?? String(err) });
  }
  if (records.some((r) => spfIncludes(r, include))) {
    const from = `${quoted(s.dossierName)} <${s.senderEmail}>`;
    const params = { from, domain, include };
    return { mode: 'own_domain', from, replyTo: s.replyTo && s.replyTo !== s.senderEmail ? s.replyTo : null, reason: { code: 'invoicing.mail.own_domain', params }, explanation: translate('invoicing.mail.own_domain', language, params) };
  }
  return fallback('invoicing.mail.spf_missing', { domain });
}
