/**
 * Outgoing mail against a real SMTP server (the smtp-server package on loopback): a password reset
 * arrives with the right recipient, subject in the user's language and the link; the outbox row is
 * marked sent. When the SMTP server cannot be reached, the row is marked failed with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestEnv, engines, loggedIn, seedOffice, type TestEnv } from '../helpers.ts';
import { startSmtp } from '../smtp.ts';



describe.each(engines)('mail through a real SMTP server (%s)', (engine) => {
  let env: TestEnv;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let admin: ApiClient;

  beforeAll(async () => {
    smtp = await startSmtp();
    env = await createTestEnv(engine, { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'Argonaut Kantoor <noreply@kantoor.example>' });
    await seedOffice(env.svc);
    admin = await loggedIn(env.app);
    await admin.post('/api/v1/users', { login: 'noor', displayName: 'Noor Wuyts', email: 'noor@wuyts.be', password: 'noor-pass-123', role: 'staff', language: 'en' });
  });
  afterAll(async () => {
    await env?.close();
    await smtp.close();
  });

  it('delivers the password reset mail with the link, and marks the outbox row sent', async () => {
    const res = await new ApiClient(env.app).post('/api/v1/password/forgot', { login: 'noor' });
    expect(res.body).toEqual({ outcome: 'mailed' });
    expect(smtp.received).toHaveLength(1);
    const { envelopeTo, mail } = smtp.received[0];
    expect(envelopeTo).toEqual(['noor@wuyts.be']);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('noor@wuyts.be');
    expect(mail.from?.value[0]).toMatchObject({ address: 'noreply@kantoor.example', name: 'Argonaut Kantoor' });
    expect(mail.subject).toBe('Argonaut: set a new password'); // Noor's language is English
    expect(mail.text).toContain('Hello Noor Wuyts');
    const link = /http:\/\/argonaut\.test\/reset-password\?token=([\w-]+)/.exec(mail.text ?? '');
    expect(link).not.toBeNull();

    const outbox = await admin.get('/api/v1/outbox');
    expect(outbox.body[0]).toMatchObject({ to: 'noor@wuyts.be', subject: 'Argonaut: set a new password', status: 'sent', error: null });
    const row = await env.svc.db.selectFrom('mail_outbox').selectAll().where('id', '=', outbox.body[0].id).executeTakeFirstOrThrow();
    expect(row.sent_at).not.toBeNull();
    expect(row.eml_path).toBeNull();

    // The link from the real mail works.
    const reset = await new ApiClient(env.app).post('/api/v1/password/reset', { token: link![1], newPassword: 'noor-nieuw-456' });
    expect(reset.status).toBe(200);
    expect((await new ApiClient(env.app).login('noor', 'noor-nieuw-456')).status).toBe(201);
  });

  it('sends in Dutch to a Dutch-speaking user', async () => {
    await admin.patch('/api/v1/me', { email: 'admin@peeters.be' });
    await new ApiClient(env.app).post('/api/v1/password/forgot', { login: 'admin' });
    const { mail } = smtp.received.at(-1)!;
    expect(mail.subject).toBe('Argonaut: nieuw wachtwoord instellen');
    expect(mail.text).toContain('één uur geldig');
  });
});

describe.each(engines)('mail when the SMTP server is unreachable (%s)', (engine) => {
  it('keeps the message in the outbox marked failed, with the reason', async () => {
    // A port that was just free: nothing listens there.
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close();
    const env = await createTestEnv(engine, { smtpUrl: `smtp://127.0.0.1:${port}` });
    try {
      await seedOffice(env.svc);
      const admin = await loggedIn(env.app);
      await admin.patch('/api/v1/me', { email: 'admin@peeters.be' });
      const res = await new ApiClient(env.app).post('/api/v1/password/forgot', { login: 'admin' });
      expect(res.status).toBe(200);
      const outbox = await admin.get('/api/v1/outbox');
      expect(outbox.body[0]).toMatchObject({ to: 'admin@peeters.be', status: 'failed' });
      expect(outbox.body[0].error).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await env.close();
    }
  });
});
