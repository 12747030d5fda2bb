/**
 * Export the current list (with its filter) to CSV, Excel (.xlsx) or PDF; print one relation's detail.
 * CSV: a header row of field names, ";"-separated, UTF-8 with BOM (Excel opens it with accents intact);
 * what it writes imports back unchanged. Excel: the user's language for headers and values, which the
 * import recognises too. Export needs the `export` right; printing one relation needs `view`.
 */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { translate, type Language } from '../../core/i18n/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { requireDossier } from '../dossiers/access.ts';
import { documentTypeLabel } from '../peppol/participant.ts';
import { fieldLabel } from './fields.ts';
import { getRelation } from './manage-relations.ts';
import { renderDetailPdf, renderTablePdf } from './pdf.ts';
import { listRelationRows, toView, type RelationFilter, type RelationSort, type RelationView } from './repo.ts';
import { RELATION_FIELDS, type RelationField } from './rules.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
  count: number;
}

export interface ExportOptions extends RelationFilter {
  format: ExportFormat;
  sort?: RelationSort;
  direction?: 'asc' | 'desc';
  language?: Language;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** A value as the CSV writes it (and the import reads it back). */
export function csvValue(r: RelationView, f: RelationField): string {
  const v = r[f];
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

function humanValue(r: RelationView, f: RelationField, lang: Language, printable = false): string {
  const v = r[f];
  if (f === 'kind') return translate(`relation.kind.${r.kind}`, lang);
  if (typeof v === 'boolean') return translate(v ? 'relation.yes' : 'relation.no', lang);
  if (f === 'language') return r.language.toUpperCase();
  if (f === 'iban' && r.iban && printable) return r.iban.replace(/(.{4})(?=.)/g, '$1 ');
  return v === null || v === undefined ? '' : String(v);
}

function peppolText(r: RelationView, lang: Language): string {
  if (r.peppolRegistered === null) return '';
  return translate(r.peppolRegistered ? 'relation.peppol.registered' : 'relation.peppol.not_registered', lang);
}

const PEPPOL_COLUMN: Record<Language, string> = { nl: 'Peppol-registratie', fr: 'Enregistrement Peppol', en: 'Peppol registration' };

export async function exportRelations(svc: Services, actor: Actor, dossierId: number, options: ExportOptions): Promise<ExportFile> {
  await requireDossier(svc.db, actor, dossierId, 'export');
  const lang = options.language ?? actor.language;
  const { rows } = await listRelationRows(svc.db, dossierId, { ...options, all: true });
  const relations = rows.map(toView);
  const date = svc.clock.now().toISOString().slice(0, 10);
  const fileName = `relations-${dossierId}-${date}.${options.format}`;
  let body: Buffer;
  if (options.format === 'csv') {
    const records = [RELATION_FIELDS as string[], ...relations.map((r) => RELATION_FIELDS.map((f) => csvValue(r, f)))];
    body = Buffer.from('\uFEFF' + stringify(records, { delimiter: ';', record_delimiter: '\r\n' }), 'utf8');
  } else if (options.format === 'xlsx') {
    body = await toXlsx(relations, lang);
  } else {
    const dossier = await svc.db.selectFrom('dossier').select('name').where('id', '=', dossierId).executeTakeFirstOrThrow();
    body = await listPdf(relations, lang, dossier.name, options, svc.clock.now());
  }
  return { fileName, contentType: CONTENT_TYPES[options.format], body, count: relations.length };
}

async function toXlsx(relations: RelationView[], lang: Language): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Argonaut';
  const ws = wb.addWorksheet(translate('relation.print.list_title', lang));
  ws.columns = [
    ...RELATION_FIELDS.map((f) => ({ header: fieldLabel(f, lang), key: f, width: f === 'name' || f === 'notes' ? 36 : f === 'street' || f === 'email' ? 28 : 16 })),
    { header: PEPPOL_COLUMN[lang], key: 'peppolRegistered', width: 18 },
  ];
  for (const r of relations) {
    const record: Record<string, string | number> = {};
    for (const f of RELATION_FIELDS) record[f] = f === 'paymentDays' ? r.paymentDays : humanValue(r, f, lang);
    record.peppolRegistered = peppolText(r, lang);
    ws.addRow(record);
  }
  // Identifiers are text: Excel must not turn 0403170701 into 403170701.
  for (const f of ['number', 'postcode', 'enterpriseNumber', 'vatNumber', 'iban', 'phone', 'defaultAccount', 'peppolId'] as const) ws.getColumn(f).numFmt = '@';
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: RELATION_FIELDS.length + 1 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function filterLine(options: RelationFilter, lang: Language): string {
  const parts = [translate(`relation.status.${options.status ?? 'all'}`, lang)];
  if (options.kind && options.kind !== 'all') parts.push(translate(`relation.kind.${options.kind}`, lang));
  if (options.search?.trim()) parts.push(`“${options.search.trim()}”`);
  return translate('relation.print.filter', lang, { filter: parts.join(', ') });
}

function formatDate(d: Date, lang: Language): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : `${lang}-BE`, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(d);
}

function address(r: RelationView): string {
  return [r.street, [r.postcode, r.city].filter(Boolean).join(' '), r.country !== 'BE' ? r.country : null].filter(Boolean).join('\n');
}

async function listPdf(relations: RelationView[], lang: Language, dossierName: string, options: RelationFilter, now: Date): Promise<Buffer> {
  const t = (code: string) => translate(code, lang);
  return renderTablePdf({
    title: `${t('relation.print.list_title')} — ${dossierName}`,
    subtitle: `${filterLine(options, lang)} · ${translate('relation.print.count', lang, { count: relations.length })}`,
    footer: (page, pages) => `${translate('relation.print.printed', lang, { date: formatDate(now, lang) })} · ${translate('relation.print.page', lang, { page, pages })}`,
    columns: [
      { header: fieldLabel('number', lang), width: 7 },
      { header: fieldLabel('name', lang), width: 22 },
      { header: fieldLabel('kind', lang), width: 10 },
      { header: t('relation.print.address'), width: 22 },
      { header: fieldLabel('vatNumber', lang), width: 13 },
      { header: fieldLabel('iban', lang), width: 15 },
      { header: `${fieldLabel('email', lang)} / ${fieldLabel('phone', lang)}`, width: 20 },
      { header: t('relation.peppol'), width: 6 },
      { header: fieldLabel('active', lang), width: 5 },
    ],
    rows: relations.map((r) => [
      r.number,
      r.name,
      t(`relation.kind.${r.kind}`),
      address(r),
      r.vatNumber ?? '',
      r.iban ? r.iban.replace(/(.{4})(?=.)/g, '$1 ') : '',
      [r.email, r.phone].filter(Boolean).join('\n'),
      peppolText(r, lang),
      t(r.active ? 'relation.yes' : 'relation.no'),
    ]),
  });
}

/** Print one relation: every field, with its Peppol registration. */
export async function printRelation(svc: Services, actor: Actor, dossierId: number, relationId: number, language?: Language): Promise<ExportFile> {
  const r = await getRelation(svc, actor, dossierId, relationId);
  const lang = language ?? actor.language;
  const t = (code: string, params?: Record<string, unknown>) => translate(code, lang, params);
  const dossier = await svc.db.selectFrom('dossier').select('name').where('id', '=', dossierId).executeTakeFirstOrThrow();
  const now = svc.clock.now();
  const field = (f: RelationField): [string, string] => [fieldLabel(f, lang), humanValue(r, f, lang, true)];
  const body = await renderDetailPdf({
    title: `${t('relation.print.detail_title', { number: r.number })}: ${r.name}`,
    subtitle: dossier.name,
    footer: (page, pages) => `${t('relation.print.printed', { date: formatDate(now, lang) })} · ${t('relation.print.page', { page, pages })}`,
    sections: [
      { rows: [field('number'), field('name'), field('kind'), field('active'), field('language')] },
      { rows: [field('street'), field('postcode'), field('city'), field('country')] },
      { rows: [field('enterpriseNumber'), field('vatNumber'), field('iban'), field('bic'), field('email'), field('phone')] },
      { rows: [field('paymentDays'), field('paymentEndOfMonth'), field('defaultVatCode'), field('defaultAccount')] },
      {
        heading: t('relation.peppol'),
        rows: [
          field('peppolId'),
          [t('relation.peppol'), r.peppolRegistered === null ? t('relation.peppol.unknown') : peppolText(r, lang)],
          [t('relation.peppol.document_types'), r.peppolDocumentTypes.map(documentTypeLabel).join('\n')],
          [t('relation.peppol.checked_at'), r.peppolCheckedAt ? formatDate(new Date(r.peppolCheckedAt), lang) : ''],
        ],
      },
      { rows: [field('notes')] },
    ],
  });
  const fileName = `relation-${r.number.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;
  return { fileName, contentType: 'application/pdf', body, count: 1 };
}
