/**
 * Peppol out: check an invoice against the UBL 2.1 XSD and our EN 16931 / Peppol rules, wrap it in an
 * SBDH and hand it to the access point. An invoice that breaks a rule is not sent: the AppError names
 * every rule and field (details). Used by the invoicing module.
 */
import crypto from 'node:crypto';
import { AppError, validation, type ErrorDetail } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import type { UblInvoice } from '../../formats/ubl/model.ts';
import { wrapSbdh } from '../../formats/ubl/sbdh.ts';
import { validateInvoiceModel } from '../../formats/ubl/validate.ts';
import { xsdAvailable } from '../../formats/ubl/xsd.ts';
import type { Config, Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { requireDossier } from '../dossiers/access.ts';
import { INSTALL_SCHEMAS_COMMAND, UBL_21_DOWNLOAD } from './install-schemas.ts';
import { FileAccessPoint, type AccessPoint } from './transport.ts';
import './messages.ts';
import './schema.ts';

export function accessPointFor(config: Pick<Config, 'peppolOutboxDir' | 'peppolInboxDir'>): AccessPoint {
  return new FileAccessPoint(config.peppolOutboxDir, config.peppolInboxDir);
}

/**
 * Writes the UBL of an invoice model and checks it (XSD + rules, as an outgoing document).
 * Returns the XML; throws `peppol.invoice_invalid` (validation) naming each broken rule and field,
 * or `peppol.xsd_missing` when the schemas are not installed.
 */
export async function ublForSending(inv: UblInvoice, xsdDir: string): Promise<string> {
  if (!xsdAvailable(xsdDir)) throw xsdMissing(xsdDir);
  const result = await validateInvoiceModel(inv, xsdDir);
  if (result.valid) return result.xml;
  const details: ErrorDetail[] = [
    ...result.rules.map((r) => ({ field: r.field, code: 'peppol.rule_failed', params: { rule: r.rule, field: r.field, message: r.message } })),
    ...result.xsd.map((x) => ({ field: 'xsd', line: x.line ?? undefined, code: 'peppol.xsd_failed', params: { line: x.line ?? '?', message: x.message } })),
  ];
  const rules = [...new Set([...result.rules.map((r) => `${r.rule} (${r.field})`), ...(result.xsd.length ? ['UBL 2.1 XSD'] : [])])].join(', ');
  throw validation('peppol.invoice_invalid', { number: inv.number, rules }, details);
}

/** `peppol.xsd_missing`: the schemas are not installed — the message says where they belong and how to install them. */
export function xsdMissing(xsdDir: string): AppError {
  return new AppError('peppol.xsd_missing', 'unavailable', { dir: xsdDir, command: INSTALL_SCHEMAS_COMMAND, download: UBL_21_DOWNLOAD });
}

const participant = (e: UblInvoice['seller']['endpoint']) => (e ? `${e.scheme}:${e.id}` : null);

export interface SentDocument {
  documentId: number;
  messageId: string;
  location: string;
  xml: string;
}

/**
 * Checks, wraps and sends an invoice or credit note for a dossier, and records it in the dossier's Peppol
 * documents (direction 'out'). `db` may be a transaction of the caller (the invoicing module marks its
 * invoice sent in the same one).
 */
export async function sendUblInvoice(
  svc: Pick<Services, 'db' | 'config' | 'clock'>,
  actor: Actor,
  dossierId: number,
  inv: UblInvoice,
  options: { db?: Db; accessPoint?: AccessPoint } = {},
): Promise<SentDocument> {
  const db = options.db ?? svc.db;
  await requireDossier(db, actor, dossierId, 'book');
  const sender = participant(inv.seller.endpoint);
  const receiver = participant(inv.buyer.endpoint);
  if (!sender) throw validation('peppol.endpoint_missing', { party: inv.seller.name }, [{ field: 'seller.endpoint', code: 'peppol.endpoint_missing', params: { party: inv.seller.name } }]);
  if (!receiver) throw validation('peppol.endpoint_missing', { party: inv.buyer.name }, [{ field: 'buyer.endpoint', code: 'peppol.endpoint_missing', params: { party: inv.buyer.name } }]);
  const xml = await ublForSending(inv, svc.config.ublXsdDir);
  const messageId = crypto.randomUUID();
  const envelope = wrapSbdh(xml, {
    sender,
    receiver,
    documentType: inv.documentType,
    instanceId: messageId,
    createdAt: svc.clock.now().toISOString(),
    countryC1: inv.seller.address.country,
  });
  const ap = options.accessPoint ?? accessPointFor(svc.config);
  const { location } = await ap.send({ messageId, sender, receiver, content: envelope });
  const row = await db
    .insertInto('peppol_document')
    .values({
      dossier_id: dossierId,
      direction: 'out',
      status: 'sent',
      source: 'send',
      file_name: location.split(/[\\/]/).pop() ?? null,
      sha256: crypto.createHash('sha256').update(xml).digest('hex'),
      sender_id: sender,
      receiver_id: receiver,
      document_type: inv.documentType,
      number: inv.number,
      issue_date: inv.issueDate,
      currency: inv.currency,
      total: inv.totals.payable,
      party_name: inv.buyer.name,
      party_vat: inv.buyer.vatNumber ?? null,
      party_enterprise: inv.buyer.enterpriseNumber ?? null,
      xml,
      proposal: null,
      pdf: null,
      pdf_filename: null,
      message_id: messageId,
      decided_by: actor.via === 'cli' ? null : actor.userId,
      decided_at: svc.clock.now(),
    })
    .onConflict((oc) => oc.columns(['dossier_id', 'direction', 'sha256']).doUpdateSet({ message_id: messageId, created_at: svc.clock.now() }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return { documentId: row.id, messageId, location, xml };
}
