/**
 * Malformed API requests (invalid JSON, wrong types, missing fields, unknown routes): 400/404 with
 * { code, message, details } naming the field, in the caller's language, and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, loggedIn, seedOffice, type ApiClient, type TestEnv } from '../helpers.ts';

describe.each(engines)('malformed API requests (%s)', (engine) => {
  let env: TestEnv;
  let admin: ApiClient;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    await seedOffice(env.svc);
    admin = await loggedIn(env.app);
  });
  afterAll(() => env?.close());

  const raw = (url: string, payload: string, language = 'en', method: 'POST' | 'PATCH' = 'POST') =>
    env.app.inject({
      method,
      url,
      payload,
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'x-language': language },
    });

  it('answers invalid JSON with 400 and a clear message', async () => {
    const en = await raw('/api/v1/dossiers', '{"name": "Kapot BV",');
    expect(en.statusCode).toBe(400);
    expect(en.json()).toEqual({ code: 'request.body_invalid', message: 'The request body is not valid JSON.', details: [] });
    const nl = await raw('/api/v1/session', '{login:admin}', 'nl');
    expect(nl.statusCode).toBe(400);
    expect(nl.json().message).toBe('De inhoud van de aanvraag is geen geldige JSON.');
    expect((await admin.get('/api/v1/dossiers')).body.total).toBe(0);
  });

  it('names each field with a wrong type', async () => {
    admin.language = 'en';
    const res = await admin.post('/api/v1/dossiers', { name: 42, modules: { bank: 'yes' }, contactFields: 'none' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('request.invalid');
    expect(res.body.message).toMatch(/^The request is invalid: /);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'modules.bank', 'contactFields']));
    for (const d of res.body.details) {
      expect(d.code).toBe('request.field_invalid');
      expect(d.message).toContain(`The field ${d.field} is invalid`);
    }
    expect((await admin.get('/api/v1/dossiers')).body.total).toBe(0);

    admin.language = 'fr';
    const fr = await admin.patch('/api/v1/me', { theme: 'purple' });
    expect(fr.status).toBe(400);
    expect(fr.body.details[0].field).toBe('theme');
    expect(fr.body.message).toMatch(/^La requête n’est pas valable/);
    expect((await admin.get('/api/v1/session')).body.user.theme).toBe('light');
  });

  it('names each missing field', async () => {
    const res = await admin.post('/api/v1/users', { displayName: 'Zonder Login' });
    expect(res.status).toBe(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['login', 'password', 'role']));
    expect((await admin.get('/api/v1/users')).body.total).toBe(1);

    const login = await admin.post('/api/v1/session', {});
    expect(login.status).toBe(400);
    expect(login.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['login', 'password']));
  });

  it('names a bad path or query parameter', async () => {
    const badId = await admin.get('/api/v1/dossiers/abc');
    expect(badId.status).toBe(400);
    expect(badId.body.details[0].field).toBe('id');
    const badPage = await admin.get('/api/v1/dossiers?pageSize=100000');
    expect(badPage.status).toBe(400);
    expect(badPage.body.details[0].field).toBe('pageSize');
    const badSort = await admin.get('/api/v1/dossiers?sort=colour');
    expect(badSort.status).toBe(400);
    expect(badSort.body.details[0].field).toBe('sort');
  });

  it('answers an unknown API route with 404 in the same error shape', async () => {
    admin.language = 'nl';
    const res = await admin.get('/api/v1/bestaat-niet');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'request.not_found', message: 'Deze API-route bestaat niet: GET /api/v1/bestaat-niet', details: [] });
  });

  it('serves the OpenAPI document, the docs page and the health check', async () => {
    const doc = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const openapi = doc.json();
    expect(openapi.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/session', '/api/v1/dossiers', '/api/v1/dossiers/{id}', '/api/v1/users', '/api/v1/tokens']));
    expect(openapi.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const docs = await env.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('<html');
    const health = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
  });
});
