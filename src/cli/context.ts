/** Opens the services for a CLI command: `--data DIR` (PGlite) or DATABASE_URL (PostgreSQL). */
import { configFromEnv, createServices, type Config, type Services } from '../services.ts';

let dataDirOption: string | undefined;

/** `--data DIR` may stand anywhere on the command line; main() takes it out before commander parses. */
export function extractDataOption(argv: string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data' && i + 1 < argv.length) {
      dataDirOption = argv[++i];
    } else if (arg.startsWith('--data=')) {
      dataDirOption = arg.slice('--data='.length);
    } else rest.push(arg);
  }
  return rest;
}

export function cliConfig(overrides: Partial<Config> = {}): Config {
  return configFromEnv(process.env, { ...(dataDirOption ? { dataDir: dataDirOption } : {}), ...overrides });
}

/** Runs `fn` with services and always closes them (PGlite must be closed to flush its files). */
export async function withServices<T>(fn: (svc: Services) => Promise<T>, overrides: Partial<Config> = {}): Promise<T> {
  const svc = await createServices({ config: cliConfig(overrides) });
  try {
    return await fn(svc);
  } finally {
    await svc.close();
  }
}
