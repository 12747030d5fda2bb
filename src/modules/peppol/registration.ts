/**
 * A dossier registers as a Peppol receiver under 0208:<its enterprise number>. The state is kept here
 * (registered / deregistered, with dates); the inbox routes received documents by it. Publishing the
 * participant in an SMP is the access point's job (the file transport has none); sending needs no registration.
 */
import { conflict, validation } from '../../core/errors.ts';
import { checkEnterpriseNumber, enterpriseDigits } from '../../core/identifiers/belgium.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { requireDossier } from '../dossiers/access.ts';
import { actorUserId } from '../ledger/bookings/post-booking.ts';
import './messages.ts';
import './schema.ts';

type Svc = Pick<Services, 'db' | 'clock'>;

export interface PeppolRegistrationView {
  /** The id the dossier registers (or is registered) under; null when it has no valid enterprise number. */
  participantId: string | null;
  state: 'registered' | 'deregistered' | 'not_registered';
  registeredAt: string | null;
  deregisteredAt: string | null;
}

async function dossierParticipant(svc: Svc, dossierId: number): Promise<string | null> {
  const d = await svc.db.selectFrom('dossier').select(['enterprise_number', 'vat_number']).where('id', '=', dossierId).executeTakeFirstOrThrow();
  const source = d.enterprise_number ?? (d.vat_number?.toUpperCase().startsWith('BE') ? d.vat_number : null);
  if (!source || checkEnterpriseNumber(source)) return null;
  return `0208:${enterpriseDigits(source)}`;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export async function getPeppolRegistration(svc: Svc, actor: Actor, dossierId: number): Promise<PeppolRegistrationView> {
  await requireDossier(svc.db, actor, dossierId, 'view');
  const row = await svc.db.selectFrom('peppol_registration').selectAll().where('dossier_id', '=', dossierId).executeTakeFirst();
  if (!row) return { participantId: await dossierParticipant(svc, dossierId), state: 'not_registered', registeredAt: null, deregisteredAt: null };
  return { participantId: row.participant_id, state: row.state, registeredAt: iso(row.registered_at), deregisteredAt: iso(row.deregistered_at) };
}

export async function registerPeppolReceiver(svc: Svc, actor: Actor, dossierId: number): Promise<PeppolRegistrationView> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  const participantId = await dossierParticipant(svc, dossierId);
  if (!participantId) throw validation('peppol.registration_enterprise_missing', {}, [{ field: 'enterpriseNumber', code: 'peppol.registration_enterprise_missing' }]);
  const now = svc.clock.now();
  await svc.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('peppol_registration')
      .select('dossier_id')
      .where('participant_id', '=', participantId)
      .where('state', '=', 'registered')
      .where('dossier_id', '<>', dossierId)
      .executeTakeFirst();
    if (taken) throw conflict('peppol.registration_taken', { participantId });
    await trx
      .insertInto('peppol_registration')
      .values({ dossier_id: dossierId, participant_id: participantId, state: 'registered', registered_at: now, deregistered_at: null, updated_by: actorUserId(actor), updated_at: now })
      .onConflict((oc) =>
        oc.column('dossier_id').doUpdateSet({ participant_id: participantId, state: 'registered', registered_at: now, deregistered_at: null, updated_by: actorUserId(actor), updated_at: now }),
      )
      .execute();
  });
  return getPeppolRegistration(svc, actor, dossierId);
}

export async function deregisterPeppolReceiver(svc: Svc, actor: Actor, dossierId: number): Promise<PeppolRegistrationView> {
  await requireDossier(svc.db, actor, dossierId, 'book');
  const now = svc.clock.now();
  await svc.db
    .updateTable('peppol_registration')
    .set({ state: 'deregistered', deregistered_at: now, updated_by: actorUserId(actor), updated_at: now })
    .where('dossier_id', '=', dossierId)
    .where('state', '=', 'registered')
    .execute();
  return getPeppolRegistration(svc, actor, dossierId);
}
