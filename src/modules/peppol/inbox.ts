/**
 * Peppol in (Invoicing → Peppol inbox): received UBL invoices and credit notes of a dossier.
 * A document arrives from the access point's inbox folder (routed to the dossier registered for the
 * receiver's participant id, or whose enterprise / VAT number it is) or by API upload. It is parsed into
 * a purchase proposal (src/formats/ubl/proposal.ts) and kept with its XML and embedded PDF; the supplier
 * is found by VAT or enterprise number, or proposed as a new relation. The user books it — a purchase
 * invoice or credit note through the ledger's posting (prepare + write, in the same transaction that
 * marks the document booked) — or rejects it with a reason. A document in another currency is booked in euro
 * (./exchange.ts): at the rate its VAT in EUR implies, or the one the user gives; the supplier's line keeps
 * the document currency and amount for matching a payment in that currency.
 */
import crypto from 'node:crypto';
import Big from 'big.js';
import { sql } from 'kysely';
import { AppError, conflict, notFound, validation } from '../../core/errors.ts';
import { enterpriseDigits } from '../../core/identifiers/belgium.ts';
import type { Db } from '../../db/index.ts';
import { parseUbl } from '../../formats/ubl/parse.ts';
import { embeddedPdf, proposalFromParsed, purchaseProposal, type PurchaseProposal } from '../../formats/ubl/proposal.ts';
import { unwrapSbdh } from '../../formats/ubl/sbdh.ts';
import { validateUblXsd, xsdAvailable } from '../../formats/ubl/xsd.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { requireDossier } from '../dossiers/access.ts';
import { registerDossierContent } from '../dossiers/registry.ts';
import { requireLedger } from '../ledger/access.ts';
import { loadBooking } from '../ledger/bookings/get-bookings.ts';
import { actorUserId } from '../ledger/bookings/post-booking.ts';
import { PostingContext, prepareBooking, type InvoiceBookingInput } from '../ledger/bookings/prepare.ts';
import { writeBookings } from '../ledger/bookings/write.ts';
import { createRelation } from '../relations/manage-relations.ts';
import { applyDocumentVat, bookingRate, documentExchange, formatRate, parseExchangeRate, toEuroCents, type DocumentExchange } from './exchange.ts';
import { normalizeParticipantId } from './participant.ts';
import { accessPointFor } from './send.ts';
import type { AccessPoint } from './transport.ts';
import './messages.ts';
import './schema.ts';

type Svc = Pick<Services, 'db' | 'config' | 'clock'>;

registerDossierContent('dossier.content.peppol_documents', async (db, dossierId) => {
  const row = await db.selectFrom('peppol_document').select((eb) => eb.fn.countAll<number>().as('n')).where('dossier_id', '=', dossierId).executeTakeFirst();
  return Number(row?.n ?? 0);
});

// ───────────────────────────── VAT codes from UBL tax categories

/**
 * The purchase VAT code (src/modules/ledger/data/vat-codes.ts) for a UBL tax category and rate:
 * S 21/12/6 → A21S/A12S/A06S (services and miscellaneous goods, grid 82; the supplier's default code
 * of the same rate wins, so a supplier of goods for resale gets A21G), Z/E/O/G and S 0 → A00S,
 * AE (domestic reverse charge) → ACC, K (intra-Community supply to us) → AICM. Null when none fits.
 */
export function purchaseVatCode(category: string, rate: string, supplierDefault: string | null): string | null {
  const r = Number(rate);
  const pct = Number.isFinite(r) ? Math.round(r) : NaN;
  const sameRate = (code: string | null) => !!code && /^A(\d\d)[GSI]$/.test(code) && Number(code.slice(1, 3)) === pct;
  switch (category) {
    case 'S':
      if (![0, 6, 12, 21].includes(pct) || pct !== r) return null;
      if (sameRate(supplierDefault)) return supplierDefault;
      return `A${String(pct).padStart(2, '0')}S`;
    case 'Z':
    case 'E':
    case 'O':
    case 'G':
      return sameRate(supplierDefault) && pct === 0 ? supplierDefault : 'A00S';
    case 'AE':
      return 'ACC';
    case 'K':
      return 'AICM';
    default:
      return null;
  }
}

