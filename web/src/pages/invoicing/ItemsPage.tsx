/**
 * Invoicing → Articles: code, description, unit, price excl. VAT (up to 4 decimals), VAT code and revenue
 * account. Ctrl+N a new article, Enter (or a click) opens one in the form, Ctrl+S saves, Delete removes an
 * article that is on no invoice.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { CheckboxField, TextField } from '../../components/Fields.tsx';
import { ErrorBanner, SuccessBanner } from '../../components/Messages.tsx';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { useShortcuts } from '../../shortcuts.tsx';
import { ledgerApi } from '../accounting/accounting-api.ts';
import { useDossierId } from '../ledger/ledger-api.ts';
import { invoicingApi, UNITS, type Article } from './InvoiceApi.ts';

const empty = { code: '', description: '', unit: 'C62', unitPrice: '', vatCode: 'V21', account: '', active: true };

export default function ItemsPage() {
  const t = useT();
  const dossierId = useDossierId();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['articles', dossierId], queryFn: () => invoicingApi.articles(dossierId) });
  const vatCodes = useQuery({ queryKey: ['vat-codes', dossierId, 'sales'], queryFn: () => ledgerApi.vatCodes(dossierId, 'sales') });
  const [editing, setEditing] = useState<number | null>(null);
  const [form, setForm] = useState(empty);
  const [notice, setNotice] = useState<string | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const openArticle = (a: Article | null) => {
    setNotice(null);
    setEditing(a?.id ?? null);
    setForm(a ? { code: a.code, description: a.description, unit: a.unit, unitPrice: a.unitPrice, vatCode: a.vatCode, account: a.account ?? '', active: a.active } : empty);
    setTimeout(() => codeRef.current?.focus(), 0);
  };
  const refresh = () => client.invalidateQueries({ queryKey: ['articles', dossierId] });
  const save = useMutation({
    mutationFn: () => {
      const body = { ...form, unitPrice: form.unitPrice.replace(',', '.'), account: form.account || null };
      return editing === null ? invoicingApi.createArticle(dossierId, body) : invoicingApi.updateArticle(dossierId, editing, body);
    },
    onSuccess: (a) => {
      setNotice(t('items.saved', { code: a.code }));
      setEditing(a.id);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => invoicingApi.deleteArticle(dossierId, editing!),
    onSuccess: () => {
      setNotice(t('items.deleted', { code: form.code }));
      openArticle(null);
      void refresh();
    },
  });
  useShortcuts(
    [
      { keys: ['Ctrl+N'], description: 'items.key.new', run: () => openArticle(null), inInputs: true },
      { keys: ['Ctrl+S'], description: 'invoice.key.save', run: () => save.mutate(), enabled: !save.isPending, inInputs: true },
    ],
    { group: 'menu.items' },
  );
  const set = (k: keyof typeof form) => (v: string | boolean) => setForm((f) => ({ ...f, [k]: v }));
  return (
    <div className="page wide" data-testid="items-page">
      <h1>{t('items.title')}</h1>
      <p className="muted">{t('items.intro')}</p>
      <ErrorBanner error={list.error ?? save.error ?? remove.error} />
      {notice && <SuccessBanner>{notice}</SuccessBanner>}
      <div className="toolbar no-print">
        <button type="button" onClick={() => openArticle(null)} data-testid="item-new">
          {t('items.new')}
        </button>
      </div>
      {list.data && !list.data.length && <p className="muted">{t('items.none')}</p>}
      {(list.data ?? []).length > 0 && (
        <table className="grid selectable" data-testid="item-list">
          <thead>
            <tr>
              <th>{t('items.col.code')}</th>
              <th>{t('items.col.description')}</th>
              <th>{t('items.col.unit')}</th>
              <th className="num">{t('items.col.price')}</th>
              <th>{t('items.col.vatCode')}</th>
              <th>{t('items.col.account')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data!.map((a) => (
              <tr
                key={a.id}
                tabIndex={0}
                className={a.id === editing ? 'current' : undefined}
                onClick={() => openArticle(a)}
                onKeyDown={(e) => e.key === 'Enter' && openArticle(a)}
                data-testid="item-row"
              >
                <td>{a.code}</td>
                <td>{a.description}</td>
                <td>{t(`unit.${a.unit}` as MessageKey)}</td>
                <td className="num">{a.unitPrice}</td>
                <td>{a.vatCode}</td>
                <td>{a.account ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section data-testid="item-form">
        <h2>{editing === null ? t('items.new') : form.code}</h2>
        <div className="form-grid">
          <TextField label={t('items.col.code')} value={form.code} onChange={set('code')} inputRef={codeRef} testId="item-code" />
          <TextField label={t('items.col.description')} value={form.description} onChange={set('description')} testId="item-description" />
          <div className="field">
            <label htmlFor="item-unit">{t('items.col.unit')}</label>
            <select id="item-unit" value={form.unit} onChange={(e) => set('unit')(e.target.value)} data-testid="item-unit">
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`unit.${u}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <TextField label={t('items.col.price')} value={form.unitPrice} onChange={set('unitPrice')} testId="item-price" />
          <div className="field">
            <label htmlFor="item-vat">{t('items.col.vatCode')}</label>
            <select id="item-vat" value={form.vatCode} onChange={(e) => set('vatCode')(e.target.value)} data-testid="item-vat">
              {(vatCodes.data ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code} — {c.name}
                </option>
              ))}
            </select>
          </div>
          <TextField label={t('items.col.account')} value={form.account} onChange={set('account')} testId="item-account" />
          <CheckboxField label={t('items.col.active')} checked={form.active} onChange={set('active')} testId="item-active" />
        </div>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => save.mutate()} disabled={save.isPending} data-testid="item-save">
            {t('items.save')}
          </button>
          {editing !== null && (
            <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending} data-testid="item-delete">
              {t('items.delete')}
            </button>
          )}
        </div>
      </section>
    </div>
  );
}
