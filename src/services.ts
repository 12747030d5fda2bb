/**
 * What every use case gets: the database, configuration, a clock and the mailer.
 * The server, the CLI and tests each build one of these (see `createServices`).
 */
import path from 'node:path';
import type { Clock } from './core/clock.ts';
import { systemClock } from './core/clock.ts';
import { openDatabase, type DatabaseHandle, type Db, type EngineKind } from './db/index.ts';
import { migrate } from './db/migrate.ts';
import { createMailer, type Mailer } from './modules/mail/mailer.ts';
import { parseLocalTime } from './modules/jobs/local-time.ts';

export interface Config {
  /** Folder for PGlite data, the mail outbox (.eml) and files. */
  dataDir: string;
  /** postgres:// URL: use a PostgreSQL server instead of PGlite. */
  databaseUrl?: string;
  port: number;
  /** smtp://user:pass@host:port — without it, mail goes to the outbox. */
  smtpUrl?: string;
  /** Address used in links sent by mail (password reset). */
  publicUrl: string;
  /** From address for mail sent by the installation. */
  mailFrom: string;
  /** Domain of the dossiers' inbound mailboxes. */
  mailboxDomain: string;
  /** Idle time after which a session expires. */
  sessionIdleMinutes: number;
  /** Cookie "Secure" flag: on when the public URL is https. */
  secureCookies: boolean;
  /** Peppol SML zone for participant lookups (PEPPOL_SML_ZONE) and an optional DNS server "host:port" (PEPPOL_DNS_SERVER). */
  peppolSmlZone: string;
  peppolDnsServer?: string;
  /** Invoice mail from a dossier's own domain when its SPF record has include:<spfInclude> (SPF_INCLUDE); DNS server "host:port" for that lookup (DNS_SERVER). */ spfInclude: string; dnsServer?: string;
  /** Peppol file transport (PEPPOL_OUTBOX_DIR / PEPPOL_INBOX_DIR), UBL 2.1 schemas (UBL_XSD_DIR, default <data>/ubl-2.1-xsd: holds common/ and maindoc/, installed by `argonaut peppol install-schemas`). */
  peppolOutboxDir: string; peppolInboxDir: string; ublXsdDir: string;
  /** Watched folder of the bank inbox (BANK_INBOX_DIR): CODA / camt.053 files dropped here are imported by the daily run. */
  bankInboxDir: string;
  /** Time of the daily bank inbox run on Brussels clocks, "HH:MM" (BANK_INBOX_TIME, default 06:00; CET in winter, CEST in summer). */
  bankInboxTime: string;
  /** The installation's notification address (NOTIFY_EMAIL): notices that no dossier can receive, such as a bank file whose account is in no dossier. */
  notifyEmail?: string;
}

function localTimeSetting(name: string, value: string): string {
  if (!parseLocalTime(value)) throw new Error(`${name} must be a time of day HH:MM (00:00–23:59, Brussels time), not "${value}"`);
  return value.trim();
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = overrides.port ?? Number(env.PORT ?? 3000);
  const publicUrl = overrides.publicUrl ?? env.PUBLIC_URL ?? `http://localhost:${port}`;
  const dataDir = path.resolve(overrides.dataDir ?? env.ARGONAUT_DATA ?? './data');
  return {
    dataDir,
    databaseUrl: overrides.databaseUrl ?? (env.DATABASE_URL || undefined),
    port,
    smtpUrl: overrides.smtpUrl ?? (env.SMTP_URL || undefined),
    publicUrl,
    mailFrom: overrides.mailFrom ?? env.MAIL_FROM ?? 'Argonaut <noreply@argonaut.localhost>',
    mailboxDomain: overrides.mailboxDomain ?? env.MAILBOX_DOMAIN ?? 'inbox.argonaut.localhost',
    sessionIdleMinutes: overrides.sessionIdleMinutes ?? Number(env.SESSION_IDLE_MINUTES ?? 480),
    secureCookies: overrides.secureCookies ?? publicUrl.startsWith('https:'),
    peppolSmlZone: overrides.peppolSmlZone ?? (env.PEPPOL_SML_ZONE || 'participant.sml.prod.tech.peppol.org'),
    peppolDnsServer: overrides.peppolDnsServer ?? (env.PEPPOL_DNS_SERVER || undefined),
    spfInclude: overrides.spfInclude ?? (env.SPF_INCLUDE || 'spf.argonaut.localhost'), dnsServer: overrides.dnsServer ?? (env.DNS_SERVER || undefined),
    peppolOutboxDir: path.resolve(overrides.peppolOutboxDir ?? env.PEPPOL_OUTBOX_DIR ?? path.join(dataDir, 'peppol-outbox')), peppolInboxDir: path.resolve(overrides.peppolInboxDir ?? env.PEPPOL_INBOX_DIR ?? path.join(dataDir, 'peppol-inbox')),
    ublXsdDir: path.resolve(overrides.ublXsdDir ?? (env.UBL_XSD_DIR || path.join(dataDir, 'ubl-2.1-xsd'))),
    bankInboxDir: path.resolve(overrides.bankInboxDir ?? env.BANK_INBOX_DIR ?? path.join(dataDir, 'bank-inbox')),
    bankInboxTime: localTimeSetting('BANK_INBOX_TIME', overrides.bankInboxTime ?? (env.BANK_INBOX_TIME || '06:00')),
    notifyEmail: overrides.notifyEmail ?? (env.NOTIFY_EMAIL || undefined),
  };
}

export interface Services {
  db: Db;
  kind: EngineKind;
  config: Config;
  clock: Clock;
  mailer: Mailer;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

export interface CreateServicesOptions {
  config: Config;
  clock?: Clock;
  /** An already opened database (tests hand in one started from a template). */
  handle?: DatabaseHandle;
  /** Apply migrations (default true). */
  migrate?: boolean;
}

export async function createServices(options: CreateServicesOptions): Promise<Services> {
  const { config } = options;
  const handle =
    options.handle ?? (await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir }));
  if (options.migrate !== false) await migrate(handle.db);
  const clock = options.clock ?? systemClock;
  const services: Services = {
    db: handle.db,
    kind: handle.kind,
    config,
    clock,
    handle,
    mailer: undefined as unknown as Mailer,
    close: async () => {
      await services.mailer.close();
      await handle.close();
    },
  };
  services.mailer = createMailer(services);
  return services;
}
