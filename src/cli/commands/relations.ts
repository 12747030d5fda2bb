/**
 * argonaut relations import|export|list, and argonaut peppol lookup.
 * The CLI acts as the administrator of the dossier's office and calls the same use cases as the API.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { notFound, validation } from '../../core/errors.ts';
import { describeError, translate } from '../../core/i18n/index.ts';
import type { Services } from '../../services.ts';
import { lookupParticipant } from '../../modules/peppol/lookup.ts';
import { documentTypeLabel } from '../../modules/peppol/participant.ts';
import { exportRelations, type ExportFormat } from '../../modules/relations/export-relations.ts';
import { commitRelationImport, uploadRelationImport } from '../../modules/relations/import-relations.ts';
import { listRelations } from '../../modules/relations/manage-relations.ts';
import { cliActor } from '../../modules/users/offices.ts';
import { cliConfig, withServices } from '../context.ts';
import { cliLanguage, printJson } from '../output.ts';
import '../../modules/dossiers/messages.ts';

const int = (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
};

async function dossierActor(svc: Services, dossierId: number) {
  const row = await svc.db.selectFrom('dossier').select('office_id').where('id', '=', dossierId).executeTakeFirst();
  if (!row) throw notFound('dossier.not_found', { id: dossierId });
  return cliActor(row.office_id);
}

type FilterOpts = { search?: string; status?: 'active' | 'inactive' | 'all'; kind?: 'customer' | 'supplier' | 'all' };
const choice = <T extends string>(allowed: readonly T[]) => (value: string): T => {
  if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
  return value as T;
};

export function register(program: Command): void {
  const relations = program.command('relations').description('relations (customers and suppliers) of a dossier');

  relations
    .command('import')
    .description('import relations from a CSV or .xlsx file: all rows, or none when any row is bad')
    .argument('<file>', 'CSV (; or , separated, UTF-8 or Windows-1252, header row) or .xlsx')
    .requiredOption('--dossier <id>', 'dossier', int)
    .option('--update', 'update existing relations with the same number, VAT number or enterprise number (default: skip those rows)')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { dossier: number; update?: boolean; json?: boolean }) => {
      const lang = cliLanguage();
      const content = fs.readFileSync(file);
      const outcome = await withServices(async (svc) => {
        const actor = await dossierActor(svc, opts.dossier);
        const preview = await uploadRelationImport(svc, actor, opts.dossier, { fileName: path.basename(file), content }, { language: lang });
        if (preview.problems.length) return { preview, result: null };
        const result = await commitRelationImport(svc, actor, opts.dossier, preview.uploadId, { mapping: preview.mapping, duplicates: opts.update ? 'update' : 'skip' });
        return { preview, result };
      });
      const { preview, result } = outcome;
      if (!result) {
        const rows = new Set(preview.problems.map((p) => p.row)).size;
        const err = validation('relation.import.rows_invalid', { count: rows });
        if (opts.json) printJson({ error: describeError(err, lang), problems: preview.problems.map(({ row, field, code, message }) => ({ row, field, code, message })) });
        process.stderr.write(`error: ${describeError(err, lang).message}\n`);
        for (const p of preview.problems) process.stderr.write(`  - ${translate('relation.import.row', lang, { line: p.row })}, ${p.field}: ${p.message}\n`);
        process.exitCode = 1;
        return;
      }
      if (opts.json) printJson({ ...result, mapping: preview.mapping, duplicates: preview.duplicates });
      else {
        console.log(`imported ${path.basename(file)}: ${result.created} created, ${result.updated} updated, ${result.skipped} skipped (${result.rowCount} rows)`);
        if (preview.duplicates.length && !opts.update) console.log(`${preview.duplicates.length} row(s) matched existing relations and were skipped; use --update to update them`);
      }
    });

  relations
    .command('export')
    .description('export the relations (optionally filtered) to CSV, Excel or PDF')
    .requiredOption('--dossier <id>', 'dossier', int)
    .requiredOption('--format <format>', 'csv, xlsx or pdf', choice(['csv', 'xlsx', 'pdf'] as const))
    .requiredOption('--out <file>', 'file to write')
    .option('--search <text>', 'only relations matching name, number, VAT number or city')
    .option('--status <status>', 'active, inactive or all', choice(['active', 'inactive', 'all'] as const))
    .option('--kind <kind>', 'customer, supplier or all', choice(['customer', 'supplier', 'all'] as const))
    .option('--json', 'print JSON')
    .action(async (opts: FilterOpts & { dossier: number; format: ExportFormat; out: string; json?: boolean }) => {
      const file = await withServices(async (svc) => {
        const actor = await dossierActor(svc, opts.dossier);
        return exportRelations(svc, { ...actor, language: cliLanguage() }, opts.dossier, { format: opts.format, search: opts.search, status: opts.status, kind: opts.kind });
      });
      fs.writeFileSync(opts.out, file.body);
      if (opts.json) printJson({ file: path.resolve(opts.out), format: opts.format, count: file.count, bytes: file.body.length });
      else console.log(`${file.count} relation(s) written to ${opts.out}`);
    });

  relations
    .command('list')
    .description('list the relations of a dossier')
    .requiredOption('--dossier <id>', 'dossier', int)
    .option('--search <text>', 'search name, number, VAT number, city')
    .option('--status <status>', 'active, inactive or all', choice(['active', 'inactive', 'all'] as const))
    .option('--kind <kind>', 'customer, supplier or all', choice(['customer', 'supplier', 'all'] as const))
    .option('--json', 'print JSON')
    .action(async (opts: FilterOpts & { dossier: number; json?: boolean }) => {
      const items = await withServices(async (svc) => {
        const actor = await dossierActor(svc, opts.dossier);
        const all = [];
        for (let page = 1; ; page++) {
          const res = await listRelations(svc, actor, opts.dossier, { search: opts.search, status: opts.status, kind: opts.kind, page, pageSize: 500 });
          all.push(...res.items);
          if (all.length >= res.total || res.items.length === 0) break;
        }
        return all;
      });
      if (opts.json) printJson(items);
      else if (!items.length) console.log('no relations');
      else
        for (const r of items) {
          const peppol = r.peppolRegistered === null ? '' : r.peppolRegistered ? '  [Peppol]' : '  [no Peppol]';
          console.log(`${r.number.padStart(8)}  ${r.name}${r.vatNumber ? `  ${r.vatNumber}` : ''}${r.city ? `  ${r.city}` : ''}${r.active ? '' : '  (inactive)'}${peppol}`);
        }
    });

  const peppol = program.command('peppol').description('Peppol network');
  peppol
    .command('lookup')
    .description('is a participant registered on Peppol, and which documents does it accept? (SML zone: PEPPOL_SML_ZONE)')
    .argument('<participant>', 'participant id, e.g. 0208:0403170701 (enterprise number) or 9925:BE0403170701')
    .option('--json', 'print JSON')
    .action(async (participant: string, opts: { json?: boolean }) => {
      const config = cliConfig();
      const result = await lookupParticipant(participant, { zone: config.peppolSmlZone, dnsServer: config.peppolDnsServer });
      if (opts.json) printJson({ ...result, zone: config.peppolSmlZone });
      else if (!result.registered) console.log(`${result.participantId} is not registered on Peppol (${config.peppolSmlZone})`);
      else {
        console.log(`${result.participantId} is registered on Peppol; SMP ${result.smpUrl}`);
        for (const t of result.documentTypes) console.log(`  - ${documentTypeLabel(t)}: ${t}`);
      }
    });
}
