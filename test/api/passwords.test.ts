/**
 * Passwords through the HTTP API: Management → Change password, the user's own e-mail address,
 * and "forgot password" through the outbox (the embedded default without SMTP_URL).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestEnv, engines, loggedIn, seedOffice, type TestEnv } from '../helpers.ts';

const MINUTE = 60_000;

/** The reset link in the newest outbox mail to `to`, read the way an administrator reads the outbox. */
async function latestResetMail(admin: ApiClient, to: string) {
  const list = await admin.get('/api/v1/outbox');
  expect(list.status).toBe(200);
  const entry = list.body.find((m: { to: string }) => m.to === to);
  expect(entry, `a mail to ${to} in the outbox`).toBeDefined();
  const mail = await admin.get(`/api/v1/outbox/${entry.id}`);
  const link = /http:\/\/argonaut\.test\/reset-password\?token=([\w-]+)/.exec(mail.body.body);
  expect(link, 'the mail holds the reset link').not.toBeNull();
  return { entry, mail: mail.body, token: link![1], link: link![0] };
}

describe.each(engines)('change password and e-mail address (%s)', (engine) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    await seedOffice(env.svc);
    const admin = await loggedIn(env.app);
    await admin.post('/api/v1/users', { login: 'sofie', password: 'sofie-pass-1', role: 'staff' });
  });
  afterAll(() => env?.close());

  it('refuses a wrong current password and a too-short new one, naming the field, and keeps the old password', async () => {
    const sofie = await loggedIn(env.app, 'sofie', 'sofie-pass-1');
    sofie.language = 'en';
    const wrong = await sofie.post('/api/v1/me/password', { currentPassword: 'not-my-password', newPassword: 'nieuw-wachtwoord-1' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('auth.wrong_current_password');
    expect(wrong.body.message).toBe('The current password is not correct.');
    expect(wrong.body.details[0].field).toBe('currentPassword');

    sofie.language = 'nl';
    const short = await sofie.post('/api/v1/me/password', { currentPassword: 'sofie-pass-1', newPassword: 'kort' });
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('auth.password_too_short');
    expect(short.body.message).toBe('Een wachtwoord moet minstens 8 tekens tellen.');
    expect(short.body.details[0].field).toBe('newPassword');

    const same = await sofie.post('/api/v1/me/password', { currentPassword: 'sofie-pass-1', newPassword: 'sofie-pass-1' });
    expect(same.status).toBe(400);
    expect(same.body.code).toBe('auth.password_same');

    expect((await new ApiClient(env.app).login('sofie', 'sofie-pass-1')).status).toBe(201);
  });

  it('changes the password at once, keeps this session and ends the others', async () => {
    const here = await loggedIn(env.app, 'sofie', 'sofie-pass-1');
    const elsewhere = await loggedIn(env.app, 'sofie', 'sofie-pass-1');
    const res = await here.post('/api/v1/me/password', { currentPassword: 'sofie-pass-1', newPassword: 'sofie-nieuw-2' });
    expect(res.status).toBe(204);

    expect((await here.get('/api/v1/session')).body.user.login).toBe('sofie');
    expect((await elsewhere.get('/api/v1/dossiers')).status).toBe(401);
    expect((await new ApiClient(env.app).login('sofie', 'sofie-pass-1')).status).toBe(401);
    expect((await new ApiClient(env.app).login('sofie', 'sofie-nieuw-2')).status).toBe(201);
  });

  it('lets users set, check and clear their own e-mail address', async () => {
    const sofie = await loggedIn(env.app, 'sofie', 'sofie-nieuw-2');
    const set = await sofie.patch('/api/v1/me', { email: ' sofie@peeters.be ' });
    expect(set.status).toBe(200);
    expect(set.body.email).toBe('sofie@peeters.be');
    expect((await sofie.get('/api/v1/session')).body.user.email).toBe('sofie@peeters.be');

    sofie.language = 'fr';
    const bad = await sofie.patch('/api/v1/me', { email: 'sofie at peeters' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('user.email_invalid');
    expect(bad.body.message).toBe("L'adresse e-mail sofie at peeters n'est pas valable.");
    expect(bad.body.details[0].field).toBe('email');
    expect((await sofie.get('/api/v1/session')).body.user.email).toBe('sofie@peeters.be');

    const cleared = await sofie.patch('/api/v1/me', { email: null });
    expect(cleared.body.email).toBeNull();
  });
});

describe.each(engines)('forgot password through the outbox (%s)', (engine) => {
  let env: TestEnv;
  let admin: ApiClient;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    await seedOffice(env.svc);
    admin = await loggedIn(env.app);
    await admin.post('/api/v1/users', { login: 'lotte', displayName: 'Lotte Claes', email: 'lotte@claes.be', password: 'lotte-pass-1', role: 'staff', language: 'fr' });
    await admin.post('/api/v1/users', { login: 'jef', password: 'jef-pass-123', role: 'staff' });
  });
  afterAll(() => env?.close());

  it('mails a single-use link that sets a new password once; a second use is refused clearly', async () => {
    const lotteSession = await loggedIn(env.app, 'lotte', 'lotte-pass-1');
    const anonymous = new ApiClient(env.app);
    const asked = await anonymous.post('/api/v1/password/forgot', { login: 'lotte' });
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ outcome: 'mailed' });

    const { entry, mail, token, link } = await latestResetMail(admin, 'lotte@claes.be');
    // In the user's language (French), kept in the outbox because no SMTP server is configured.
    expect(entry).toMatchObject({ subject: 'Argonaut : définir un nouveau mot de passe', status: 'kept' });
    expect(mail.body).toContain('Bonjour Lotte Claes');
    expect(mail.body).toContain('valable une heure');

    // The same mail is an .eml file under <data>/outbox.
    const emlDir = path.join(env.dataDir, 'outbox');
    const files = fs.readdirSync(emlDir).filter((f) => f.endsWith('.eml'));
    expect(files.length).toBeGreaterThanOrEqual(1);
    const eml = fs.readFileSync(path.join(emlDir, files.at(-1)!), 'utf8');
    expect(eml).toMatch(/^To: lotte@claes\.be$/m);
    expect(eml).toMatch(/^Subject: /m);
    expect(eml.replace(/=\r?\n/g, '').replace(/=3D/g, '=')).toContain(link);
    expect(mail.emlFile).toBe(path.join(emlDir, files.at(-1)!));

    const reset = await anonymous.post('/api/v1/password/reset', { token, newPassword: 'lotte-nieuw-2' });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ login: 'lotte' });
    expect((await anonymous.login('lotte', 'lotte-pass-1')).status).toBe(401);
    expect((await new ApiClient(env.app).login('lotte', 'lotte-nieuw-2')).status).toBe(201);
    // Sessions opened with the old password are ended.
    expect((await lotteSession.get('/api/v1/dossiers')).status).toBe(401);

    const reused = new ApiClient(env.app);
    reused.language = 'en';
    const again = await reused.post('/api/v1/password/reset', { token, newPassword: 'overname-pass-3' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('auth.reset_link_invalid');
    expect(again.body.message).toBe('This password reset link is invalid or has already been used. Ask for a new one.');
    expect((await new ApiClient(env.app).login('lotte', 'overname-pass-3')).status).toBe(401);
  });

  it('refuses a link older than one hour, says it expired, and keeps the password', async () => {
    await new ApiClient(env.app).post('/api/v1/password/forgot', { login: 'lotte' });
    const { token } = await latestResetMail(admin, 'lotte@claes.be');
    env.clock.advance(61 * MINUTE);
    const anonymous = new ApiClient(env.app);
    anonymous.language = 'nl';
    const late = await anonymous.post('/api/v1/password/reset', { token, newPassword: 'te-laat-pass-4' });
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('auth.reset_link_expired');
    expect(late.body.message).toBe('Deze link om het wachtwoord te herstellen is verlopen (geldig één uur). Vraag een nieuwe aan.');
    expect((await anonymous.login('lotte', 'te-laat-pass-4')).status).toBe(401);
    expect((await anonymous.login('lotte', 'lotte-nieuw-2')).status).toBe(201);
  });

  it('refuses a too-short new password without using up the link', async () => {
    await new ApiClient(env.app).post('/api/v1/password/forgot', { login: 'lotte' });
    const { token } = await latestResetMail(admin, 'lotte@claes.be');
    const anonymous = new ApiClient(env.app);
    const short = await anonymous.post('/api/v1/password/reset', { token, newPassword: 'kort' });
    expect(short.status).toBe(400);
    expect(short.body.details[0]).toMatchObject({ field: 'newPassword', code: 'auth.password_too_short' });
    expect((await anonymous.post('/api/v1/password/reset', { token, newPassword: 'lotte-derde-3' })).status).toBe(200);
  });

  it('answers no_email for a user without e-mail address (and for an unknown login), and mails nothing', async () => {
    const before = (await admin.get('/api/v1/outbox')).body.length;
    const anonymous = new ApiClient(env.app);
    expect((await anonymous.post('/api/v1/password/forgot', { login: 'jef' })).body).toEqual({ outcome: 'no_email' });
    expect((await anonymous.post('/api/v1/password/forgot', { login: 'niemand' })).body).toEqual({ outcome: 'no_email' });
    expect((await admin.get('/api/v1/outbox')).body.length).toBe(before);
  });

  it('shows the outbox only to administrators of the office', async () => {
    const jef = await loggedIn(env.app, 'jef', 'jef-pass-123');
    const res = await jef.get('/api/v1/outbox');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('user.admin_only');
  });
});
