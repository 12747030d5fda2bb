/** Invoicing → Articles: code, description, unit, unit price excluding VAT, VAT code (and revenue account). */
import { conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { requireInvoicing } from './access.ts';
import { invalid, parseDecimal } from './rules.ts';
import './schema.ts';

export interface ArticleInput {
  code?: string;
  description?: string;
  unit?: string;
  unitPrice?: string | number;
  vatCode?: string;
  account?: string | null;
  active?: boolean;
}

export interface ArticleView {
  id: number;
  code: string;
  description: string;
  unit: string;
  unitPrice: string;
  vatCode: string;
  account: string | null;
  active: boolean;
}

type Row = { id: number; code: string; description: string; unit: string; unit_price: string; vat_code: string; account: string | null; active: boolean };
const view = (r: Row): ArticleView => ({
  id: r.id,
  code: r.code,
  description: r.description,
  unit: r.unit,
  unitPrice: parseDecimal(r.unit_price) ?? r.unit_price,
  vatCode: r.vat_code,
  account: r.account,
  active: r.active,
});

export async function loadArticles(db: Db, dossierId: number): Promise<ArticleView[]> {
  const rows = await db.selectFrom('invoice_article').selectAll().where('dossier_id', '=', dossierId).orderBy('code').execute();
  return rows.map(view);
}

export async function listArticles(svc: Services, actor: Actor, dossierId: number, query: { search?: string } = {}): Promise<ArticleView[]> {
  await requireInvoicing(svc.db, actor, dossierId);
  const all = await loadArticles(svc.db, dossierId);
  const s = query.search?.trim().toLowerCase();
  return s ? all.filter((a) => a.code.toLowerCase().includes(s) || a.description.toLowerCase().includes(s)) : all;
}

async function checkVatCode(db: Db, dossierId: number, code: string, field: string, line?: number): Promise<void> {
  const row = await db.selectFrom('vat_code').select(['kind']).where('dossier_id', '=', dossierId).where('code', '=', code).executeTakeFirst();
  if (!row) throw invalid('invoicing.vat_code_not_found', field, { code }, line);
  if (row.kind !== 'sales') throw invalid('invoicing.vat_code_not_sales', field, { code }, line);
}

export { checkVatCode };

export async function saveArticle(svc: Services, actor: Actor, dossierId: number, id: number | null, input: ArticleInput): Promise<ArticleView> {
  await requireInvoicing(svc.db, actor, dossierId, 'book');
  const existing = id === null ? undefined : await svc.db.selectFrom('invoice_article').selectAll().where('dossier_id', '=', dossierId).where('id', '=', id).executeTakeFirst();
  if (id !== null && !existing) throw notFound('invoicing.article_not_found', { id });
  const code = (input.code ?? existing?.code ?? '').trim().toUpperCase();
  if (!code) throw invalid('invoicing.article_code_required', 'code');
  const description = (input.description ?? existing?.description ?? '').trim();
  if (!description) throw invalid('invoicing.article_description_required', 'description');
  const unitPrice = input.unitPrice !== undefined ? parseDecimal(input.unitPrice) : existing?.unit_price ?? null;
  if (unitPrice === null) throw invalid('invoicing.price_invalid', 'unitPrice', { value: input.unitPrice ?? '' });
  const vatCode = (input.vatCode ?? existing?.vat_code ?? '').trim().toUpperCase();
  if (!vatCode) throw invalid('invoicing.vat_code_required', 'vatCode');
  await checkVatCode(svc.db, dossierId, vatCode, 'vatCode');
  const account = input.account === undefined ? existing?.account ?? null : input.account?.trim() || null;
  if (account) {
    const a = await svc.db.selectFrom('account').select('number').where('dossier_id', '=', dossierId).where('number', '=', account).executeTakeFirst();
    if (!a) throw invalid('invoicing.account_not_found', 'account', { account });
  }
  const values = { code, description, unit: (input.unit ?? existing?.unit ?? 'C62').trim().toUpperCase() || 'C62', unit_price: unitPrice, vat_code: vatCode, account, active: input.active ?? existing?.active ?? true };
  const taken = await svc.db.selectFrom('invoice_article').select('id').where('dossier_id', '=', dossierId).where('code', '=', code).executeTakeFirst();
  if (taken && taken.id !== id) throw conflict('invoicing.article_code_taken', { code });
  const row =
    id === null
      ? await svc.db.insertInto('invoice_article').values({ dossier_id: dossierId, ...values }).returningAll().executeTakeFirstOrThrow()
      : await svc.db.updateTable('invoice_article').set(values).where('dossier_id', '=', dossierId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return view(row);
}

export async function deleteArticle(svc: Services, actor: Actor, dossierId: number, id: number): Promise<void> {
  await requireInvoicing(svc.db, actor, dossierId, 'book');
  const used = await svc.db.selectFrom('invoice_line').select('invoice_id').where('dossier_id', '=', dossierId).where('article_id', '=', id).executeTakeFirst();
  if (used) throw conflict('invoicing.article_in_use', { id });
  const res = await svc.db.deleteFrom('invoice_article').where('dossier_id', '=', dossierId).where('id', '=', id).executeTakeFirst();
  if (!res.numDeletedRows) throw notFound('invoicing.article_not_found', { id });
}
