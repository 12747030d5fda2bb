import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';
import { extractDataOption } from './context.ts';

/** Builds the `argonaut` program. `--data DIR` is accepted before or after any subcommand. */
export function buildProgram(): Command {
  const program = new Command('argonaut')
    .description('Argonaut — open accounting software for Belgium')
    .option('--data <dir>', 'folder of the embedded database (PGlite); DATABASE_URL picks a PostgreSQL server instead', './data')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(extractDataOption(argv));
  } catch (err) {
    const { printCliError } = await import('./output.ts');
    process.exitCode = printCliError(err);
  }
}