// ───────────────────────────── receiving

export interface ReceivedDocument {
  id: number;
  number: string;
  duplicate: boolean;
}

async function findSupplier(db: Db, dossierId: number, p: PurchaseProposal['supplier']) {
  const vat = p.vatNumber?.toUpperCase() ?? null;
  const ent = p.enterpriseNumber ? enterpriseDigits(p.enterpriseNumber) : null;
  if (!vat && !ent) return null;
  let q = db.selectFrom('relation').select(['id', 'name', 'default_account', 'default_vat_code', 'kind']).where('dossier_id', '=', dossierId);
  q = q.where((eb) => eb.or([...(vat ? [eb(sql<string>`upper(replace(replace(vat_number, '.', ''), ' ', ''))`, '=', vat)] : []), ...(ent ? [eb('enterprise_number', '=', ent)] : [])]));
  const rows = await q.orderBy('active', 'desc').orderBy('id').execute();
  return rows.find((r) => r.kind !== 'customer') ?? rows[0] ?? null;
}

/**
 * Stores a received document (SBDH-wrapped or bare UBL) for a dossier. Refuses (validation) a file that is no
 * UBL invoice or credit note, breaks the UBL 2.1 XSD or whose totals do not add up; a document received
 * before is not stored twice (`duplicate: true`).
 */
