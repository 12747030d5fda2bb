/**
 * End-to-end harness: the real server (buildApp + listen on a free port) with the built web UI
 * (web/dist) on a test database, and Debian's Chromium driven by playwright-core, headless, with a
 * fresh user data dir. Nothing is skipped: a missing Chromium or an unbuilt UI fails with a message
 * that says what to do.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildApp, WEB_DIST } from '../../src/server/app.ts';
import type { App } from '../../src/server/http.ts';
import { createTestEnv, type Engine, type TestEnv } from '../helpers.ts';
import { en } from '../../web/src/i18n/en.ts';
import { fr } from '../../web/src/i18n/fr.ts';
import { nl, type MessageKey } from '../../web/src/i18n/nl.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const catalogues = { nl, fr, en } as const;
export type Lang = keyof typeof catalogues;

/** A UI text from the web catalogues, so the tests follow the wording of the screens. */
export function tx(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

export interface E2E {
  env: TestEnv;
  server: App;
  baseUrl: string;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function startE2E(engine: Engine = 'pglite'): Promise<E2E> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the end-to-end tests need it and do not skip. Install it with \`apt-get install chromium\` (.ci/run does), or set CHROMIUM_PATH.`,
    );
  }
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`The web UI is not built (${WEB_DIST}/index.html is missing): run \`npm run build:web\` first (\`npm test\` does it).`);
  }
  const env = await createTestEnv(engine);
  const server = await buildApp(env.svc, { serveWeb: true });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  // Links in mails (password reset) point at this server.
  env.config.publicUrl = baseUrl;

  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'argonaut-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'nl-BE',
      viewport: { width: 1280, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
  } catch (err) {
    await server.close();
    await env.close();
    throw new Error(`Chromium at ${CHROMIUM} did not start: ${(err as Error).message}`);
  }
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  return {
    env,
    server,
    baseUrl,
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
      await server.close();
      await env.close();
      if (errors.length) throw new Error(`uncaught errors in the page: ${errors.join('; ')}`);
    },
  };
}

/** Logs in through the login page and waits for the dossier chooser. */
export async function loginAs(e2e: E2E, login: string, password: string, lang: Lang = 'nl'): Promise<void> {
  const { page } = e2e;
  await page.goto(`${e2e.baseUrl}/login`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: tx(lang, 'login.submit'), exact: true }).click();
  await page.waitForURL(/\/dossiers$/);
}

/** Logs out through the user menu and waits for the login page. */
export async function logout(e2e: E2E): Promise<void> {
  const { page } = e2e;
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.waitForURL(/\/login/);
}
