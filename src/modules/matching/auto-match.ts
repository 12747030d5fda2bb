/**
 * F11, automatic matching. Each open payment (a line of a financial statement) is matched, in this
 * order, by: 1. the structured communication (OGM, valid mod-97) of an invoice; 2. an invoice number
 * or reference found in its free communication; 3. the exact open amount of an invoice of the same
 * relation. Candidates are always of the same relation and account, on the other side (debit vs credit).
 * A payment without relation (on the CODA suspense account) whose counterparty account is the IBAN of
 * exactly one relation is taken as that relation's (on any of its accounts): when exactly one invoice of
 * it fits, the payment is moved to the relation's account by a miscellaneous booking and matched.
 * A step that finds exactly one candidate matches; one that finds several stops there and proposes
 * them; one that finds none hands over to the next step. Only the open payments and the open items of
 * the relations they are paid by are loaded (a candidate is always of the payment's relation), and those
 * are indexed in memory by OGM and by relation/account/amount, so a payment costs a few lookups, not a scan.
 */
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { requireDossier } from '../dossiers/access.ts';
import { actorUserId } from '../ledger/bookings/post-booking.ts';
import { audit } from '../users/manage-users.ts';
import { findOgmInText, isValidOgm } from '../../core/ogm.ts';
import type { Db } from '../../db/index.ts';
import { PostingContext, prepareBooking } from '../ledger/bookings/prepare.ts';
import { writeBookings } from '../ledger/bookings/write.ts';
import { formatCents } from '../ledger/money.ts';
import { normalizeIban, relationsByIban, type IbanRelation } from './counterparty.ts';
import { loadOpenItems, type OpenItem } from './open-items.ts';
import { lockMatching, matchOf, writeMatches, type NewMatch } from './matches.ts';
import { currencyOf } from './currency.ts';
import { normalizeReference } from './rules.ts';
import type { MatchMethod } from './schema.ts';