export async function storeReceivedDocument(
  svc: Svc,
  db: Db,
  dossierId: number,
  text: string,
  meta: { source: 'inbox' | 'upload'; fileName: string | null; sender?: string | null; receiver?: string | null },
): Promise<ReceivedDocument> {
  const file = meta.fileName ?? 'upload';
  const unwrapped = unwrapSbdh(text);
  const refuse = (reason: string) => validation('peppol.document_refused', { file, reason }, [{ field: 'file', code: 'peppol.document_refused', params: { file, reason } }]);
  let parsed: ReturnType<typeof parseUbl>;
  try {
    parsed = parseUbl(unwrapped.xml);
  } catch {
    const refused = purchaseProposal(unwrapped.xml);
    throw refuse(refused.ok ? 'not a UBL document' : refused.reason);
  }
  const result = proposalFromParsed(parsed);
  if (!result.ok) throw refuse(result.reason);
  if (xsdAvailable(svc.config.ublXsdDir)) {
    const xsd = await validateUblXsd(unwrapped.xml, svc.config.ublXsdDir);
    if (xsd.length) throw refuse(`UBL 2.1 schema: ${xsd.slice(0, 3).map((x) => `line ${x.line ?? '?'}: ${x.message}`).join('; ')}`);
  }
  const p = result.proposal;
  const sha256 = crypto.createHash('sha256').update(unwrapped.xml).digest('hex');
  const existing = await db
    .selectFrom('peppol_document')
    .select(['id', 'number'])
    .where('dossier_id', '=', dossierId)
    .where('direction', '=', 'in')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (existing) return { id: existing.id, number: existing.number, duplicate: true };
  const supplier = await findSupplier(db, dossierId, p.supplier);
  const pdf = embeddedPdf(parsed);
  const endpoint = (e: PurchaseProposal['supplier']['endpoint']) => (e ? `${e.scheme}:${e.id}` : null);
  const row = await db
    .insertInto('peppol_document')
    .values({
      dossier_id: dossierId,
      direction: 'in',
      status: 'received',
      source: meta.source,
      file_name: meta.fileName,
      sha256,
      sender_id: meta.sender ?? unwrapped.sender ?? endpoint(p.supplier.endpoint),
      receiver_id: meta.receiver ?? unwrapped.receiver ?? endpoint(p.buyer.endpoint),
      document_type: p.documentType,
      number: p.number,
      issue_date: p.issueDate,
      currency: p.currency,
      total: p.total,
      party_name: p.supplier.name,
      party_vat: p.supplier.vatNumber,
      party_enterprise: p.supplier.enterpriseNumber,
      xml: unwrapped.xml,
      proposal: JSON.stringify(p),
      pdf: pdf?.content ?? null,
      pdf_filename: pdf?.filename ?? null,
      relation_id: supplier?.id ?? null,
    })
    .onConflict((oc) => oc.columns(['dossier_id', 'direction', 'sha256']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    const again = await db.selectFrom('peppol_document').select(['id']).where('dossier_id', '=', dossierId).where('direction', '=', 'in').where('sha256', '=', sha256).executeTakeFirstOrThrow();
    return { id: again.id, number: p.number, duplicate: true };
  }
  return { id: row.id, number: p.number, duplicate: false };
}

/** API upload of a UBL file (or SBDH envelope) into a dossier's Peppol inbox. */
export async function uploadPeppolDocument(svc: Svc, actor: Actor, dossierId: number, text: string, fileName: string | null) {
  await requireDossier(svc.db, actor, dossierId, 'book');
  return storeReceivedDocument(svc, svc.db, dossierId, text, { source: 'upload', fileName });
}

/** The dossier a receiver participant id belongs to: its registration, else the dossier with that enterprise / VAT number. */
export async function dossierForReceiver(db: Db, receiver: string): Promise<number | null> {
  const { value } = normalizeParticipantId(receiver);
  if (!value) return null;
  const reg = await db
    .selectFrom('peppol_registration')
    .select('dossier_id')
    .where(sql<string>`lower(participant_id)`, '=', value.toLowerCase())
    .where('state', '=', 'registered')
    .orderBy('dossier_id')
    .executeTakeFirst();
  if (reg) return reg.dossier_id;
  const [scheme, id] = [value.slice(0, 4), value.slice(5)];
  let digits: string | null = null;
  if (scheme === '0208') digits = id;
  else if (scheme === '9925' && /^BE\d{10}$/i.test(id)) digits = id.slice(2);
  if (!digits) return null;
  const rows = await db
    .selectFrom('dossier')
    .select('id')
    .where((eb) => eb.or([eb(sql<string>`regexp_replace(coalesce(enterprise_number, ''), '[^0-9]', '', 'g')`, '=', digits), eb(sql<string>`upper(regexp_replace(coalesce(vat_number, ''), '[^0-9A-Za-z]', '', 'g'))`, '=', `BE${digits}`)]))
    .orderBy('id')
    .execute();
  return rows.length === 1 ? rows[0].id : null;
}

export interface InboxRunResult {
  file: string;
  dossierId: number | null;
  documentId: number | null;
  duplicate?: boolean;
  error: string | null;
}

/**
 * Takes every document waiting at the access point, routes it to its dossier by the receiver participant id
 * (SBDH receiver, else the buyer's EndpointID) and stores it. A file no dossier receives, or that is refused,
 * is acknowledged as failed with the reason (the file transport moves it to failed/ with a .reason.txt).
 */
export async function takePeppolInbox(svc: Svc, accessPoint: AccessPoint = accessPointFor(svc.config)): Promise<InboxRunResult[]> {
  const results: InboxRunResult[] = [];
  for (const message of await accessPoint.receive()) {
    let dossierId: number | null = null;
    try {
      const unwrapped = unwrapSbdh(message.content);
      let receiver = unwrapped.receiver;
      if (!receiver) {
        try {
          const e = parseUbl(unwrapped.xml).buyer.endpoint;
          receiver = e ? `${e.scheme ?? ''}:${e.id}` : null;
        } catch {
          receiver = null;
        }
      }
      dossierId = receiver ? await dossierForReceiver(svc.db, receiver) : null;
      if (dossierId === null) throw new AppError('peppol.receiver_unknown', 'not_found', { receiver: receiver ?? '?' });
      const stored = await storeReceivedDocument(svc, svc.db, dossierId, message.content, { source: 'inbox', fileName: message.name });
      await accessPoint.acknowledge(message, { ok: true });
      results.push({ file: message.name, dossierId, documentId: stored.id, duplicate: stored.duplicate, error: null });
    } catch (e) {
      const reason = e instanceof AppError ? `${e.code} ${JSON.stringify(e.params)}` : (e as Error).message;
      await accessPoint.acknowledge(message, { ok: false, reason });
      results.push({ file: message.name, dossierId, documentId: null, error: reason });
    }
  }
  return results;
}

// ───────────────────────────── reading

export interface PeppolDocumentSummary {
  id: number;
  direction: 'in' | 'out';
  status: string;
  source: string;
  documentType: 'invoice' | 'credit_note';
  number: string;
  issueDate: string;
  currency: string;
  total: number;
  partyName: string;
  partyVat: string | null;
  relationId: number | null;
  bookingId: number | null;
  hasPdf: boolean;
  rejectReason: string | null;
  receivedAt: string;
}

const summaryColumns = [
  'id',
  'direction',
  'status',
  'source',
  'document_type',
  'number',
  'issue_date',
  'currency',
  'total',
  'party_name',
  'party_vat',
  'relation_id',
  'booking_id',
  'reject_reason',
  'created_at',
] as const;

type SummaryRow = {
  id: number;
  direction: 'in' | 'out';
  status: string;
  source: string;
  document_type: 'invoice' | 'credit_note';
  number: string;
  issue_date: string;
  currency: string;
  total: number;
  party_name: string;
  party_vat: string | null;
  relation_id: number | null;
  booking_id: number | null;
  reject_reason: string | null;
  created_at: Date;
  has_pdf: boolean;
};

const toSummary = (r: SummaryRow): PeppolDocumentSummary => ({
  id: r.id,
  direction: r.direction,
  status: r.status,
  source: r.source,
  documentType: r.document_type,
  number: r.number,
  issueDate: r.issue_date,
  currency: r.currency,
  total: r.total,
  partyName: r.party_name,
  partyVat: r.party_vat,
  relationId: r.relation_id,
  bookingId: r.booking_id,
  hasPdf: r.has_pdf,
  rejectReason: r.reject_reason,
  receivedAt: new Date(r.created_at).toISOString(),
});

export async function listPeppolDocuments(
  svc: Svc,
  actor: Actor,
  dossierId: number,
  filter: { direction?: 'in' | 'out'; status?: string } = {},
): Promise<PeppolDocumentSummary[]> {
  await requireDossier(svc.db, actor, dossierId, 'view');
  let q = svc.db
    .selectFrom('peppol_document')
    .select([...summaryColumns, sql<boolean>`pdf is not null`.as('has_pdf')])
    .where('dossier_id', '=', dossierId)
    .where('direction', '=', filter.direction ?? 'in');
  if (filter.status) q = q.where('status', '=', filter.status as 'received');
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1000).execute();
  return rows.map((r) => toSummary(r as SummaryRow));
}

