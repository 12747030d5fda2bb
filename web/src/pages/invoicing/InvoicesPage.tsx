/**
 * Invoicing → Invoices: the list (draft, posted, sent, paid) and the invoice screen.
 * List: ↑/↓ choose, Enter opens, Ctrl+N makes a new invoice, F5 refreshes.
 * Invoice screen (keys as Belgian users know them): F4 the fields (customer, dates, due date, buyer and
 * order reference, payment terms, notes; for a credit note the customer's posted invoice it corrects),
 * F3 the lines (article or free line: quantity, unit, unit price, discount, VAT code); F9 in a unit price
 * turns the amount typed incl. VAT into excl. VAT; Insert adds a line, Ctrl+D clears all lines; Ctrl+S
 * saves the draft, F12 posts it; Ctrl+F prints the invoice PDF, Ctrl+L the delivery note; Shift+Print
 * exports the PDF — browsers rarely receive the Print key, so Ctrl+Shift+F exports the invoice and
 * Ctrl+Shift+L the delivery note (and Shift+click on their buttons); Ctrl+E sends it by e-mail, Alt+P over
 * Peppol (a customer registered on Peppol), Alt+S publishes it without e-mail; Esc goes back.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { api } from '../../api.ts';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { ErrorBanner, InfoNote, SuccessBanner } from '../../components/Messages.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { LOCALES, useFormat, useLanguage, useT, type MessageKey } from '../../i18n/index.tsx';
import { useShortcuts } from '../../shortcuts.tsx';
import { ledgerApi, money } from '../accounting/accounting-api.ts';
import { useDossierId } from '../ledger/ledger-api.ts';
import { InvoicingSettings } from './InvoiceSettings.tsx';
import { exclVat, invoicingApi, UNITS, type Article, type InvoiceInput, type InvoiceLineInput, type InvoiceListItem, type InvoiceView } from './InvoiceApi.ts';

const onList = (e: KeyboardEvent) => {
  const el = e.target as HTMLElement | null;
  return !el || el === document.body || el.tagName === 'TR';
};

export default function InvoicesPage() {
  const dossierId = useDossierId();
  const [open, setOpen] = useState<number | 'new' | null>(null);
  if (open !== null) return <InvoiceEditor key={String(open)} dossierId={dossierId} id={open === 'new' ? null : open} onOpen={setOpen} onClose={() => setOpen(null)} />;
  return <InvoiceList dossierId={dossierId} onOpen={setOpen} />;
}

function InvoiceList({ dossierId, onOpen }: { dossierId: number; onOpen: (id: number | 'new') => void }) {
  const t = useT();
  const fmt = useFormat();
  const [language] = useLanguage();
  const locale = LOCALES[language];
  const list = useQuery({ queryKey: ['invoices', dossierId], queryFn: () => invoicingApi.list(dossierId) });
  const items = list.data ?? [];
  const [cursor, setCursor] = useState(0);
  const rows = useRef<Array<HTMLTableRowElement | null>>([]);
  const move = (to: number) => {
    const next = Math.max(0, Math.min(items.length - 1, to));
    setCursor(next);
    rows.current[next]?.focus();
  };
  const chosen: InvoiceListItem | undefined = items[cursor];
  useShortcuts(
    [
      { keys: ['Ctrl+N'], description: 'invoice.key.new', run: () => onOpen('new') },
      { keys: ['Enter'], description: 'invoice.key.open', run: () => chosen && onOpen(chosen.id), enabled: Boolean(chosen), when: onList },
      { keys: ['ArrowDown'], description: 'invoice.key.open', hidden: true, run: () => move(cursor + 1), when: onList },
      { keys: ['ArrowUp'], description: 'invoice.key.open', hidden: true, run: () => move(cursor - 1), when: onList },
      { keys: ['F5'], description: 'invoice.key.refresh', run: () => void list.refetch() },
    ],
    { group: 'menu.invoices' },
  );
  return (
    <div className="page wide" data-testid="invoices-page">
      <h1>{t('invoice.list.title')}</h1>
      <p className="muted">{t('invoice.list.intro')}</p>
      <div className="toolbar no-print">
        <button type="button" className="primary" onClick={() => onOpen('new')} data-testid="invoice-new">
          {t('invoice.new')}
        </button>
      </div>
      <ErrorBanner error={list.error} />
      {list.data && !items.length && <p className="muted">{t('invoice.none')}</p>}
      {items.length > 0 && (
        <table className="grid selectable" data-testid="invoice-list">
          <thead>
            <tr>
              <th>{t('invoice.col.number')}</th>
              <th>{t('invoice.col.kind')}</th>
              <th>{t('invoice.col.date')}</th>
              <th>{t('invoice.col.due')}</th>
              <th>{t('invoice.col.customer')}</th>
              <th className="num">{t('invoice.col.total')}</th>
              <th className="num">{t('invoice.col.open')}</th>
              <th>{t('invoice.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i, n) => (
              <tr
                key={i.id}
                ref={(el) => {
                  rows.current[n] = el;
                }}
                tabIndex={n === cursor ? 0 : -1}
                className={n === cursor ? 'current' : undefined}
                aria-selected={n === cursor}
                onClick={() => setCursor(n)}
                onDoubleClick={() => onOpen(i.id)}
                data-testid="invoice-row"
                data-status={i.status}
              >
                <td>{i.number ?? t('invoice.draft')}</td>
                <td>{t(`invoice.kind.${i.kind}` as MessageKey)}</td>
                <td>{fmt.date(i.date)}</td>
                <td>{i.dueDate ? fmt.date(i.dueDate) : ''}</td>
                <td>{i.customer}</td>
                <td className="num">{money(i.total, locale)}</td>
                <td className="num">{i.open === null ? '' : money(i.open, locale)}</td>
                <td>{t(`invoice.status.${i.status}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <InvoicingSettings dossierId={dossierId} />
    </div>
  );
}

interface LineState {
  articleId: string;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent: string;
  vatCode: string;
}
const emptyLine = (): LineState => ({ articleId: '', description: '', quantity: '1', unit: 'C62', unitPrice: '', discountPercent: '', vatCode: 'V21' });
const today = () => new Date().toISOString().slice(0, 10);
/** "1.234,56" / "1234,56" / "1234.56" → "1234.56" (what the API reads). */
const decimalIn = (text: string) => {
  let s = text.trim().replace(/\s/g, '');
  if (s.includes(',') && s.includes('.')) s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else s = s.replace(',', '.');
  return s;
};

