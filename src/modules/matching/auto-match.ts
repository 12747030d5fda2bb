/**
 * F11, automatic matching. Each open payment (a line of a financial statement) is matched, in this
 * order, by: 1. the structured communication (OGM, valid mod-97) of an invoice; 2. an invoice number
 * or reference found in its free communication; 3. the exact open amount of an invoice of the same
 * relation. Candidates are always of the same relation and account, on the other side (debit vs credit).
 * A step that finds exactly one candidate matches; one that finds several stops there and proposes
 * them; one that finds none hands over to the next step. The open items are indexed in memory by
 * OGM and by relation/account/amount, so a payment costs a few lookups, not a scan.
 */
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { requireDossier } from '../dossiers/access.ts';
import { actorUserId } from '../ledger/bookings/post-booking.ts';
import { audit } from '../users/manage-users.ts';
import { findOgmInText, isValidOgm } from '../../core/ogm.ts';
import type { Db } from '../../db/index.ts';
import { loadOpenItems, type OpenItem } from './open-items.ts';
import { lockMatching, writeMatches, type NewMatch } from './matches.ts';
import { normalizeReference } from './rules.ts';
import type { MatchMethod } from './schema.ts';

export interface ProposalCandidate {
  bookingId: number;
  lineNo: number;
  document: string;
  date: string;
  reference: string | null;
  open: number;
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
  candidates: ProposalCandidate[];
}
export interface AutoMatchResult {
  matched: number;
  matchIds: number[];
  proposals: Proposal[];
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** The matches automatic matching makes over the given open items (pure; mutates the items' open amounts). */
export function planAutoMatches(items: OpenItem[]): { matches: NewMatch[]; proposals: Proposal[] } {
  const payments = items.filter((i) => i.bookingKind === 'financial_statement' && i.relationId != null && i.open !== 0);
  const invoices = items.filter((i) => i.bookingKind !== 'financial_statement' && i.relationId != null && i.open !== 0);
  const byOgm = new Map<string, OpenItem[]>();
  const byRelation = new Map<string, OpenItem[]>();
  const byAmount = new Map<string, OpenItem[]>();
  const refOf = new Map<OpenItem, string>();
  for (const inv of invoices) {
    if (inv.reference) refOf.set(inv, normalizeReference(inv.reference));
    if (inv.structuredCommunication) push(byOgm, inv.structuredCommunication, inv);
    push(byRelation, `${inv.account}|${inv.relationId}`, inv);
    push(byAmount, `${inv.account}|${inv.relationId}|${inv.open}`, inv);
  }
  const matches: NewMatch[] = [];
  const proposals: Proposal[] = [];
  payments.sort((a, b) => a.date.localeCompare(b.date) || a.bookingId - b.bookingId || a.lineNo - b.lineNo);
  for (const p of payments) {
    const fits = (inv: OpenItem) => inv.open !== 0 && Math.sign(inv.open) === -Math.sign(p.open) && inv.account === p.account && inv.relationId === p.relationId;
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
          return (byRelation.get(`${p.account}|${p.relationId}`) ?? []).filter((inv) => {
            const ref = refOf.get(inv) ?? '';
            return ref.length >= 3 && text.includes(ref) && fits(inv);
          });
        },
      ],
      ['amount', () => (byAmount.get(`${p.account}|${p.relationId}|${-p.open}`) ?? []).filter(fits)],
    ];
    for (const [by, find] of steps) {
      const found = find();
      if (found.length === 0) continue;
      if (found.length === 1) {
        const inv = found[0];
        const applied = Math.min(Math.abs(inv.open), Math.abs(p.open));
        const lines = [
          { bookingId: inv.bookingId, lineNo: inv.lineNo, amount: Math.sign(inv.open) * applied },
          { bookingId: p.bookingId, lineNo: p.lineNo, amount: Math.sign(p.open) * applied },
        ];
        inv.open -= lines[0].amount;
        p.open -= lines[1].amount;
        matches.push({ kind: 'auto', method: by, account: p.account, relationId: p.relationId, lines });
      } else {
        proposals.push({
          bookingId: p.bookingId, lineNo: p.lineNo, document: p.document, date: p.date, relationId: p.relationId, relationNumber: p.relationNumber,
          account: p.account, open: p.open, communication: p.communication ?? p.structuredCommunication, by,
          candidates: found.map((c) => ({ bookingId: c.bookingId, lineNo: c.lineNo, document: c.document, date: c.date, reference: c.reference, open: c.open })),
        });
      }
      break;
    }
  }
  return { matches, proposals };
}

export async function autoMatchIn(trx: Db, dossierId: number, filter: { relationId?: number }, createdBy: number | null) {
  await lockMatching(trx, dossierId);
  const items = await loadOpenItems(trx, dossierId, { ...filter, unordered: true });
  const { matches, proposals } = planAutoMatches(items);
  const ids = await writeMatches(trx, dossierId, matches, createdBy);
  return { matched: ids.length, matchIds: ids, proposals };
}

export async function autoMatch(svc: Services, actor: Actor, dossierId: number, filter: { relationId?: number } = {}): Promise<AutoMatchResult> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  return svc.db.transaction().execute(async (trx) => {
    const result = await autoMatchIn(trx, dossierId, filter, actorUserId(actor));
    if (result.matched) await audit(trx, actor, actor.officeId, 'matching.auto', { matches: result.matched, proposals: result.proposals.length, ...filter }, dossierId);
    return result;
  });
}
