/**
 * Tenant isolation, for every dossier-scoped endpoint there is (now and later): the routes are read
 * from the running app, so an endpoint added by a later capability is covered without editing this
 * file. A user of another office, and a staff member of the same office without rights on the
 * dossier, get 403 or 404, see no data of the dossier, and change nothing in it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/http.ts';
import { createTestEnv, engines, loggedIn, seedOffice, type ApiClient, type TestEnv } from '../helpers.ts';

export interface RouteInfo {
  method: string;
  path: string;
}

/** Every route of the app (method + path with :params), read from fastify's route tree. */
export function listRoutes(app: App): RouteInfo[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: RouteInfo[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:│   |    )*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    const full = (stack[depth - 1] ?? '') + m[2];
    stack[depth] = full;
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, path: full });
    }
  }
  return routes;
}

/**
 * Dossier-scoped: the path names a dossier (/dossiers/:param…, or :dossierId anywhere). The router
 * prints one node for routes that name the same segment differently (":id|:dossierId").
 */
export function isDossierScoped(path: string): boolean {
  return /\/dossiers\/:[^/]+/.test(path) || /:dossierId(\/|$|\|)/.test(path);
}

type JsonSchema = Record<string, any>;

/** A small valid example for a JSON schema (as the OpenAPI document gives it), so validation passes. */
export function exampleFor(schema: JsonSchema | undefined, doc: JsonSchema, depth = 0): unknown {
  if (!schema || depth > 8) return undefined;
  if (schema.$ref) {
    const name = String(schema.$ref).split('/').pop()!;
    return exampleFor(doc.components?.schemas?.[name], doc, depth + 1);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  for (const key of ['anyOf', 'oneOf']) {
    if (schema[key]) {
      const options = (schema[key] as JsonSchema[]).filter((s) => s.type !== 'null');
      return exampleFor(options[0] ?? schema[key][0], doc, depth + 1);
    }
  }
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: JsonSchema) => exampleFor(s, doc, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = exampleFor(schema.properties?.[key], doc, depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleFor(schema.items, doc, depth + 1));
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? schema.exclusiveMinimum ?? 1;
      return Math.max(1, typeof min === 'number' ? Math.ceil(min) + (schema.exclusiveMinimum === true ? 0 : 0) : 1);
    }
    case 'boolean':
      return true;
    case 'string': {
      if (schema.format === 'date') return '2026-01-01';
      if (schema.format === 'date-time') return '2026-01-01T00:00:00Z';
      if (schema.format === 'email') return 'someone@example.be';
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'uri' || schema.format === 'url') return 'https://example.be/';
      const candidates = ['2026-01-01', 'BE0403170701', '0403170701', 'BE68539007547034', '100', '1', 'EUR', 'x', '0'.repeat(64), '0'.repeat(40), '00000000-0000-4000-8000-000000000000', '2026-01', '400000', 'A1'];
      if (schema.pattern) {
        const re = new RegExp(schema.pattern);
        const hit = candidates.find((c) => re.test(c));
        if (hit) return hit;
      }
      const min = schema.minLength ?? 1;
      const max = schema.maxLength ?? Math.max(min, 8);
      return 'x'.repeat(Math.min(Math.max(min, 1), max));
    }
    default:
      return type === undefined && schema.properties ? exampleFor({ ...schema, type: 'object' }, doc, depth) : 'x';
  }
}

interface Prepared {
  url: string;
  payload?: string | Buffer;
  contentType?: string;
}

/** The OpenAPI path of a route: same segments, any parameter name where the route has a parameter. */
function openapiPathOf(route: RouteInfo, doc: JsonSchema): string | undefined {
  const segments = route.path.split('/');
  return Object.keys(doc.paths ?? {}).find((candidate) => {
    if (!doc.paths[candidate][route.method.toLowerCase()]) return false;
    const parts = candidate.split('/');
    return parts.length === segments.length && parts.every((p, i) => (p.startsWith('{') ? segments[i].startsWith(':') : p === segments[i]));
  });
}