function InvoiceEditor({ dossierId, id, onOpen, onClose }: { dossierId: number; id: number | null; onOpen: (id: number) => void; onClose: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const [language] = useLanguage();
  const locale = LOCALES[language];
  const client = useQueryClient();
  const doc = useQuery({ queryKey: ['invoice', dossierId, id], queryFn: () => invoicingApi.get(dossierId, id!), enabled: id !== null });
  const customers = useQuery({ queryKey: ['invoice-customers', dossierId], queryFn: () => ledgerApi.relations(dossierId, '', 'customer') });
  const articles = useQuery({ queryKey: ['articles', dossierId], queryFn: () => invoicingApi.articles(dossierId) });
  const vatCodes = useQuery({ queryKey: ['vat-codes', dossierId, 'sales'], queryFn: () => ledgerApi.vatCodes(dossierId, 'sales') });
  const [tab, setTab] = useState<'fields' | 'lines'>('fields');
  const [fields, setFields] = useState({ kind: 'invoice', customerId: '', issueDate: today(), deliveryDate: '', dueDate: '', buyerReference: '', orderReference: '', paymentTerms: '', notes: '', creditedInvoiceId: '' });
  // a credit note corrects one of its customer's posted invoices
  const creditNote = fields.kind === 'credit_note';
  const customerInvoices = useQuery({
    queryKey: ['customer-invoices', dossierId, fields.customerId],
    queryFn: () => invoicingApi.invoicesOf(dossierId, Number(fields.customerId)),
    enabled: creditNote && fields.customerId !== '',
  });
  const creditable = (customerInvoices.data ?? []).filter((i) => i.status !== 'draft' && i.number !== null);
  const [lines, setLines] = useState<LineState[]>([emptyLine()]);
  const [notice, setNotice] = useState<string | null>(null);
  const customerRef = useRef<HTMLSelectElement>(null);
  const firstLineRef = useRef<HTMLInputElement>(null);
  const inv: InvoiceView | undefined = doc.data;
  const editable = id === null || inv?.status === 'draft';

  useEffect(() => {
    if (!inv) return;
    setFields({
      kind: inv.kind,
      customerId: String(inv.customer.id),
      issueDate: inv.issueDate,
      deliveryDate: inv.deliveryDate ?? '',
      dueDate: inv.dueDate ?? '',
      buyerReference: inv.buyerReference ?? '',
      orderReference: inv.orderReference ?? '',
      paymentTerms: inv.paymentTerms ?? '',
      notes: inv.notes ?? '',
      creditedInvoiceId: inv.creditedInvoiceId ? String(inv.creditedInvoiceId) : '',
    });
    setLines(
      inv.lines.length
        ? inv.lines.map((l) => ({
            articleId: l.articleId ? String(l.articleId) : '',
            description: l.description,
            quantity: l.quantity,
            unit: l.unit,
            unitPrice: l.unitPrice,
            discountPercent: l.discountPercent === '0' ? '' : l.discountPercent,
            vatCode: l.vatCode,
          }))
        : [emptyLine()],
    );
  }, [inv]);
  useEffect(() => {
    if (tab === 'fields') customerRef.current?.focus();
    else firstLineRef.current?.focus();
  }, [tab]);

  const setField = (k: keyof typeof fields) => (v: string) => setFields((f) => ({ ...f, [k]: v }));
  const setLine = (i: number, patch: Partial<LineState>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const chooseArticle = (i: number, articleId: string) => {
    const a: Article | undefined = articles.data?.find((x) => String(x.id) === articleId);
    setLine(i, a ? { articleId, description: a.description, unit: a.unit, unitPrice: a.unitPrice, vatCode: a.vatCode } : { articleId: '' });
  };
  const rateOf = (code: string) => vatCodes.data?.find((c) => c.code === code)?.rateBp ?? 0;
  const toExclVat = (i: number) => {
    const l = lines[i];
    const excl = exclVat(decimalIn(l.unitPrice), rateOf(l.vatCode));
    if (excl !== null) setLine(i, { unitPrice: excl });
  };

  const input = (): InvoiceInput => ({
    kind: fields.kind as InvoiceInput['kind'],
    customerId: fields.customerId ? Number(fields.customerId) : undefined,
    issueDate: fields.issueDate,
    deliveryDate: fields.deliveryDate || null,
    dueDate: fields.dueDate || null,
    buyerReference: fields.buyerReference || null,
    orderReference: fields.orderReference || null,
    paymentTerms: fields.paymentTerms || null,
    notes: fields.notes || null,
    creditedInvoiceId: creditNote && fields.creditedInvoiceId ? Number(fields.creditedInvoiceId) : null,
    lines: lines
      .filter((l) => l.description.trim() || l.articleId || l.unitPrice.trim())
      .map(
        (l): InvoiceLineInput => ({
          articleId: l.articleId ? Number(l.articleId) : null,
          description: l.description || null,
          quantity: decimalIn(l.quantity) || '1',
          unit: l.unit,
          unitPrice: l.unitPrice ? decimalIn(l.unitPrice) : null,
          discountPercent: l.discountPercent ? decimalIn(l.discountPercent) : null,
          vatCode: l.vatCode || null,
        }),
      ),
  });
  const done = (view: InvoiceView, message: string) => {
    setNotice(message);
    void client.invalidateQueries({ queryKey: ['invoices', dossierId] });
    client.setQueryData(['invoice', dossierId, view.id], view);
    if (id === null) onOpen(view.id);
  };
  const save = useMutation({
    mutationFn: () => (id === null ? invoicingApi.create(dossierId, input()) : invoicingApi.update(dossierId, id, input())),
    onSuccess: (v) => done(v, t('invoice.saved')),
  });
  const post = useMutation({
    mutationFn: async () => {
      const saved = id === null ? await invoicingApi.create(dossierId, input()) : await invoicingApi.update(dossierId, id, input());
      return invoicingApi.post(dossierId, saved.id);
    },
    onSuccess: (v) => done(v, t('invoice.postedAs', { number: v.displayNumber ?? '' })),
  });
  const send = useMutation({
    mutationFn: () => invoicingApi.send(dossierId, id!),
    onSuccess: (r) => done(r.invoice, t('invoice.sentTo', { to: r.to })),
  });
  const sendPeppol = useMutation({
    mutationFn: () => invoicingApi.sendPeppol(dossierId, id!),
    onSuccess: (r) => done(r.invoice, t('invoice.sentPeppol', { to: r.to })),
  });
  const publish = useMutation({
    mutationFn: () => invoicingApi.publish(dossierId, [id!]).then((r) => r[0]),
    onSuccess: (v) => done(v, t('invoice.published')),
  });
  const remove = useMutation({
    mutationFn: () => invoicingApi.remove(dossierId, id!),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['invoices', dossierId] });
      onClose();
    },
  });
  const posted = inv !== undefined && inv.status !== 'draft';
  // Shift+click on a print button (or Ctrl+Shift+F / Ctrl+Shift+L) exports (downloads) the PDF instead of opening it.
  const pdfUrl = (deliveryNote: boolean, download = false) =>
    `/api/v1/dossiers/${dossierId}/invoicing/invoices/${id}/pdf${deliveryNote ? '?deliveryNote=true' : ''}${download ? `${deliveryNote ? '&' : '?'}download=true` : ''}`;
  const print = (deliveryNote: boolean) => id !== null && window.open(pdfUrl(deliveryNote), '_blank');
  // Shift+Print: the PDF downloaded (the server sends it as an attachment).
  const exportPdf = (deliveryNote: boolean) => {
    if (id === null) return;
    const a = document.createElement('a');
    a.href = pdfUrl(deliveryNote, true);
    a.download = '';
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  const onPrintClick = (deliveryNote: boolean) => (e: MouseEvent) => {
    if (!e.shiftKey) return;
    e.preventDefault();
    exportPdf(deliveryNote);
  };
  const busy = save.isPending || post.isPending || send.isPending || sendPeppol.isPending || publish.isPending;
  const peppolReady = posted && inv?.kind !== 'delivery_note' && !!inv?.customer.peppolRegistered;
  useShortcuts(
    [
      { keys: ['F4'], description: 'invoice.key.fields', run: () => setTab('fields'), inInputs: true },
      { keys: ['F3'], description: 'invoice.key.lines', run: () => setTab('lines'), inInputs: true },
      { keys: ['Ctrl+D'], description: 'invoice.key.clearLines', run: () => setLines([emptyLine()]), enabled: editable, inInputs: true },
      { keys: ['Insert'], description: 'invoice.key.addLine', run: () => setLines((ls) => [...ls, emptyLine()]), enabled: editable && tab === 'lines', inInputs: true },
      { keys: ['Ctrl+S'], description: 'invoice.key.save', run: () => save.mutate(), enabled: editable && !busy, inInputs: true },
      { keys: ['F12'], description: 'invoice.key.post', run: () => post.mutate(), enabled: editable && !busy, inInputs: true },
      { keys: ['Ctrl+F'], description: 'invoice.key.print', run: () => print(false), enabled: id !== null, inInputs: true },
      { keys: ['Ctrl+L'], description: 'invoice.key.deliveryNote', run: () => print(true), enabled: id !== null, inInputs: true },
      { keys: ['Ctrl+Shift+F', 'Shift+PrintScreen'], description: 'invoice.key.exportPdf', run: () => exportPdf(false), enabled: id !== null, inInputs: true },
      { keys: ['Ctrl+Shift+L'], description: 'invoice.key.exportDeliveryNote', run: () => exportPdf(true), enabled: id !== null, inInputs: true },
      { keys: ['Ctrl+E'], description: 'invoice.key.send', run: () => send.mutate(), enabled: posted && !busy, inInputs: true },
      { keys: ['Alt+P'], description: 'invoice.key.sendPeppol', run: () => sendPeppol.mutate(), enabled: peppolReady && !busy, inInputs: true },
      { keys: ['Alt+S'], description: 'invoice.key.publish', run: () => publish.mutate(), enabled: posted && !busy, inInputs: true },
      { keys: ['Escape'], description: 'invoice.key.back', run: onClose },
    ],
    { group: 'menu.invoices' },
  );

  const title = inv?.displayNumber ? `${t(`invoice.kind.${inv.kind}` as MessageKey)} ${inv.displayNumber}` : `${t(`invoice.kind.${fields.kind}` as MessageKey)} — ${t('invoice.draft')}`;
  return (
    <div className="page wide" data-testid="invoice-editor">
      <h1 data-testid="invoice-title">{title}</h1>
      <p data-testid="invoice-status">
        {t('invoice.col.status')}: <strong>{t(`invoice.status.${inv?.status ?? 'draft'}` as MessageKey)}</strong>
        {inv?.structuredCommunication && (
          <>
            {' — '}
            {t('invoice.ogm')}: <span data-testid="invoice-ogm">{`+++${inv.structuredCommunication.slice(0, 3)}/${inv.structuredCommunication.slice(3, 7)}/${inv.structuredCommunication.slice(7)}+++`}</span>
          </>
        )}
      </p>
      {notice && <SuccessBanner>{notice}</SuccessBanner>}
      <ErrorBanner error={doc.error ?? save.error ?? post.error ?? send.error ?? sendPeppol.error ?? publish.error ?? remove.error} />
      {posted && <InfoNote>{t('invoice.notEditable')}</InfoNote>}
      <Tabs
        label={t('invoice.tabs')}
        active={tab}
        onChange={(v) => setTab(v as 'fields' | 'lines')}
        tabs={[
          { id: 'fields', label: t('invoice.tab.fields') },
          { id: 'lines', label: t('invoice.tab.lines') },
        ]}
      >
        {tab === 'fields' ? (
          <div className="form-grid" data-testid="invoice-fields">
            <SelectField
              label={t('invoice.field.kind')}
              value={fields.kind}
              onChange={setField('kind')}
              disabled={!editable}
              options={(['invoice', 'credit_note', 'delivery_note'] as const).map((k) => ({ value: k, label: t(`invoice.kind.${k}`) }))}
              testId="invoice-kind"
            />
            <div className="field">
              <label htmlFor="invoice-customer">{t('invoice.field.customer')}</label>
              <select
                id="invoice-customer"
                ref={customerRef}
                value={fields.customerId}
                disabled={!editable}
                onChange={(e) => {
                  const customerId = e.target.value;
                  setFields((f) => ({ ...f, customerId, creditedInvoiceId: '' }));
                }}
                data-testid="invoice-customer"
              >
                <option value="">{t('invoice.field.chooseCustomer')}</option>
                {(customers.data ?? []).map((c) => (
                  <option key={c.id} value={String(c.id)}>
                    {c.number} — {c.name}
                  </option>
                ))}
              </select>
            </div>
            {creditNote && (
              <div className="field">
                <label htmlFor="invoice-credited">{t('invoice.field.creditedInvoice')}</label>
                <select
                  id="invoice-credited"
                  value={fields.creditedInvoiceId}
                  disabled={!editable || fields.customerId === ''}
                  onChange={(e) => setField('creditedInvoiceId')(e.target.value)}
                  aria-describedby="invoice-credited-hint"
                  data-testid="invoice-credited"
                >
                  <option value="">{t('invoice.field.noCreditedInvoice')}</option>
                  {creditable.map((i) => (
                    <option key={i.id} value={String(i.id)}>
                      {i.number} — {fmt.date(i.date)} — {money(i.total, locale)}
                    </option>
                  ))}
                </select>
                <div className="hint" id="invoice-credited-hint">
                  {fields.customerId === '' ? t('invoice.field.creditedInvoiceChooseCustomer') : t('invoice.field.creditedInvoiceHint')}
                </div>
              </div>
            )}
            <TextField label={t('invoice.field.issueDate')} type="date" value={fields.issueDate} onChange={setField('issueDate')} readOnly={!editable} testId="invoice-issue-date" />
            <TextField label={t('invoice.field.deliveryDate')} type="date" value={fields.deliveryDate} onChange={setField('deliveryDate')} readOnly={!editable} testId="invoice-delivery-date" />
            <TextField label={t('invoice.field.dueDate')} type="date" value={fields.dueDate} onChange={setField('dueDate')} readOnly={!editable} hint={t('invoice.field.dueDateHint')} testId="invoice-due-date" />
            <TextField label={t('invoice.field.buyerReference')} value={fields.buyerReference} onChange={setField('buyerReference')} readOnly={!editable} testId="invoice-buyer-reference" />
            <TextField label={t('invoice.field.orderReference')} value={fields.orderReference} onChange={setField('orderReference')} readOnly={!editable} testId="invoice-order-reference" />
            <TextField label={t('invoice.field.paymentTerms')} value={fields.paymentTerms} onChange={setField('paymentTerms')} readOnly={!editable} testId="invoice-payment-terms" />
            <TextField label={t('invoice.field.notes')} value={fields.notes} onChange={setField('notes')} readOnly={!editable} testId="invoice-notes" />
          </div>
        ) : (
          <div data-testid="invoice-lines">
            <p className="muted">{t('invoice.linesHint')}</p>
            <table className="grid">
              <thead>
                <tr>
                  <th>{t('invoice.line.no')}</th>
                  <th>{t('invoice.line.article')}</th>
                  <th>{t('invoice.line.description')}</th>
                  <th className="num">{t('invoice.line.quantity')}</th>
                  <th>{t('invoice.line.unit')}</th>
                  <th className="num">{t('invoice.line.unitPrice')}</th>
                  <th className="num">{t('invoice.line.discount')}</th>
                  <th>{t('invoice.line.vatCode')}</th>
                  <th className="num">{t('invoice.line.net')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {lines.map((l, i) => (
                  <tr key={i} data-testid="invoice-line">
                    <td>{i + 1}</td>
                    <td>
                      <select aria-label={`${t('invoice.line.article')} ${i + 1}`} value={l.articleId} disabled={!editable} onChange={(e) => chooseArticle(i, e.target.value)} data-testid="line-article">
                        <option value="">{t('invoice.line.noArticle')}</option>
                        {(articles.data ?? []).filter((a) => a.active).map((a) => (
                          <option key={a.id} value={String(a.id)}>
                            {a.code} — {a.description}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input ref={i === 0 ? firstLineRef : undefined} aria-label={`${t('invoice.line.description')} ${i + 1}`} value={l.description} readOnly={!editable} onChange={(e) => setLine(i, { description: e.target.value })} data-testid="line-description" />
                    </td>
                    <td className="num">
                      <input aria-label={`${t('invoice.line.quantity')} ${i + 1}`} value={l.quantity} size={6} readOnly={!editable} onChange={(e) => setLine(i, { quantity: e.target.value })} data-testid="line-quantity" />
                    </td>
                    <td>
                      <select aria-label={`${t('invoice.line.unit')} ${i + 1}`} value={l.unit} disabled={!editable} onChange={(e) => setLine(i, { unit: e.target.value })} data-testid="line-unit">
                        {UNITS.map((u) => (
                          <option key={u} value={u}>
                            {t(`unit.${u}` as MessageKey)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="num">
                      <input
                        aria-label={`${t('invoice.line.unitPrice')} ${i + 1}`}
                        value={l.unitPrice}
                        size={9}
                        readOnly={!editable}
                        onChange={(e) => setLine(i, { unitPrice: e.target.value })}
                        onKeyDown={(e) => {
                          if (e.key === 'F9' && editable) {
                            e.preventDefault();
                            e.stopPropagation();
                            toExclVat(i);
                          }
                        }}
                        data-testid="line-price"
                      />
                    </td>
                    <td className="num">
                      <input aria-label={`${t('invoice.line.discount')} ${i + 1}`} value={l.discountPercent} size={4} readOnly={!editable} onChange={(e) => setLine(i, { discountPercent: e.target.value })} data-testid="line-discount" />
                    </td>
                    <td>
                      <select aria-label={`${t('invoice.line.vatCode')} ${i + 1}`} value={l.vatCode} disabled={!editable} onChange={(e) => setLine(i, { vatCode: e.target.value })} data-testid="line-vat">
                        {(vatCodes.data ?? []).map((c) => (
                          <option key={c.code} value={c.code}>
                            {c.code} — {c.name}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="num" data-testid="line-net">
                      {inv?.lines[i] ? money(inv.lines[i].net, locale) : ''}
                    </td>
                    <td>
                      {editable && (
                        <button type="button" className="link" aria-label={t('invoice.line.remove', { line: String(i + 1) })} onClick={() => setLines((ls) => (ls.length > 1 ? ls.filter((_, j) => j !== i) : [emptyLine()]))}>
                          ×
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {editable && (
              <button type="button" onClick={() => setLines((ls) => [...ls, emptyLine()])} data-testid="invoice-add-line">
                {t('invoice.addLine')}
              </button>
            )}
          </div>
        )}
      </Tabs>
      <section className="totals" data-testid="invoice-totals">
        {inv ? (
          <>
            {inv.vat.map((v) => (
              <p key={v.vatCode} className="muted">
                {t('invoice.vatLine', { rate: `${v.rateBp / 100} %`, base: money(v.base, locale), vat: money(v.vat, locale) })}
              </p>
            ))}
            <p>
              {t('invoice.totalExcl')}: <span data-testid="total-excl">{money(inv.totalExcl, locale)}</span> — {t('invoice.totalVat')}: <span data-testid="total-vat">{money(inv.totalVat, locale)}</span> —{' '}
              <strong>
                {t('invoice.totalIncl')}: <span data-testid="total-incl">{money(inv.totalIncl, locale)}</span>
              </strong>
            </p>
          </>
        ) : (
          <p className="muted">{t('invoice.unsaved')}</p>
        )}
      </section>
      <div className="button-row no-print">
        {editable && (
          <button type="button" onClick={() => save.mutate()} disabled={busy} data-testid="invoice-save">
            {t('invoice.save')}
          </button>
        )}
        {editable && (
          <button type="button" className="primary" onClick={() => post.mutate()} disabled={busy} data-testid="invoice-post">
            {t('invoice.post')}
          </button>
        )}
        {id !== null && (
          <a className="button" href={pdfUrl(false)} target="_blank" rel="noreferrer" title={t('invoice.print.help')} onClick={onPrintClick(false)} data-testid="invoice-print">
            {t('invoice.print')}
          </a>
        )}
        {id !== null && (
          <a className="button" href={pdfUrl(true)} target="_blank" rel="noreferrer" title={t('invoice.deliveryNote.help')} onClick={onPrintClick(true)} data-testid="invoice-delivery-note">
            {t('invoice.deliveryNote')}
          </a>
        )}
        {posted && (
          <button type="button" onClick={() => send.mutate()} disabled={busy} data-testid="invoice-send">
            {t('invoice.send')}
          </button>
        )}
        {peppolReady && (
          <button type="button" onClick={() => sendPeppol.mutate()} disabled={busy} data-testid="invoice-send-peppol">
            {t('invoice.sendPeppol')}
          </button>
        )}
        {posted && (
          <button type="button" onClick={() => publish.mutate()} disabled={busy} data-testid="invoice-publish">
            {t('invoice.publish')}
          </button>
        )}
        {id !== null && inv?.status === 'draft' && (
          <button type="button" className="danger" onClick={() => remove.mutate()} disabled={busy} data-testid="invoice-delete">
            {t('invoice.delete')}
          </button>
        )}
        <button type="button" onClick={onClose} data-testid="invoice-back">
          {t('invoice.back')}
        </button>
      </div>
    </div>
  );
}