export interface ProposedBookingLine {
  description: string;
  net: number;
  vatCategory: string;
  vatRate: string;
  account: string | null;
  vatCode: string | null;
}

/** A document in another currency than the euro: what it says, and the rate the euro amounts are shown at. */
export interface ExchangeView {
  currency: string;
  taxCurrency: string | null;
  /** the document's VAT total in EUR (cents), when it states one */
  vatInEur: number | null;
  /** EUR per unit of the document currency derived from the document's VAT (6 decimals), or null: then the user gives it */
  derivedRate: string | null;
  /** the rate of the euro amounts below: the one given (query exchangeRate) or the derived one; null when neither */
  rate: string | null;
  rateSource: 'given' | 'document' | null;
}

/** The proposed booking in euro (cents): each line's net converted, the VAT (the document's EUR VAT when stated) and the supplier's total. */
export interface EuroBookingView {
  rate: string;
  lines: number[];
  vat: number;
  totalInclVat: number;
}

export interface PeppolDocumentView extends PeppolDocumentSummary {
  proposal: PurchaseProposal | null;
  supplier: { id: number; name: string; defaultAccount: string | null } | null;
  /** The purchase booking proposed: one line per document line (and document allowance/charge), amounts in the document currency. */
  booking: { type: 'purchase_invoice' | 'purchase_credit_note'; lines: ProposedBookingLine[]; totalInclVat: number; euro: EuroBookingView | null } | null;
  /** null for a document in EUR */
  exchange: ExchangeView | null;
}

