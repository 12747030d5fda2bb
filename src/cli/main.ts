import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

/** Builds the `argonaut` program. `--data DIR` is accepted before or after any subcommand. */
export function buildProgram(): Command {
  const program = new Command('argonaut')
    .description('Argonaut — open accounting software for Belgium')
    .option('--data <dir>', 'folder of the embedded database (PGlite)', './data')
    .enablePositionalOptions(false)
    .showHelpAfterError();
  registerCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    const { printCliError } = await import('./output.ts');
    process.exitCode = printCliError(err);
  }
}
