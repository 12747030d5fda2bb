/**
 * The web UI (React SPA in web/): `npm run build:web` builds it to web/dist, which the Fastify
 * server serves with an SPA fallback. In development `npx vite` serves it on :5173 and proxies
 * /api to the server on :3000 (`npm run dev`).
 */
import fs from 'node:fs';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const pkg = JSON.parse(fs.readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  root: 'web',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
