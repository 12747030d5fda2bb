import type { Command } from 'commander';
// One import and one line in `registrars` per command group (a file in this folder).
import { register as system } from './system.ts';

const registrars: Array<(program: Command) => void> = [
  system,
];

export function registerCommands(program: Command): void {
  for (const register of registrars) register(program);
}
