/**
 * Management → Users through the HTTP API (administrators add users, set rights per dossier,
 * remove users, set passwords) and API tokens (create, list, revoke; a token acts with its
 * user's rights).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestEnv, engines, loggedIn, seedOffice, type TestEnv } from '../helpers.ts';

describe.each(engines)('users management (%s)', (engine) => {
  let env: TestEnv;
  let admin: ApiClient;
  let dossierA: number;
  let dossierB: number;
  let staffId: number;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    await seedOffice(env.svc);
    admin = await loggedIn(env.app);
    dossierA = (await admin.post('/api/v1/dossiers', { name: 'Schrijnwerkerij Aerts' })).body.id;
    dossierB = (await admin.post('/api/v1/dossiers', { name: 'Bloemen Bertels' })).body.id;
  });
  afterAll(() => env?.close());

  it('lets an administrator add a user, who can then log in', async () => {
    const res = await admin.post('/api/v1/users', {
      login: 'wout',
      displayName: 'Wout Wouters',
      email: 'wout@peeters.be',
      password: 'wout-pass-12',
      role: 'staff',
      language: 'en',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ login: 'wout', displayName: 'Wout Wouters', role: 'staff', language: 'en', rights: [], mustChangePassword: false });
    staffId = res.body.id;
    const wout = await loggedIn(env.app, 'wout', 'wout-pass-12');
    expect((await wout.get('/api/v1/session')).body.user.login).toBe('wout');
    // A new staff member sees no dossier until given rights.
    expect((await wout.get('/api/v1/dossiers')).body).toMatchObject({ items: [], total: 0 });
  });

  it('refuses a taken login, an invalid login and a short password, naming the field, and adds nobody', async () => {
    const before = (await admin.get('/api/v1/users')).body.total;
    admin.language = 'en';
    const taken = await admin.post('/api/v1/users', { login: 'WOUT', password: 'andere-pass-1', role: 'staff' });
    expect(taken.status).toBe(400);
    expect(taken.body).toMatchObject({ code: 'user.login_taken', message: 'The login name WOUT is already taken.' });
    expect(taken.body.details[0].field).toBe('login');
    const invalid = await admin.post('/api/v1/users', { login: 'a b', password: 'andere-pass-1', role: 'staff' });
    expect(invalid.body.details[0].field).toBe('login');
    const short = await admin.post('/api/v1/users', { login: 'kortpw', password: 'kort', role: 'staff' });
    expect(short.body.details[0]).toMatchObject({ field: 'password', code: 'auth.password_too_short' });
    admin.language = '';
    expect((await admin.get('/api/v1/users')).body.total).toBe(before);
  });

  it('refuses user management to a non-administrator with 403', async () => {
    const wout = await loggedIn(env.app, 'wout', 'wout-pass-12');
    for (const res of [
      await wout.get('/api/v1/users'),
      await wout.post('/api/v1/users', { login: 'stiekem', password: 'stiekem-pass-1', role: 'admin' }),
      await wout.put(`/api/v1/users/${staffId}/rights`, [{ dossierId: dossierA, rights: ['view', 'book'] }]),
      await wout.patch(`/api/v1/users/${staffId}`, { role: 'admin' }),
      await wout.delete(`/api/v1/users/${staffId}`),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'user.admin_only', message: 'Only an administrator of the office can do this.' });
    }
    expect((await wout.get('/api/v1/session')).body.user.role).toBe('staff');
    expect((await wout.get('/api/v1/dossiers')).body.total).toBe(0);
  });

  it('sets rights per dossier: the user sees and may do exactly what was granted', async () => {
    const res = await admin.put(`/api/v1/users/${staffId}/rights`, [{ dossierId: dossierA, rights: ['book'] }]);
    expect(res.status).toBe(200);
    // Every right implies view.
    expect(res.body.rights).toEqual([{ dossierId: dossierA, dossierName: 'Schrijnwerkerij Aerts', rights: ['view', 'book'] }]);

    const wout = await loggedIn(env.app, 'wout', 'wout-pass-12');
    const list = await wout.get('/api/v1/dossiers');
    expect(list.body.items.map((d: { id: number }) => d.id)).toEqual([dossierA]);
    expect(list.body.items[0].rights).toEqual(['view', 'book']);
    expect((await wout.get(`/api/v1/dossiers/${dossierA}`)).status).toBe(200);
    expect((await wout.get(`/api/v1/dossiers/${dossierB}`)).status).toBe(404);

    // Editing the dossier's settings needs "accounts": refused, naming the right, and nothing changes.
    const edit = await wout.patch(`/api/v1/dossiers/${dossierA}`, { city: 'Leuven' });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('right.missing');
    expect(edit.body.message).toMatch(/accounts|rekeningen|comptes|right\.accounts/);
    expect((await admin.get(`/api/v1/dossiers/${dossierA}`)).body.city).toBeNull();

    // Granting "accounts" on A and "view" on B; an empty list takes access away again.
    await admin.put(`/api/v1/users/${staffId}/rights`, [
      { dossierId: dossierA, rights: ['view', 'book', 'accounts'] },
      { dossierId: dossierB, rights: ['view'] },
    ]);
    expect((await wout.patch(`/api/v1/dossiers/${dossierA}`, { city: 'Leuven' })).body.city).toBe('Leuven');
    expect((await wout.get('/api/v1/dossiers')).body.total).toBe(2);
    await admin.put(`/api/v1/users/${staffId}/rights`, [{ dossierId: dossierB, rights: [] }]);
    expect((await wout.get('/api/v1/dossiers')).body.items.map((d: { id: number }) => d.id)).toEqual([dossierA]);
    expect((await admin.get(`/api/v1/users/${staffId}`)).body.rights.map((r: { dossierId: number }) => r.dossierId)).toEqual([dossierA]);
  });

  it('refuses an unknown right, naming it, and changes nothing', async () => {
    const res = await admin.put(`/api/v1/users/${staffId}/rights`, [{ dossierId: dossierA, rights: ['view', 'everything'] }]);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).join()).toMatch(/rights/);
    expect((await admin.get(`/api/v1/users/${staffId}`)).body.rights[0].rights).toEqual(['view', 'book', 'accounts']);
  });

  it('lets an administrator set a password; the user must change it at the next login and old sessions end', async () => {
    const before = await loggedIn(env.app, 'wout', 'wout-pass-12');
    const res = await admin.put(`/api/v1/users/${staffId}/password`, { password: 'tijdelijk-pass-1' });
    expect(res.status).toBe(204);
    expect((await before.get('/api/v1/session')).body.user).toBeNull();
    const login = await new ApiClient(env.app).login('wout', 'tijdelijk-pass-1');
    expect(login.status).toBe(201);
    expect(login.body.user.mustChangePassword).toBe(true);

    const wout = await loggedIn(env.app, 'wout', 'tijdelijk-pass-1');
    await wout.post('/api/v1/me/password', { currentPassword: 'tijdelijk-pass-1', newPassword: 'wout-eigen-pass-2' });
    expect((await wout.get('/api/v1/session')).body.user.mustChangePassword).toBe(false);
  });

  it('lists users with search, sorting and paging', async () => {
    for (const [login, name] of [['anja', 'An Janssens'], ['bram', 'Bram Maes'], ['cas', 'Cas Peeters']]) {
      await admin.post('/api/v1/users', { login, displayName: name, password: `${login}-pass-1234`, role: 'staff' });
    }
    const all = await admin.get('/api/v1/users?sort=login');
    expect(all.body.items.map((u: { login: string }) => u.login)).toEqual(['admin', 'anja', 'bram', 'cas', 'wout']);
    expect((await admin.get('/api/v1/users?search=maes')).body.items.map((u: { login: string }) => u.login)).toEqual(['bram']);
    // Sorting ignores upper/lower case: "admin" comes last (descending), not before "Wout Wouters".
    const page2 = await admin.get('/api/v1/users?sort=displayName&direction=desc&pageSize=2&page=2');
    expect(page2.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.body.items.map((u: { displayName: string }) => u.displayName)).toEqual(['Bram Maes', 'An Janssens']);
    const page3 = await admin.get('/api/v1/users?sort=displayName&direction=desc&pageSize=2&page=3');
    expect(page3.body.items.map((u: { displayName: string }) => u.displayName)).toEqual(['admin']);
  });

  it('removes a user (not yourself, and never the last administrator)', async () => {
    const me = (await admin.get('/api/v1/session')).body.user.id;
    admin.language = 'nl';
    const self = await admin.delete(`/api/v1/users/${me}`);
    expect(self.status).toBe(409);
    expect(self.body).toMatchObject({ code: 'user.cannot_remove_self', message: 'Je kan jezelf niet verwijderen.' });

    // The only administrator cannot step down to staff either.
    const demote = await admin.patch(`/api/v1/users/${me}`, { role: 'staff' });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('user.last_admin');
    expect((await admin.get('/api/v1/session')).body.user.role).toBe('admin');

    // With a second administrator, one of them can be removed, and their sessions end.
    const second = (await admin.post('/api/v1/users', { login: 'tweede', password: 'tweede-pass-1', role: 'admin' })).body.id;
    const secondSession = await loggedIn(env.app, 'tweede', 'tweede-pass-1');
    expect((await admin.delete(`/api/v1/users/${second}`)).status).toBe(204);
    expect((await secondSession.get('/api/v1/dossiers')).status).toBe(401);
    expect((await new ApiClient(env.app).login('tweede', 'tweede-pass-1')).status).toBe(401);
    expect((await admin.get(`/api/v1/users/${second}`)).status).toBe(404);

    const wout = await loggedIn(env.app, 'wout', 'wout-eigen-pass-2');
    expect((await admin.delete(`/api/v1/users/${staffId}`)).status).toBe(204);
    expect((await wout.get('/api/v1/dossiers')).status).toBe(401);
    expect((await admin.get('/api/v1/users')).body.items.map((u: { login: string }) => u.login)).not.toContain('wout');
  });

  it('does not show or change users of another office', async () => {
    const other = await seedOffice(env.svc, 'Kantoor Elders', 'elders');
    const elders = await loggedIn(env.app, 'elders', 'admin-pass-1');
    expect((await elders.get('/api/v1/users')).body.items.map((u: { login: string }) => u.login)).toEqual(['elders']);
    const me = (await admin.get('/api/v1/session')).body.user.id;
    expect((await elders.get(`/api/v1/users/${me}`)).status).toBe(404);
    expect((await elders.put(`/api/v1/users/${me}/password`, { password: 'overgenomen-1' })).status).toBe(404);
    expect((await elders.delete(`/api/v1/users/${me}`)).status).toBe(404);
    // Rights can only be given on dossiers of one's own office.
    const res = await elders.put(`/api/v1/users/${other.adminId}/rights`, [{ dossierId: dossierA, rights: ['view'] }]);
    expect(res.status).toBe(404);
    expect((await elders.get('/api/v1/dossiers')).body.total).toBe(0);
    expect((await new ApiClient(env.app).login('admin', 'admin-pass-1')).status).toBe(201);
  });
});

describe.each(engines)('API tokens (%s)', (engine) => {
  let env: TestEnv;
  let admin: ApiClient;
  let granted: number;
  let hidden: number;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    await seedOffice(env.svc);
    admin = await loggedIn(env.app);
    granted = (await admin.post('/api/v1/dossiers', { name: 'Garage Goossens' })).body.id;
    hidden = (await admin.post('/api/v1/dossiers', { name: 'Verborgen Vastgoed' })).body.id;
    await admin.post('/api/v1/users', { login: 'tine', password: 'tine-pass-123', role: 'staff', rights: [{ dossierId: granted, rights: ['view'] }] });
  });
  afterAll(() => env?.close());

  it('creates, lists and revokes tokens; the secret is shown only once', async () => {
    const tine = await loggedIn(env.app, 'tine', 'tine-pass-123');
    const created = await tine.post('/api/v1/tokens', { name: 'Excel-koppeling' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Excel-koppeling', revokedAt: null });
    expect(created.body.token).toMatch(/^arg_[\w-]{40,}$/);
    expect(created.body.token.startsWith(created.body.prefix)).toBe(true);

    const list = await tine.get('/api/v1/tokens');
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ id: created.body.id, name: 'Excel-koppeling', prefix: created.body.prefix, lastUsedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);

    // Another user neither sees nor revokes it.
    expect((await admin.get('/api/v1/tokens')).body).toEqual([]);
    expect((await admin.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(404);

    const bot = new ApiClient(env.app);
    bot.token = created.body.token;
    expect((await bot.get('/api/v1/dossiers')).status).toBe(200);
    expect((await tine.get('/api/v1/tokens')).body[0].lastUsedAt).not.toBeNull();

    expect((await tine.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(204);
    expect((await tine.get('/api/v1/tokens')).body[0].revokedAt).not.toBeNull();
    const refused = await bot.get('/api/v1/dossiers');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('auth.invalid_token');
    expect((await tine.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(404);
  });

  it('acts with its user rights: a staff token sees only the granted dossier and cannot manage users', async () => {
    const tine = await loggedIn(env.app, 'tine', 'tine-pass-123');
    const bot = new ApiClient(env.app);
    bot.token = (await tine.post('/api/v1/tokens', { name: 'script' })).body.token;

    const list = await bot.get('/api/v1/dossiers');
    expect(list.body.items.map((d: { id: number }) => d.id)).toEqual([granted]);
    expect((await bot.get(`/api/v1/dossiers/${granted}`)).body.name).toBe('Garage Goossens');
    const other = await bot.get(`/api/v1/dossiers/${hidden}`);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('Verborgen');
    expect((await bot.patch(`/api/v1/dossiers/${granted}`, { city: 'Hasselt' })).status).toBe(403);
    expect((await bot.get('/api/v1/users')).status).toBe(403);
    expect((await bot.get('/api/v1/outbox')).status).toBe(403);

    // Rights changed by the administrator apply to the token at once.
    const tineId = (await tine.get('/api/v1/session')).body.user.id;
    await admin.put(`/api/v1/users/${tineId}/rights`, [{ dossierId: granted, rights: [] }]);
    expect((await bot.get('/api/v1/dossiers')).body.total).toBe(0);
    expect((await bot.get(`/api/v1/dossiers/${granted}`)).status).toBe(404);
  });

  it('refuses an empty token name', async () => {
    const res = await admin.post('/api/v1/tokens', { name: '  ' });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('name');
  });
});
