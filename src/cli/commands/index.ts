import type { Command } from 'commander';
// One import and one line in `registrars` per command group (a file in this folder).
import { register as system } from './system.ts';
import { register as bankParse } from './bank-parse.ts';
import { register as relations } from './relations.ts';
import { register as ledger } from './ledger.ts';
import { register as matching } from './matching.ts';
import { register as banking } from './banking.ts';
import { register as invoicing } from './invoicing.ts';
import { register as bankInbox } from './bank-inbox.ts';
import { register as bankUnassigned } from './bank-unassigned.ts';
import { register as peppol } from './peppol.ts';

const registrars: Array<(program: Command) => void> = [
  system,
  bankParse,
  relations,
  ledger,
  matching,
  banking,
  invoicing,
  bankInbox,
  bankUnassigned,
  peppol,
];

export function registerCommands(program: Command): void {
  for (const register of registrars) register(program);
}
