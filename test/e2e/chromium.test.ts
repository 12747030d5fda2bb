/**
 * The end-to-end tests need Debian's Chromium and the built web UI; they never skip. This test
 * names what is missing as a failed test (the other e2e files fail in their setup with the same message).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.ts';
import { CHROMIUM } from './harness.ts';

it('has Chromium to drive (apt-get install chromium; .ci/run installs it)', () => {
  expect(fs.existsSync(CHROMIUM), `Chromium is missing at ${CHROMIUM}: install it with \`apt-get install chromium\``).toBe(true);
  expect(() => fs.accessSync(CHROMIUM, fs.constants.X_OK), `${CHROMIUM} is not executable`).not.toThrow();
});

it('has the built web UI to serve (npm run build:web; npm test builds it)', () => {
  expect(fs.existsSync(path.join(WEB_DIST, 'index.html')), `${WEB_DIST}/index.html is missing: run \`npm run build:web\``).toBe(true);
});