/** The request an ordinary client would send to this route: valid body and query, the dossier in the path. */
function prepare(route: RouteInfo, dossierId: number, doc: JsonSchema): Prepared {
  const openapiPath = openapiPathOf(route, doc);
  const op = openapiPath ? doc.paths[openapiPath][route.method.toLowerCase()] : {};
  const params: JsonSchema[] = op.parameters ?? [];
  const template = (openapiPath ?? route.path).split('/');
  const url = template
    .map((segment, i) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1] ?? /^:(\w+)/.exec(segment)?.[1];
      if (!name) return segment;
      if (name === 'dossierId' || template[i - 1] === 'dossiers') return String(dossierId);
      const schema = params.find((p) => p.in === 'path' && p.name === name)?.schema;
      return encodeURIComponent(String(schema ? exampleFor(schema, doc) : '1'));
    })
    .join('/');
  const query = new URLSearchParams();
  for (const p of params) {
    if (p.in === 'query' && p.required) query.set(p.name, String(exampleFor(p.schema, doc)));
  }
  const fullUrl = query.size ? `${url}?${query}` : url;
  if (route.method === 'GET' || route.method === 'DELETE') {
    const json = op.requestBody?.content?.['application/json']?.schema;
    return json ? { url: fullUrl, payload: JSON.stringify(exampleFor(json, doc)), contentType: 'application/json' } : { url: fullUrl };
  }
  const content = op.requestBody?.content ?? {};
  // Without a JSON body schema the route may read an upload (multipart) itself: send one small file.
  if (!content['application/json']) {
    const boundary = '----argonautIsolationTest';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="test.txt"',
      'Content-Type: text/plain',
      '',
      'nothing to see here',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    return { url: fullUrl, payload: body, contentType: `multipart/form-data; boundary=${boundary}` };
  }
  const schema = content['application/json']?.schema;
  return { url: fullUrl, payload: JSON.stringify(schema ? exampleFor(schema, doc) ?? {} : {}), contentType: 'application/json' };
}

async function send(app: App, client: ApiClient, method: string, prepared: Prepared) {
  const headers: Record<string, string> = { 'x-language': 'en' };
  if (client.cookie) headers.cookie = client.cookie;
  if (client.csrf) headers['x-csrf-token'] = client.csrf;
  if (client.token) headers.authorization = `Bearer ${client.token}`;
  if (prepared.contentType) headers['content-type'] = prepared.contentType;
  const res = await app.inject({ method: method as 'GET', url: prepared.url, payload: prepared.payload, headers });
  return { status: res.statusCode, text: res.body, contentType: String(res.headers['content-type'] ?? '') };
}