async function mustFindDocument(db: Db, dossierId: number, id: number) {
  const row = await db
    .selectFrom('peppol_document')
    .select([...summaryColumns, sql<boolean>`pdf is not null`.as('has_pdf'), 'proposal'])
    .where('dossier_id', '=', dossierId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('peppol.document_not_found', { id });
  return row as SummaryRow & { proposal: unknown };
}

function proposedBooking(p: PurchaseProposal, supplier: { default_account: string | null; default_vat_code: string | null } | null): PeppolDocumentView['booking'] {
  const negative = p.documentType === 'invoice' && p.total < 0;
  const sign = negative ? -1 : 1;
  return {
    type: p.creditNote ? 'purchase_credit_note' : 'purchase_invoice',
    totalInclVat: sign * p.totals.inclusive,
    euro: null,
    lines: p.lines.map((l) => ({
      description: l.description,
      net: sign * l.net,
      vatCategory: l.vatCategory,
      vatRate: l.vatRate,
      account: supplier?.default_account ?? null,
      vatCode: purchaseVatCode(l.vatCategory, l.vatRate, supplier?.default_vat_code ?? null),
    })),
  };
}

/** The currency facts of a stored document in a foreign currency (read from its XML), null for EUR. */
async function exchangeOf(db: Db, dossierId: number, id: number, proposal: PurchaseProposal): Promise<DocumentExchange | null> {
  if (proposal.currency.toUpperCase() === 'EUR') return null;
  const row = await db.selectFrom('peppol_document').select('xml').where('dossier_id', '=', dossierId).where('id', '=', id).executeTakeFirstOrThrow();
  return documentExchange(parseUbl(row.xml), proposal.totals.vat);
}

/**
 * The proposed booking in euro at `rate`: nets converted line by line; the VAT is the document's EUR VAT
 * when stated, else computed per VAT category and rate on the euro bases (as the ledger does per code).
 */
function euroBooking(p: PurchaseProposal, booking: NonNullable<PeppolDocumentView['booking']>, exchange: DocumentExchange, rate: Big): EuroBookingView {
  const sign = p.documentType === 'invoice' && p.total < 0 ? -1 : 1;
  const lines = booking.lines.map((l) => toEuroCents(l.net, rate));
  let vat: number;
  if (exchange.vatInEur !== null) vat = sign * exchange.vatInEur;
  else {
    const bases = new Map<string, { rate: string; base: number }>();
    booking.lines.forEach((l, i) => {
      if (['AE', 'K', 'G', 'O', 'E', 'Z'].includes(l.vatCategory)) return;
      const key = `${l.vatCategory}|${l.vatRate}`;
      const e = bases.get(key) ?? { rate: l.vatRate, base: 0 };
      e.base += lines[i];
      bases.set(key, e);
    });
    vat = 0;
    for (const e of bases.values()) vat += Number(new Big(e.base).times(e.rate).div(100).round(0, Big.roundHalfUp).toString());
  }
  return { rate: formatRate(rate), lines, vat, totalInclVat: lines.reduce((a, b) => a + b, 0) + vat };
}

export async function getPeppolDocument(svc: Svc, actor: Actor, dossierId: number, id: number, opts: { exchangeRate?: string | null } = {}): Promise<PeppolDocumentView> {
  await requireDossier(svc.db, actor, dossierId, 'view');
  const row = await mustFindDocument(svc.db, dossierId, id);
  const proposal = (typeof row.proposal === 'string' ? JSON.parse(row.proposal) : row.proposal) as PurchaseProposal | null;
  const supplier = row.relation_id
    ? await svc.db
        .selectFrom('relation')
        .select(['id', 'name', 'default_account', 'default_vat_code'])
        .where('dossier_id', '=', dossierId)
        .where('id', '=', row.relation_id)
        .executeTakeFirst()
    : undefined;
  const booking = proposal && row.direction === 'in' ? proposedBooking(proposal, supplier ?? null) : null;
  const fx = proposal && row.direction === 'in' ? await exchangeOf(svc.db, dossierId, id, proposal) : null;
  let exchange: ExchangeView | null = null;
  if (fx) {
    const given = opts.exchangeRate != null && opts.exchangeRate !== '' ? parseExchangeRate(opts.exchangeRate, fx.currency) : null;
    const rate = given ?? fx.derivedRate;
    exchange = {
      currency: fx.currency,
      taxCurrency: fx.taxCurrency,
      vatInEur: fx.vatInEur,
      derivedRate: fx.derivedRate ? formatRate(fx.derivedRate) : null,
      rate: rate ? formatRate(rate) : null,
      rateSource: given ? 'given' : fx.derivedRate ? 'document' : null,
    };
    if (booking && rate) booking.euro = euroBooking(proposal!, booking, fx, rate);
  }
  return {
    ...toSummary(row),
    proposal,
    supplier: supplier ? { id: supplier.id, name: supplier.name, defaultAccount: supplier.default_account } : null,
    booking,
    exchange,
  };
}

export async function peppolDocumentFile(svc: Svc, actor: Actor, dossierId: number, id: number, kind: 'pdf' | 'xml') {
  await requireDossier(svc.db, actor, dossierId, 'view');
  const row = await svc.db
    .selectFrom('peppol_document')
    .select(['number', 'pdf', 'pdf_filename', 'xml'])
    .where('dossier_id', '=', dossierId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || (kind === 'pdf' && !row.pdf)) throw notFound('peppol.document_not_found', { id });
  const base = row.number.replace(/[^A-Za-z0-9._-]+/g, '_');
  return kind === 'pdf'
    ? { filename: row.pdf_filename ?? `${base}.pdf`, contentType: 'application/pdf', content: Buffer.from(row.pdf!) }
    : { filename: `${base}.xml`, contentType: 'application/xml', content: Buffer.from(row.xml, 'utf8') };
}

// ───────────────────────────── deciding

export interface BookPeppolInput {
  /** The supplier relation; default: the one found by VAT / enterprise number. */
  relationId?: number | null;
  /** Create the supplier as a new relation from the document when none is found or chosen. */
  createRelation?: boolean;
  /** Booking date; default: the document's issue date. */
  date?: string | null;
  journal?: string | null;
  /** One account for every line (else the supplier's default account). */
  account?: string | null;
  /** Per line (same order as the proposal): account and VAT code overrides. */
  lines?: Array<{ account?: string | null; vatCode?: string | null }> | null;
  /**
   * A document in another currency: EUR per unit of its currency, a decimal string ("0.9215"). Default: the
   * rate derived from the document's VAT in EUR; required when the document states none.
   */
  exchangeRate?: string | null;
}

function requireReceived(row: { status: string; number: string }) {
  if (row.status !== 'received') throw conflict('peppol.document_decided', { number: row.number, status: `peppol.status.${row.status}` });
}

export async function bookPeppolDocument(svc: Services, actor: Actor, dossierId: number, id: number, input: BookPeppolInput) {
  await requireLedger(svc.db, actor, dossierId, 'book');
  const view = await getPeppolDocument(svc, actor, dossierId, id);
  requireReceived(view);
  if (view.direction !== 'in' || !view.proposal || !view.booking) throw notFound('peppol.document_not_found', { id });
  const p = view.proposal;
  // the books are in euro: a document in another currency is converted at the rate given or derived from its EUR VAT
  const fx = await exchangeOf(svc.db, dossierId, id, p);
  const conversion = fx ? bookingRate(fx, input.exchangeRate, p.number) : null;

  let relationId = input.relationId ?? view.supplier?.id ?? null;
  if (relationId === null && input.createRelation) {
    const s = p.supplier;
    const created = await createRelation(svc, actor, dossierId, {
      name: s.name,
      kind: 'supplier',
      street: s.street,
      postcode: s.postalCode,
      city: s.city,
      country: s.country ?? 'BE',
      vatNumber: s.vatNumber,
      enterpriseNumber: s.country === 'BE' || s.vatNumber?.startsWith('BE') ? s.enterpriseNumber : null,
      email: s.email,
    });
    relationId = created.id;
  }
  if (relationId === null) throw validation('peppol.relation_required', { name: p.supplier.name }, [{ field: 'relationId', code: 'peppol.relation_required', params: { name: p.supplier.name } }]);

  const relation = await svc.db
    .selectFrom('relation')
    .select(['default_account', 'default_vat_code'])
    .where('dossier_id', '=', dossierId)
    .where('id', '=', relationId)
    .executeTakeFirst();
  const proposed = proposedBooking(p, relation ?? null)!;
  const lines = proposed.lines.map((l, i) => {
    const override = input.lines?.[i];
    const account = override?.account?.trim() || input.account?.trim() || l.account;
    const vatCode = override?.vatCode?.trim() || purchaseVatCode(l.vatCategory, l.vatRate, relation?.default_vat_code ?? null);
    if (!account) throw validation('peppol.account_required', { line: i + 1 }, [{ field: `lines.${i}.account`, line: i + 1, code: 'peppol.account_required', params: { line: i + 1 } }]);
    if (!vatCode)
      throw validation('peppol.vat_code_unknown', { line: i + 1, category: l.vatCategory, rate: l.vatRate }, [
        { field: `lines.${i}.vatCode`, line: i + 1, code: 'peppol.vat_code_unknown', params: { line: i + 1, category: l.vatCategory, rate: l.vatRate } },
      ]);
    return { account, vatCode, amount: conversion ? toEuroCents(l.net, conversion.rate) : l.net, description: l.description.slice(0, 200) };
  });
  const rateNote = fx && conversion ? ` (1 ${fx.currency} = ${formatRate(conversion.rate)} EUR)` : '';
  const booking: InvoiceBookingInput = {
    type: proposed.type,
    relationId,
    date: input.date ?? p.issueDate,
    journal: input.journal ?? undefined,
    documentDate: p.issueDate,
    dueDate: p.dueDate,
    reference: p.number.slice(0, 60),
    description: `Peppol ${p.number} ${p.supplier.name}`.slice(0, 200 - rateNote.length) + rateNote,
    // in a foreign currency the ledger computes the euro total from the converted lines (the document's EUR VAT is put in below)
    totalInclVat: fx ? undefined : proposed.totalInclVat,
    // the supplier's line keeps the document currency and amount, so a payment in that currency matches on it
    currency: fx ? fx.currency : undefined,
    currencyAmount: fx ? Math.abs(proposed.totalInclVat) : undefined,
    // a credit note's lines are entered positive: a negative correction invoice was turned into a credit note above
    lines,
  };
  const bookingId = await svc.db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('peppol_document')
      .select(['status', 'number'])
      .where('dossier_id', '=', dossierId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    requireReceived(locked);
    const ctx = new PostingContext(trx, dossierId, actorUserId(actor));
    const prepared = await prepareBooking(ctx, booking);
    if (fx && fx.vatInEur !== null) {
      const sign = p.documentType === 'invoice' && p.total < 0 ? -1 : 1;
      applyDocumentVat(prepared, sign * fx.vatInEur, await ctx.vatCodes(prepared.documentDate ?? prepared.date), p.number);
    }
    const [written] = await writeBookings(trx, dossierId, [prepared]);
    await trx
      .updateTable('peppol_document')
      .set({ status: 'booked', booking_id: written.id, relation_id: relationId, decided_by: actorUserId(actor), decided_at: svc.clock.now() })
      .where('dossier_id', '=', dossierId)
      .where('id', '=', id)
      .execute();
    return written.id;
  });
  return {
    document: await getPeppolDocument(svc, actor, dossierId, id, { exchangeRate: conversion?.source === 'given' ? conversion.rate.toString() : null }),
    booking: await loadBooking(svc.db, dossierId, bookingId, actor.language),
    exchange: fx && conversion ? { currency: fx.currency, rate: formatRate(conversion.rate), source: conversion.source } : null,
  };
}

export async function rejectPeppolDocument(svc: Svc, actor: Actor, dossierId: number, id: number, reason: string) {
  await requireDossier(svc.db, actor, dossierId, 'book');
  const text = (reason ?? '').trim();
  if (!text) throw validation('peppol.reject_reason_required', {}, [{ field: 'reason', code: 'peppol.reject_reason_required' }]);
  await svc.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('peppol_document')
      .select(['status', 'number'])
      .where('dossier_id', '=', dossierId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('peppol.document_not_found', { id });
    requireReceived(row);
    await trx
      .updateTable('peppol_document')
      .set({ status: 'rejected', reject_reason: text.slice(0, 500), decided_by: actorUserId(actor), decided_at: svc.clock.now() })
      .where('dossier_id', '=', dossierId)
      .where('id', '=', id)
      .execute();
  });
  return getPeppolDocument(svc, actor, dossierId, id);
}
