/**
 * Test helpers: databases started from the template on both engines, services, the HTTP app,
 * and an API client that logs in like the web UI (session cookie + CSRF token).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { sql } from 'kysely';
import { FixedClock, type Clock } from '../src/core/clock.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/index.ts';
import { buildApp } from '../src/server/app.ts';
import type { App } from '../src/server/http.ts';
import { configFromEnv, createServices, type Config, type Services } from '../src/services.ts';
import { createOffice, cliActor } from '../src/modules/users/offices.ts';
import { createUser } from '../src/modules/users/manage-users.ts';

export type Engine = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const engines: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

let templateBlob: Blob | undefined;

/** A fresh, migrated database on the engine, started from the template. */
export async function openTestDatabase(engine: Engine): Promise<DatabaseHandle> {
  if (engine === 'pglite') {
    templateBlob ??= new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    return openDatabase({ loadDataDir: templateBlob });
  }
  const scratch = await scratchPostgresDatabase();
  const handle = await openDatabase({ url: scratch.url, poolSize: 5 });
  const close = handle.close;
  handle.close = async () => {
    await close();
    await scratch.drop();
  };
  return handle;
}

/** A fresh PostgreSQL database made from the test template (TEST_DATABASE_URL's server): its URL, and how to drop it. */
export async function scratchPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL!;
  const name = `argonaut_test_${Math.floor(Date.now() / 1000)}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ url, poolSize: 1 });
  try {
    await sql.raw(`create database ${name} template ${inject('postgresTemplate')}`).execute(admin.db);
  } finally {
    await admin.close();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const again = await openDatabase({ url, poolSize: 1 });
      await sql.raw(`drop database if exists ${name} with (force)`).execute(again.db);
      await again.close();
    },
  };
}

export interface TestEnv {
  svc: Services;
  app: App;
  clock: FixedClock;
  config: Config;
  dataDir: string;
  close(): Promise<void>;
}

export async function createTestEnv(engine: Engine, overrides: Partial<Config> = {}, clock = new FixedClock(new Date('2026-03-15T09:00:00Z'))): Promise<TestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-test-'));
  const config = configFromEnv({}, { dataDir, publicUrl: 'http://argonaut.test', ...overrides });
  const handle = await openTestDatabase(engine);
  const svc = await createServices({ config, handle, clock: clock as Clock, migrate: false });
  const app = await buildApp(svc, { serveWeb: false });
  await app.ready();
  return {
    svc,
    app,
    clock,
    config,
    dataDir,
    close: async () => {
      await app.close();
      await svc.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An office with an administrator (login "admin", password "admin-pass-1"). */
export async function seedOffice(svc: Services, name = 'Kantoor Peeters', login = 'admin') {
  const { officeId } = await createOffice(svc, { name });
  const admin = await createUser(svc, cliActor(officeId), { login, password: 'admin-pass-1', role: 'admin', email: `${login}@example.be` }, officeId);
  return { officeId, adminId: admin.id };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** Talks to the API the way the web UI does: cookie session, CSRF header, chosen language. */
export class ApiClient {
  cookie = '';
  csrf = '';
  token = '';
  language = '';

  constructor(private readonly app: App) {}

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf) h['x-csrf-token'] = this.csrf;
    if (this.token) h.authorization = `Bearer ${this.token}`;
    if (this.language) h['x-language'] = this.language;
    const res = await this.app.inject({ method: method as 'GET', url, payload: body as object, headers: h });
    const setCookie = res.cookies.find((c) => c.name === 'argonaut_session');
    if (setCookie) this.cookie = setCookie.value ? `argonaut_session=${setCookie.value}` : '';
    const parsed = res.body && res.headers['content-type']?.toString().includes('json') ? res.json() : res.body;
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body ?? {});
  }
  patch<T = any>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body ?? {});
  }
  put<T = any>(url: string, body?: unknown) {
    return this.request<T>('PUT', url, body ?? {});
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }

  async login(login: string, password: string): Promise<ApiResponse> {
    const res = await this.post('/api/v1/session', { login, password });
    if (res.status === 201) this.csrf = res.body.csrfToken;
    return res;
  }
}

export async function loggedIn(app: App, login = 'admin', password = 'admin-pass-1'): Promise<ApiClient> {
  const client = new ApiClient(app);
  const res = await client.login(login, password);
  if (res.status !== 201) throw new Error(`login ${login} failed: ${JSON.stringify(res.body)}`);
  return client;
}
