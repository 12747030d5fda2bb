/** `argonaut serve` / `npm start`: open the database, migrate, listen, and say how to log in. */
import { isSetupNeeded } from '../modules/users/offices.ts';
import { createServices, type Config } from '../services.ts';
import { buildApp, WEB_DIST } from './app.ts';
import { startScheduler } from '../modules/jobs/jobs.ts';
import '../modules/jobs/maintenance.ts';
import fs from 'node:fs';
import path from 'node:path';

export async function startServer(config: Config, options: { host?: string; logger?: boolean } = {}) {
  const svc = await createServices({ config });
  const app = await buildApp(svc, { logger: options.logger });
  await app.listen({ port: config.port, host: options.host ?? '0.0.0.0' });
  const url = `http://localhost:${config.port}`;
  console.log(`Argonaut is running on ${url} (database: ${svc.handle.where}).`);
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) console.log('The web UI is not built: run `npm run build:web` (npm start does it).');
  if (await isSetupNeeded(svc)) {
    console.log(`First start: open ${url} and create your office and its administrator on the welcome page.`);
  } else {
    console.log(`Open ${url} and log in.`);
  }
  if (!config.smtpUrl) console.log(`Mail is kept in the outbox (Management → Outbox, and ${path.join(config.dataDir, 'outbox')}); set SMTP_URL to send it.`);
  // scheduled jobs (the daily bank inbox import at BANK_INBOX_TIME, 06:00 Brussels time by default;
  // the nightly upkeep of an embedded database at 03:00)
  const stopJobs = startScheduler(svc, { onError: (err) => console.error('scheduled job failed:', err) });
  const stop = async () => {
    stopJobs();
    await app.close();
    await svc.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { app, svc };
}
