import { isAppError } from '../core/errors.ts';
import { describeError, isLanguage, DEFAULT_LANGUAGE, type Language } from '../core/i18n/index.ts';

/** The CLI speaks the language of ARGONAUT_LANG (nl, fr, en); English when unset, as terminals expect. */
export function cliLanguage(): Language {
  const lang = process.env.ARGONAUT_LANG;
  return isLanguage(lang) ? lang : 'en';
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Prints an error (as JSON when --json was given) and returns the exit code to use. */
export function printCliError(err: unknown, json = process.argv.includes('--json')): number {
  if (isAppError(err)) {
    const described = describeError(err, cliLanguage());
    if (json) process.stdout.write(JSON.stringify({ error: described }, null, 2) + '\n');
    process.stderr.write(`error: ${described.message} [${described.code}]\n`);
    for (const d of described.details) {
      const where = d.line !== undefined ? `line ${d.line}: ` : d.field ? `${d.field}: ` : '';
      process.stderr.write(`  - ${where}${d.message}\n`);
    }
    return err.kind === 'internal' ? 70 : 1;
  }
  const code = (err as { code?: string })?.code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
  if (typeof code === 'string' && code.startsWith('commander.')) return (err as { exitCode?: number }).exitCode ?? 1;
  process.stderr.write(`error: ${(err as Error)?.stack ?? String(err)}\n`);
  return 70;
}

void DEFAULT_LANGUAGE;
