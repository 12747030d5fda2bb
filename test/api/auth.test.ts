/**
 * Logging in through the HTTP API: first-run setup, login/logout, wrong passwords in three languages,
 * login throttling, session idle expiry, the session cookie's flags, CSRF for cookie-authenticated
 * writes, and Bearer API tokens (which need no CSRF token).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/services.ts';
import { ApiClient, createTestEnv, engines, loggedIn, seedOffice, type TestEnv } from '../helpers.ts';

const MINUTE = 60_000;

describe('session cookie "Secure" flag', () => {
  it('is set when the public address is https, and not for plain http on localhost', () => {
    expect(configFromEnv({ PUBLIC_URL: 'https://boekhouding.example.be' }).secureCookies).toBe(true);
    expect(configFromEnv({ PORT: '3000' }).secureCookies).toBe(false);
  });
});

describe.each(engines)('first-run setup (%s)', (engine) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(engine);
  });
  afterAll(() => env?.close());

  it('says setup is needed on an empty installation, creates the office and administrator, logs in, and is refused once done', async () => {
    const client = new ApiClient(env.app);
    expect((await client.get('/api/v1/setup')).body).toEqual({ needed: true });
    const session = await client.get('/api/v1/session');
    expect(session.body).toMatchObject({ user: null, setupNeeded: true });

    const res = await client.post('/api/v1/setup', {
      officeName: 'Boekhoudkantoor Maes',
      login: 'els',
      displayName: 'Els Maes',
      email: 'els@maes.be',
      password: 'els-wachtwoord-1',
      language: 'fr',
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ login: 'els', displayName: 'Els Maes', role: 'admin', language: 'fr', email: 'els@maes.be' });
    expect(res.body.office.name).toBe('Boekhoudkantoor Maes');
    expect(res.body.csrfToken).toEqual(expect.any(String));
    client.csrf = res.body.csrfToken;

    // Logged in straight away: the session answers with the new administrator.
    const me = await client.get('/api/v1/session');
    expect(me.body.user.login).toBe('els');
    expect(me.body.setupNeeded).toBe(false);
    expect((await client.get('/api/v1/setup')).body).toEqual({ needed: false });

    // A second setup (e.g. someone else finding the welcome page) is refused and creates nobody.
    const stranger = new ApiClient(env.app);
    stranger.language = 'en';
    const again = await stranger.post('/api/v1/setup', { officeName: 'Overname', login: 'mallory', password: 'mallory-pass-1' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('auth.setup_done');
    expect(again.body.message).toBe('Argonaut has already been set up: please log in.');
    expect((await stranger.login('mallory', 'mallory-pass-1')).status).toBe(401);
    const users = await client.get('/api/v1/users');
    expect(users.body.items.map((u: { login: string }) => u.login)).toEqual(['els']);
  });

  it('refuses a setup password that is too short and names the field', async () => {
    const fresh = await createTestEnv(engine);
    try {
      const client = new ApiClient(fresh.app);
      const res = await client.post('/api/v1/setup', { officeName: 'Kantoor', login: 'jan', password: 'kort' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('auth.password_too_short');
      expect(res.body.details[0].field).toBe('password');
      expect((await client.get('/api/v1/setup')).body).toEqual({ needed: true });
      // Nothing half-written: no office without its administrator.
      expect(await fresh.svc.db.selectFrom('office').selectAll().execute()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

describe.each(engines)('login, logout and sessions (%s)', (engine) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    await seedOffice(env.svc);
  });
  afterAll(() => env?.close());

  it('logs in with a session cookie that is httpOnly and SameSite=Strict, and logs out', async () => {
    const client = new ApiClient(env.app);
    const res = await client.login('admin', 'admin-pass-1');
    expect(res.status).toBe(201);
    expect(res.body.user.login).toBe('admin');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^argonaut_session=[\w-]{20,};/);
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Strict/i);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/; Secure/i); // http://argonaut.test is not https

    // The login name is not case-sensitive.
    expect((await new ApiClient(env.app).login('ADMIN', 'admin-pass-1')).status).toBe(201);

    const me = await client.get('/api/v1/session');
    expect(me.body.user.login).toBe('admin');
    expect(me.body.csrfToken).toBe(client.csrf);

    const cookieBefore = client.cookie;
    const out = await client.delete('/api/v1/session');
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/argonaut_session=;/);
    // The old cookie no longer works, even when replayed.
    client.cookie = cookieBefore;
    expect((await client.get('/api/v1/session')).body.user).toBeNull();
    const refused = await client.get('/api/v1/dossiers');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('auth.not_logged_in');
  });

  it('refuses a wrong password with a message in the language asked (nl by default, fr, en)', async () => {
    const client = new ApiClient(env.app);
    const nl = await client.login('admin', 'niet-het-wachtwoord');
    expect(nl.status).toBe(401);
    expect(nl.body).toEqual({ code: 'auth.invalid_credentials', message: 'Onbekende gebruikersnaam of verkeerd wachtwoord.', details: [] });
    expect(nl.headers['set-cookie']).toBeUndefined();

    client.language = 'fr';
    const fr = await client.login('admin', 'pas-le-mot-de-passe');
    expect(fr.status).toBe(401);
    expect(fr.body.message).toBe("Nom d'utilisateur inconnu ou mot de passe erroné.");

    client.language = 'en';
    const en = await client.login('nobody-here', 'whatever-1');
    expect(en.status).toBe(401);
    // An unknown login gets exactly the same answer as a wrong password.
    expect(en.body).toEqual({ code: 'auth.invalid_credentials', message: 'Unknown login name or wrong password.', details: [] });

    // Accept-Language works too when no X-Language is given.
    const viaHeader = await env.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'admin', password: 'nope-nope' }, headers: { 'accept-language': 'fr-BE,fr;q=0.9' } });
    expect(viaHeader.json().message).toBe("Nom d'utilisateur inconnu ou mot de passe erroné.");

    // Failed attempts are forgotten after a success (the throttle counts only consecutive failures).
    expect((await client.login('admin', 'admin-pass-1')).status).toBe(201);
  });

  it('refuses logins for a while after five failures, says for how long, and lets the user in after the window', async () => {
    const admin = await loggedIn(env.app);
    expect((await admin.post('/api/v1/users', { login: 'piet', password: 'piet-pass-12', role: 'staff' })).status).toBe(201);

    const client = new ApiClient(env.app);
    client.language = 'en';
    for (let i = 0; i < 5; i++) expect((await client.login('piet', `wrong-${i}-password`)).status).toBe(401);
    const blocked = await client.login('piet', 'piet-pass-12');
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('auth.too_many_attempts');
    expect(blocked.body.message).toBe('Too many failed login attempts for piet. Try again in 15 minutes.');
    expect(blocked.headers['set-cookie']).toBeUndefined();

    env.clock.advance(10 * MINUTE);
    client.language = 'nl';
    const stillBlocked = await client.login('PIET', 'piet-pass-12');
    expect(stillBlocked.status).toBe(429);
    expect(stillBlocked.body.message).toBe('Te veel mislukte aanmeldpogingen voor PIET. Probeer opnieuw over 5 minuten.');

    // Another user is not affected by piet's throttle.
    expect((await new ApiClient(env.app).login('admin', 'admin-pass-1')).status).toBe(201);

    env.clock.advance(6 * MINUTE);
    const ok = await client.login('piet', 'piet-pass-12');
    expect(ok.status).toBe(201);
    expect(ok.body.user.login).toBe('piet');
  });

  it('ends a session after the idle time, but keeps an active one alive', async () => {
    const idle = env.config.sessionIdleMinutes;
    const active = await loggedIn(env.app);
    const sleepy = await loggedIn(env.app);

    env.clock.advance((idle - 10) * MINUTE);
    expect((await active.get('/api/v1/dossiers')).status).toBe(200); // activity extends the session
    env.clock.advance(20 * MINUTE);
    expect((await active.get('/api/v1/dossiers')).status).toBe(200);

    // The sleepy session saw no activity for idle + 10 minutes.
    const expired = await sleepy.get('/api/v1/dossiers');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('auth.not_logged_in');
    expect((await sleepy.get('/api/v1/session')).body.user).toBeNull();

    env.clock.advance((idle + 1) * MINUTE);
    expect((await active.get('/api/v1/dossiers')).status).toBe(401);
  });
});

describe.each(engines)('CSRF protection and API tokens (%s)', (engine) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    await seedOffice(env.svc);
  });
  afterAll(() => env?.close());

  it('refuses a cookie-authenticated write without the CSRF token, or with a wrong one, and writes nothing', async () => {
    const client = await loggedIn(env.app);
    const csrf = client.csrf;
    const before = (await client.get('/api/v1/dossiers')).body.total;

    client.csrf = '';
    client.language = 'en';
    const without = await client.post('/api/v1/dossiers', { name: 'Zonder Sleutel BV' });
    expect(without.status).toBe(403);
    expect(without.body.code).toBe('auth.csrf_failed');
    expect(without.body.message).toMatch(/CSRF/);

    client.csrf = `${csrf}x`;
    expect((await client.post('/api/v1/dossiers', { name: 'Verkeerde Sleutel BV' })).status).toBe(403);
    expect((await client.patch('/api/v1/me', { theme: 'dark' })).status).toBe(403);
    expect((await client.post('/api/v1/me/password', { currentPassword: 'admin-pass-1', newPassword: 'gestolen-pass-1' })).status).toBe(403);
    expect((await client.delete('/api/v1/session')).status).toBe(403);

    // Another session's token is not this session's token.
    const other = await loggedIn(env.app);
    client.csrf = other.csrf;
    expect((await client.post('/api/v1/dossiers', { name: 'Andere Sessie BV' })).status).toBe(403);

    client.csrf = csrf;
    const after = await client.get('/api/v1/dossiers');
    expect(after.body.total).toBe(before);
    expect((await client.get('/api/v1/session')).body.user.theme).toBe('light');
    expect((await new ApiClient(env.app).login('admin', 'admin-pass-1')).status).toBe(201); // password unchanged, session still there
    expect((await client.get('/api/v1/session')).body.user.login).toBe('admin');

    // With the right token the same write goes through.
    expect((await client.post('/api/v1/dossiers', { name: 'Met Sleutel BV' })).status).toBe(201);
  });

  it('lets a Bearer API token write without a CSRF token, and refuses it once revoked', async () => {
    const client = await loggedIn(env.app);
    const created = await client.post('/api/v1/tokens', { name: 'boekhoudscript' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^arg_/);

    const bot = new ApiClient(env.app);
    bot.token = created.body.token;
    const res = await bot.post('/api/v1/dossiers', { name: 'Via Token BV' });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('Via Token BV');

    await client.delete(`/api/v1/tokens/${created.body.id}`);
    bot.language = 'en';
    const refused = await bot.get('/api/v1/dossiers');
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'auth.invalid_token', message: 'The API token is invalid or has been revoked.' });
    const unknown = new ApiClient(env.app);
    unknown.token = 'arg_not-a-real-token';
    expect((await unknown.get('/api/v1/dossiers')).status).toBe(401);
  });
});
