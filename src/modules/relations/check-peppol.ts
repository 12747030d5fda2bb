/**
 * "Check Peppol registration" for one relation or for all active customers: looks the relation's
 * participant id up in the SML/SMP and stores registered yes/no, the accepted document types and when.
 * When the SML or SMP cannot be reached the relation keeps its earlier result ("could not check").
 * Storing the result is a write: it needs the `book` right, like editing the relation.
 */
import { isAppError, validation } from '../../core/errors.ts';
import { describeError, type Language } from '../../core/i18n/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { requireDossier } from '../dossiers/access.ts';
import { lookupParticipant, type PeppolLookupResult } from '../peppol/lookup.ts';
import { getRelation } from './manage-relations.ts';
import { findRelationRow, peppolCandidates, savePeppolResult, toView, type RelationView } from './repo.ts';
import './messages.ts';

export type PeppolStatus = 'registered' | 'not_registered' | 'unavailable';

function lookup(svc: Services, participantId: string): Promise<PeppolLookupResult> {
  return lookupParticipant(participantId, { zone: svc.config.peppolSmlZone, dnsServer: svc.config.peppolDnsServer });
}

/** Checks one relation. An unreachable SML/SMP throws "could not check" (503) and changes nothing. */
export async function checkRelationPeppol(svc: Services, actor: Actor, dossierId: number, relationId: number): Promise<RelationView & { peppolStatus: PeppolStatus }> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  const relation = await getRelation(svc, actor, dossierId, relationId);
  if (!relation.peppolId) {
    const params = { number: relation.number, name: relation.name };
    throw validation('relation.peppol_no_id', params, [{ field: 'peppolId', code: 'relation.peppol_no_id', params }]);
  }
  const result = await lookup(svc, relation.peppolId);
  await savePeppolResult(svc.db, dossierId, relationId, result, svc.clock.now());
  const row = await findRelationRow(svc.db, dossierId, relationId);
  return { ...toView(row!), peppolStatus: result.registered ? 'registered' : 'not_registered' };
}

export interface PeppolCheckAllResult {
  checked: number;
  registered: number;
  notRegistered: number;
  unavailable: number;
  results: Array<{ id: number; number: string; name: string; peppolId: string; status: PeppolStatus; documentTypes: string[]; message?: string }>;
}

/** Checks every active customer (and customer-supplier) that has a Peppol id, four at a time. */
export async function checkCustomersPeppol(svc: Services, actor: Actor, dossierId: number, language?: Language): Promise<PeppolCheckAllResult> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  const lang = language ?? actor.language;
  const candidates = await peppolCandidates(svc.db, dossierId, ['customer', 'both']);
  const results: PeppolCheckAllResult['results'] = new Array(candidates.length);
  let next = 0;
  const worker = async () => {
    while (next < candidates.length) {
      const i = next++;
      const c = candidates[i];
      const base = { id: c.id, number: c.number, name: c.name, peppolId: c.peppol_id! };
      try {
        const r = await lookup(svc, c.peppol_id!);
        await savePeppolResult(svc.db, dossierId, c.id, r, svc.clock.now());
        results[i] = { ...base, status: r.registered ? 'registered' : 'not_registered', documentTypes: r.documentTypes };
      } catch (e) {
        if (!isAppError(e)) throw e;
        results[i] = { ...base, status: 'unavailable', documentTypes: [], message: describeError(e, lang).message };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, candidates.length) }, worker));
  return {
    checked: results.filter((r) => r.status !== 'unavailable').length,
    registered: results.filter((r) => r.status === 'registered').length,
    notRegistered: results.filter((r) => r.status === 'not_registered').length,
    unavailable: results.filter((r) => r.status === 'unavailable').length,
    results,
  };
}