export interface ProposalCandidate {
  bookingId: number;
  lineNo: number;
  document: string;
  date: string;
  reference: string | null;
  open: number;
  currencyOpen?: number;
}
export interface Proposal {
  /** the payment line that stays open */
  bookingId: number;
  lineNo: number;
  document: string;
  date: string;
  relationId: number | null;
  relationNumber: string | null;
  account: string;
  open: number;
  communication: string | null;
  /** the step that found more than one candidate */
  by: 'ogm' | 'reference' | 'amount';
  /** set when the payment has no relation yet and its counterparty account (IBAN) recognised relationId */
  counterpartyAccount?: string;
  /** a payment in a foreign currency: the currency and its open amount in it (candidates likewise) */
  currency?: string;
  currencyOpen?: number;
  candidates: ProposalCandidate[];
}
export interface AutoMatchResult {
  /** payments matched (a payment moved from the suspense account counts once) */
  matched: number;
  matchIds: number[];
  proposals: Proposal[];
  /** payments moved from the CODA suspense account to the relation recognised by their IBAN */
  transfers: number;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * A payment without relation (CODA suspense account) whose counterparty IBAN recognised the relation
 * and that one invoice of it fits: the payment moves to the relation's account by a miscellaneous
 * booking (suspense ↔ relation), which is matched on both sides.
 */
export interface PlannedTransfer {
  payment: OpenItem;
  /** the payment's open amount moved (signed as the payment line) */
  moved: number;
  relationId: number;
  relationNumber: string;
  /** the invoice's account (400000 / 440000) and the part of it the payment closes (signed as the invoice) */
  invoice: OpenItem;
  applied: number;
  method: MatchMethod & Proposal['by'];
}

/**
 * The matches automatic matching makes over the given open items (pure; mutates the items' open amounts).
 * `byIban` recognises the relation of a payment without one by its counterparty account.
 */
export function planAutoMatches(items: OpenItem[], byIban: Map<string, IbanRelation> = new Map()): { matches: NewMatch[]; proposals: Proposal[]; transfers: PlannedTransfer[] } {
  const recognised = (i: OpenItem) => (i.relationId == null && i.counterpartyAccount && !i.currency ? byIban.get(normalizeIban(i.counterpartyAccount)) : undefined);
  // foreign currency items compare their currency amounts, and only with items of the same currency
  const openOf = (i: OpenItem) => (i.currency ? (i.currencyOpen ?? 0) : i.open);
  const amountKey = (relationId: number | null, currency: string | null, amount: number) => `${relationId}|${currency ?? ''}|${amount}`;
  const payments = items.filter((i) => i.bookingKind === 'financial_statement' && i.open !== 0 && (i.relationId != null || recognised(i)));
  const invoices = items.filter((i) => i.bookingKind !== 'financial_statement' && i.relationId != null && i.open !== 0);
  const byOgm = new Map<string, OpenItem[]>();
  const byRelation = new Map<number, OpenItem[]>();
  const byAmount = new Map<string, OpenItem[]>();
  const refOf = new Map<OpenItem, string>();
  for (const inv of invoices) {
    if (inv.reference) refOf.set(inv, normalizeReference(inv.reference));
    if (inv.structuredCommunication) push(byOgm, inv.structuredCommunication, inv);
    push(byRelation, inv.relationId!, inv);
    push(byAmount, amountKey(inv.relationId, currencyOf(inv), openOf(inv)), inv);
  }
  const matches: NewMatch[] = [];
  const proposals: Proposal[] = [];
  const transfers: PlannedTransfer[] = [];
  payments.sort((a, b) => a.date.localeCompare(b.date) || a.bookingId - b.bookingId || a.lineNo - b.lineNo);
  for (const p of payments) {
    const byCounterparty = p.relationId == null ? recognised(p)! : null;
    const relationId = p.relationId ?? byCounterparty!.id;
    // a payment with a relation matches on its own account; one recognised by IBAN on the invoice's
    const fits = (inv: OpenItem) =>
      inv.open !== 0 && Math.sign(inv.open) === -Math.sign(p.open) && inv.relationId === relationId && (byCounterparty != null || inv.account === p.account) &&
      currencyOf(inv) === currencyOf(p);
    const steps: Array<[MatchMethod & Proposal['by'], () => OpenItem[]]> = [
      [
        'ogm',
        () => {
          const ogm = p.structuredCommunication && isValidOgm(p.structuredCommunication) ? p.structuredCommunication : p.communication ? findOgmInText(p.communication) : null;
          return ogm ? (byOgm.get(ogm) ?? []).filter(fits) : [];
        },
      ],
      [
        'reference',
        () => {
          const text = p.communication ? normalizeReference(p.communication) : '';
          if (!text) return [];
          return (byRelation.get(relationId) ?? []).filter((inv) => {
            const ref = refOf.get(inv) ?? '';
            return ref.length >= 3 && text.includes(ref) && fits(inv);
          });
        },
      ],
      ['amount', () => (byAmount.get(amountKey(relationId, currencyOf(p), -openOf(p))) ?? []).filter(fits)],
    ];
    for (const [by, find] of steps) {
      const found = find();
      if (found.length === 0) continue;
      if (found.length === 1) {
        const inv = found[0];
        const applied = Math.sign(inv.open) * Math.min(Math.abs(inv.open), Math.abs(p.open));
        if (byCounterparty) {
          transfers.push({ payment: p, moved: p.open, relationId, relationNumber: byCounterparty.number, invoice: inv, applied, method: by });
          inv.open -= applied;
          p.open = 0;
        } else {
          // the invoice first: as far as the payment goes (a part payment leaves the invoice's rest open)
          const { full: _full, ...match } = matchOf([inv, p], 'auto', by);
          const [a, b] = match.lines;
          inv.open -= a.amount;
          p.open -= b.amount;
          if (inv.currencyOpen != null) inv.currencyOpen -= a.currencyAmount ?? 0;
          if (p.currencyOpen != null) p.currencyOpen -= b.currencyAmount ?? 0;
          matches.push(match);
        }
      } else {
        proposals.push({
          bookingId: p.bookingId, lineNo: p.lineNo, document: p.document, date: p.date, relationId, relationNumber: p.relationNumber ?? byCounterparty?.number ?? null,
          account: p.account, open: p.open, communication: p.communication ?? p.structuredCommunication, by,
          ...(byCounterparty ? { counterpartyAccount: normalizeIban(p.counterpartyAccount!) } : {}),
          ...(p.currency ? { currency: p.currency, currencyOpen: p.currencyOpen ?? 0 } : {}),
          candidates: found.map((c) => ({
            bookingId: c.bookingId, lineNo: c.lineNo, document: c.document, date: c.date, reference: c.reference, open: c.open,
            ...(c.currency ? { currencyOpen: c.currencyOpen ?? 0 } : {}),
          })),
        });
      }
      break;
    }
  }
  return { matches, proposals, transfers };
}

/**
 * Writes the planned transfers: one miscellaneous booking per payment (suspense account ↔ the
 * relation's account, on the payment's date) and the two matches that close the suspense line and the
 * invoice against it.
 */
async function writeTransfers(trx: Db, dossierId: number, transfers: PlannedTransfer[], createdBy: number | null): Promise<NewMatch[]> {
  if (!transfers.length) return [];
  const ctx = new PostingContext(trx, dossierId, createdBy);
  const prepared = [];
  for (const t of transfers) {
    const p = t.payment;
    const description = [p.document, p.counterpartyName, p.communication ?? p.structuredCommunication].filter(Boolean).join(' — ');
    prepared.push(
      await prepareBooking(ctx, {
        type: 'miscellaneous',
        date: p.date,
        reference: p.document,
        description,
        lines: [
          { account: p.account, amount: formatCents(-t.moved), description },
          { account: t.invoice.account, amount: formatCents(t.moved), relationId: t.relationId, description, communication: p.communication, structuredCommunication: p.structuredCommunication },
        ],
      }),
    );
  }
  const written = await writeBookings(trx, dossierId, prepared);
  return transfers.flatMap((t, i) => [
    {
      kind: 'auto' as const, method: t.method, account: t.payment.account, relationId: null,
      lines: [{ bookingId: t.payment.bookingId, lineNo: t.payment.lineNo, amount: t.moved }, { bookingId: written[i].id, lineNo: 1, amount: -t.moved }],
    },
    {
      kind: 'auto' as const, method: t.method, account: t.invoice.account, relationId: t.relationId,
      lines: [{ bookingId: t.invoice.bookingId, lineNo: t.invoice.lineNo, amount: t.applied }, { bookingId: written[i].id, lineNo: 2, amount: -t.applied }],
    },
  ]);
}

export async function autoMatchIn(trx: Db, dossierId: number, filter: AutoMatchFilter, createdBy: number | null) {
  await lockMatching(trx, dossierId);
  let counterpartyAccounts: string[] | undefined;
  const relationIds = filter.relationId != null ? [filter.relationId] : filter.relationIds;
  if (relationIds) {
    if (relationIds.length === 0) return { matched: 0, matchIds: [], proposals: [], transfers: 0 };
    const rels = await trx.selectFrom('relation').select('iban').where('dossier_id', '=', dossierId).where('id', 'in', relationIds).where('iban', 'is not', null).execute();
    counterpartyAccounts = rels.length ? rels.map((r) => normalizeIban(r.iban!)) : undefined;
  }
  const { kind, ...scope } = filter;
  // the Customers or Suppliers tab: only its accounts' items (and payments not yet on a relation's account)
  let ownAccounts: Set<string> | undefined;
  if (kind) {
    const own = await trx.selectFrom('account').select('number').where('dossier_id', '=', dossierId).where('type', '=', kind === 'customers' ? 'receivable' : 'payable').execute();
    ownAccounts = new Set(own.map((a) => a.number));
  }
  const inTab = (i: OpenItem) => !ownAccounts || ownAccounts.has(i.account) || i.relationId == null;
  // First the open payments (statement lines): usually few, and without them there is nothing to match.
  const payments = (await loadOpenItems(trx, dossierId, { ...scope, counterpartyAccounts, payments: true, unordered: true })).filter(inTab);
  const ibans = payments.filter((i) => i.relationId == null && i.counterpartyAccount).map((i) => i.counterpartyAccount!);
  const byIban = await relationsByIban(trx, dossierId, ibans);
  // Then the other open items of just the relations those payments are (or are recognised as) paid by:
  // a candidate is always of the payment's relation.
  const payers = new Set<number>();
  for (const p of payments) {
    const id = p.relationId ?? (p.counterpartyAccount && !p.currency ? byIban.get(normalizeIban(p.counterpartyAccount))?.id : undefined);
    if (id != null) payers.add(id);
  }
  if (payers.size === 0) return { matched: 0, matchIds: [], proposals: [], transfers: 0 };
  const others = (await loadOpenItems(trx, dossierId, { relationIds: [...payers], payments: false, unordered: true })).filter(inTab);
  const { matches, proposals, transfers } = planAutoMatches([...others, ...payments], byIban);
  matches.push(...(await writeTransfers(trx, dossierId, transfers, createdBy)));
  const ids = await writeMatches(trx, dossierId, matches, createdBy);
  return { matched: matches.length - transfers.length, matchIds: ids, proposals, transfers: transfers.length };
}

/** relationId: one relation; kind: only customers' (receivable) or suppliers' (payable) accounts */
export interface AutoMatchFilter {
  relationId?: number;
  /** several relations in one pass (the bank import: the relations its statements booked on) */
  relationIds?: number[];
  kind?: 'customers' | 'suppliers';
}

export async function autoMatch(svc: Services, actor: Actor, dossierId: number, filter: AutoMatchFilter = {}): Promise<AutoMatchResult> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  return svc.db.transaction().execute(async (trx) => {
    const result = await autoMatchIn(trx, dossierId, filter, actorUserId(actor));
    if (result.matched) await audit(trx, actor, actor.officeId, 'matching.auto', { matches: result.matched, proposals: result.proposals.length, ...filter }, dossierId);
    return result;
  });
}