/** Rows of the dossier in every table that has a dossier_id column (and the dossier row itself). */
async function dossierFootprint(env: TestEnv, dossierId: number): Promise<Record<string, unknown>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = current_schema() and column_name = 'dossier_id' order by table_name`.execute(env.svc.db);
  const out: Record<string, unknown> = {};
  for (const { table_name } of tables.rows) {
    const rows = await sql`select * from ${sql.table(table_name)} where dossier_id = ${dossierId}`.execute(env.svc.db);
    out[table_name] = JSON.stringify(rows.rows);
  }
  out.dossier = JSON.stringify((await sql`select * from dossier where id = ${dossierId}`.execute(env.svc.db)).rows);
  return out;
}

describe.each(engines)('tenant isolation on every dossier-scoped endpoint (%s)', (engine) => {
  let env: TestEnv;
  let adminA: ApiClient;
  let outsider: ApiClient;
  let staffA: ApiClient;
  let outsiderToken: ApiClient;
  let secret: { id: number; values: string[] };
  let ownDossier: number;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    await seedOffice(env.svc, 'Kantoor Alfa', 'admin');
    await seedOffice(env.svc, 'Kantoor Beta', 'outsider');
    adminA = await loggedIn(env.app);
    const created = await adminA.post('/api/v1/dossiers', {
      name: 'Geheim Zeta BV',
      vatNumber: 'BE0403170701',
      city: 'Zetadorp',
      street: 'Verborgenstraat 7',
      email: 'zaakvoerder@geheim-zeta.be',
      contactFields: [{ label: 'Kluiscode', value: 'KLUIS-4711' }],
      applicant: { name: 'Aanvrager Zeta', email: 'aanvrager@geheim-zeta.be' },
      modules: { invoicing: true, bank: true, documents: true },
    });
    expect(created.status).toBe(201);
    secret = {
      id: created.body.id,
      values: ['Geheim Zeta', 'Zetadorp', 'Verborgenstraat', 'geheim-zeta', 'KLUIS-4711', '0403170701', 'Aanvrager Zeta', created.body.mailboxAddress],
    };
    ownDossier = (await adminA.post('/api/v1/dossiers', { name: 'Eigen Zaak Client' })).body.id;
    await adminA.post('/api/v1/users', { login: 'staff-a', password: 'staff-a-pass-1', role: 'staff', rights: [{ dossierId: ownDossier, rights: ['view', 'book', 'accounts', 'export'] }] });
    await adminA.post('/api/v1/users', { login: 'client-a', password: 'client-a-pass-1', role: 'client', rights: [{ dossierId: ownDossier, rights: ['view', 'book'] }] });
    outsider = await loggedIn(env.app, 'outsider', 'admin-pass-1');
    staffA = await loggedIn(env.app, 'staff-a', 'staff-a-pass-1');
    outsiderToken = new (outsider.constructor as new (app: App) => ApiClient)(env.app);
    outsiderToken.token = (await outsider.post('/api/v1/tokens', { name: 'isolation' })).body.token;
  });
  afterAll(() => env?.close());

  it('finds the dossier-scoped endpoints in the running app, each described in the OpenAPI document', () => {
    const doc = env.app.swagger() as JsonSchema;
    const scoped = listRoutes(env.app).filter((r) => isDossierScoped(r.path));
    const shapes = scoped.map((r) => `${r.method} ${r.path.replace(/:[^/]+/g, ':param')}`);
    expect(shapes).toEqual(
      expect.arrayContaining(['GET /api/v1/dossiers/:param', 'PATCH /api/v1/dossiers/:param', 'DELETE /api/v1/dossiers/:param', 'POST /api/v1/dossiers/:param/open']),
    );
    expect(scoped.filter((r) => !openapiPathOf(r, doc)).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('gives another office, a staff member without rights and another office API token 403/404, no data, and no change', async () => {
    const doc = env.app.swagger() as JsonSchema;
    const routes = listRoutes(env.app).filter((r) => isDossierScoped(r.path));
    const before = await dossierFootprint(env, secret.id);
    const problems: string[] = [];
    // Reads first, deletes last: a route that wrongly let a write through should not hide the next one.
    const order = (m: string) => ({ GET: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 2 })[m] ?? 1;
    routes.sort((a, b) => order(a.method) - order(b.method));
    for (const route of routes) {
      const prepared = prepare(route, secret.id, doc);
      for (const [who, client] of [['user of another office', outsider], ['staff without rights on the dossier', staffA], ['API token of another office', outsiderToken]] as const) {
        const res = await send(env.app, client, route.method, prepared);
        const where = `${route.method} ${prepared.url} as ${who}`;
        if (res.status !== 403 && res.status !== 404) {
          problems.push(`${where}: status ${res.status} (expected 403 or 404): ${res.text.slice(0, 300)}`);
          continue;
        }
        let body: { code?: string; message?: string; details?: unknown } = {};
        try {
          body = JSON.parse(res.text);
        } catch {
          problems.push(`${where}: the refusal is not a JSON error body: ${res.text.slice(0, 200)}`);
          continue;
        }
        if (!body.code || !body.message || !Array.isArray(body.details)) problems.push(`${where}: the refusal is not {code, message, details}: ${res.text.slice(0, 200)}`);
        if (body.code === 'request.not_found') problems.push(`${where}: route not matched (test built a wrong URL): ${res.text.slice(0, 200)}`);
        for (const value of secret.values) {
          if (res.text.toLowerCase().includes(value.toLowerCase())) problems.push(`${where}: the answer shows "${value}" of the dossier`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Nothing of the dossier changed, in any table that keeps dossier data.
    expect(await dossierFootprint(env, secret.id)).toEqual(before);
    expect((await adminA.get(`/api/v1/dossiers/${secret.id}`)).body.name).toBe('Geheim Zeta BV');
  });

  it('keeps the dossier out of other offices\' lists and searches', async () => {
    for (const client of [outsider, staffA, outsiderToken]) {
      const list = await client.get('/api/v1/dossiers?pageSize=500');
      expect(list.status).toBe(200);
      expect(list.body.items.map((d: { id: number }) => d.id)).not.toContain(secret.id);
      const search = await client.get('/api/v1/dossiers?search=Zeta');
      expect(search.body.total).toBe(0);
      expect(JSON.stringify(search.body)).not.toContain('Geheim');
      const byId = await client.get(`/api/v1/dossiers?search=${secret.id}`);
      expect(byId.body.items.map((d: { id: number }) => d.id)).not.toContain(secret.id);
    }
    // The outbox of another office shows none of this office's mail.
    await adminA.patch('/api/v1/me', { email: 'admin-alfa@example.be' });
    await adminA.post('/api/v1/password/forgot', { login: 'admin' });
    expect((await adminA.get('/api/v1/outbox')).body.length).toBeGreaterThan(0);
    const foreign = await outsider.get('/api/v1/outbox');
    expect(foreign.body.map((m: { to: string }) => m.to)).not.toContain('admin-alfa@example.be');
    const own = (await adminA.get('/api/v1/outbox')).body[0].id;
    expect((await outsider.get(`/api/v1/outbox/${own}`)).status).toBe(404);
  });

  it('shows a client user only their own dossier', async () => {
    const client = await loggedIn(env.app, 'client-a', 'client-a-pass-1');
    const list = await client.get('/api/v1/dossiers');
    expect(list.body.items.map((d: { id: number }) => d.id)).toEqual([ownDossier]);
    expect(list.body.total).toBe(1);
    expect((await client.get(`/api/v1/dossiers/${ownDossier}`)).body.name).toBe('Eigen Zaak Client');
    const other = await client.get(`/api/v1/dossiers/${secret.id}`);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('Zeta');
    expect((await client.post(`/api/v1/dossiers/${secret.id}/open`)).status).toBe(404);
  });
});
