import fs from 'node:fs';
import { idParam, actorOf, type RouteModule } from '../../server/http.ts';
import { notFound } from '../../core/errors.ts';
import { requireAdmin } from '../users/manage-users.ts';
import { defineMessages } from '../../core/i18n/index.ts';

defineMessages({
  'mail.not_found': { nl: 'Dit bericht bestaat niet.', fr: "Ce message n'existe pas.", en: 'This message does not exist.' },
});

/** Management → Outbox: the mail the installation sent or kept (administrators of the office). */
export const mailRoutes: RouteModule = (app, svc) => {
  app.get('/outbox', { schema: { tags: ['mail'], summary: 'Outgoing mail of your office, newest first' } }, async (request) => {
    const actor = actorOf(request);
    requireAdmin(actor);
    const rows = await svc.db
      .selectFrom('mail_outbox')
      .select(['id', 'to_address', 'subject', 'created_at', 'sent_at', 'error'])
      .where('office_id', '=', actor.officeId)
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      to: r.to_address,
      subject: r.subject,
      createdAt: new Date(r.created_at).toISOString(),
      status: r.sent_at ? 'sent' : r.error ? 'failed' : 'kept',
      error: r.error,
    }));
  });
  app.get('/outbox/:id', { schema: { tags: ['mail'], params: idParam } }, async (request) => {
    const actor = actorOf(request);
    requireAdmin(actor);
    const r = await svc.db.selectFrom('mail_outbox').selectAll().where('id', '=', request.params.id).where('office_id', '=', actor.officeId).executeTakeFirst();
    if (!r) throw notFound('mail.not_found');
    return {
      id: r.id,
      to: r.to_address,
      subject: r.subject,
      body: r.body_text,
      createdAt: new Date(r.created_at).toISOString(),
      status: r.sent_at ? 'sent' : r.error ? 'failed' : 'kept',
      error: r.error,
      emlFile: r.eml_path && fs.existsSync(r.eml_path) ? r.eml_path : null,
    };
  });
};
