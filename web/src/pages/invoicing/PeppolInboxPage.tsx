/**
 * Invoicing → Peppol inbox: the UBL invoices and credit notes received for the dossier (from the access
 * point's inbox folder or uploaded), each with its purchase proposal and embedded PDF; the sent ones too.
 * ↑/↓ choose a document, Enter opens it: the supplier (found by VAT / enterprise number, or created from the
 * document), one booking line per document line with its account and VAT code (from the UBL category and rate),
 * F12 books it as a purchase invoice / credit note, F8 rejects it with a reason, Alt+P opens the PDF. A document in
 * another currency shows its currency, the rate derived from its VAT in EUR (or asks for one) and the euro
 * amounts the booking will have; a rate typed in is previewed by the server (exact decimals) before booking.
 * Ctrl+U uploads a UBL file, F9 fetches what waits at the access point, F5 refreshes. Below: the dossier's
 * registration as a Peppol receiver.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, fieldError } from '../../api.ts';
import { CheckboxField, SelectField, TextField } from '../../components/Fields.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorBanner, InfoNote, SuccessBanner } from '../../components/Messages.tsx';
import { LOCALES, useFormat, useLanguage, useT } from '../../i18n/index.tsx';
import { useShortcuts } from '../../shortcuts.tsx';
import { money } from '../accounting/accounting-api.ts';
import { useDossierId } from '../ledger/ledger-api.ts';

type Status = 'received' | 'booked' | 'rejected' | 'sent';

interface PeppolDocument {
  id: number;
  direction: 'in' | 'out';
  status: Status;
  source: 'inbox' | 'upload' | 'send';
  documentType: 'invoice' | 'credit_note';
  number: string;
  issueDate: string;
  currency: string;
  total: number;
  partyName: string;
  partyVat: string | null;
  relationId: number | null;
  bookingId: number | null;
  hasPdf: boolean;
  rejectReason: string | null;
  receivedAt: string;
}
interface ProposedLine {
  description: string;
  net: number;
  vatCategory: string;
  vatRate: string;
  account: string | null;
  vatCode: string | null;
}
interface DocumentView extends PeppolDocument {
  proposal: {
    dueDate: string | null;
    supplier: { name: string; vatNumber: string | null; enterpriseNumber: string | null; city: string | null; country: string | null };
    vat: Array<{ category: string; rate: string; taxable: number; tax: number }>;
    totals: { net: number; vat: number; payable: number };
    paymentReference: string | null;
    iban: string | null;
    warnings: Array<{ rule: string; field: string; message: string }>;
  } | null;
  supplier: { id: number; name: string; defaultAccount: string | null } | null;
  booking: {
    type: 'purchase_invoice' | 'purchase_credit_note';
    lines: ProposedLine[];
    totalInclVat: number;
    /** in another currency: the booking in euro cents at exchange.rate */
    euro: { rate: string; lines: number[]; vat: number; totalInclVat: number } | null;
  } | null;
  /** null for a document in EUR */
  exchange: {
    currency: string;
    taxCurrency: string | null;
    vatInEur: number | null;
    derivedRate: string | null;
    rate: string | null;
    rateSource: 'given' | 'document' | null;
  } | null;
}
/** What the server takes as a rate (EUR per unit, decimal point); the server checks it again. */
const RATE = /^\d{1,6}(\.\d{1,12})?$/;
interface Registration {
  participantId: string | null;
  state: 'registered' | 'deregistered' | 'not_registered';
  registeredAt: string | null;
  deregisteredAt: string | null;
}

const onList = (e: KeyboardEvent) => {
  const el = e.target as HTMLElement | null;
  return !el || el === document.body || el.tagName === 'TR';
};

export default function PeppolInboxPage() {
  const t = useT();
  const fmt = useFormat();
  const [language] = useLanguage();
  const locale = LOCALES[language];
  const dossierId = useDossierId();
  const base = `/dossiers/${dossierId}/peppol`;
  const client = useQueryClient();
  const [status, setStatus] = useState<Status>('received');
  const list = useQuery({
    queryKey: ['peppol', dossierId, status],
    queryFn: () => api.get<PeppolDocument[]>(`${base}/documents`, status === 'sent' ? { direction: 'out' } : { status }),
  });
  const docs = list.data ?? [];
  const [cursor, setCursor] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = useRef<Array<HTMLTableRowElement | null>>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['peppol', dossierId] });

  useEffect(() => {
    if (cursor >= docs.length && docs.length) setCursor(docs.length - 1);
  }, [docs.length, cursor]);
  const move = (to: number) => {
    const next = Math.max(0, Math.min(docs.length - 1, to));
    setCursor(next);
    rows.current[next]?.focus();
  };
  const upload = useMutation({
    mutationFn: async (file: File) => api.post<PeppolDocument & { duplicate: boolean }>(`${base}/documents`, { xml: await file.text(), fileName: file.name }),
    onSuccess: (d) => {
      setNotice(t(d.duplicate ? 'peppol.inbox.duplicate' : 'peppol.inbox.uploaded', { number: d.number }));
      setStatus('received');
      void refresh();
    },
  });
  const fetchInbox = useMutation({
    mutationFn: () => api.post<{ received: number }>(`${base}/inbox/fetch`),
    onSuccess: (r) => {
      setNotice(t('peppol.inbox.fetched', { count: r.received }));
      void refresh();
    },
  });
  const chosen = docs[cursor];
  useShortcuts(
    [
      { keys: ['Enter'], description: 'peppol.key.open', run: () => chosen && setOpen(chosen.id), enabled: open === null && Boolean(chosen), when: onList },
      { keys: ['ArrowDown'], description: 'peppol.key.open', hidden: true, run: () => move(cursor + 1), enabled: open === null, when: onList },
      { keys: ['ArrowUp'], description: 'peppol.key.open', hidden: true, run: () => move(cursor - 1), enabled: open === null, when: onList },
      { keys: ['Ctrl+U'], description: 'peppol.key.upload', run: () => fileInput.current?.click(), enabled: open === null },
      { keys: ['F9'], description: 'peppol.key.fetch', run: () => fetchInbox.mutate(), enabled: open === null && !fetchInbox.isPending },
      { keys: ['F5'], description: 'peppol.key.refresh', run: () => void list.refetch(), enabled: open === null },
    ],
    { group: 'menu.peppol' },
  );

  return (
    <div className="page wide" data-testid="peppol-page">
      <h1>{t('peppol.inbox.title')}</h1>
      <p className="muted">{t('peppol.inbox.intro')}</p>
      <div className="toolbar no-print">
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".xml"
          data-testid="peppol-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) upload.mutate(file);
            e.target.value = '';
          }}
        />
        <button type="button" className="primary" onClick={() => fileInput.current?.click()} disabled={upload.isPending} data-testid="peppol-upload">
          {t('peppol.inbox.upload')}
        </button>
        <button type="button" onClick={() => fetchInbox.mutate()} disabled={fetchInbox.isPending} data-testid="peppol-fetch">
          {t('peppol.inbox.fetch')}
        </button>
        <SelectField
          label={t('peppol.inbox.show')}
          value={status}
          onChange={(s) => {
            setStatus(s);
            setCursor(0);
          }}
          options={(['received', 'booked', 'rejected', 'sent'] as const).map((s) => ({ value: s, label: t(`peppol.status.${s}`) }))}
          className="inline"
          testId="peppol-filter"
        />
      </div>
      {notice && <SuccessBanner>{notice}</SuccessBanner>}
      <ErrorBanner error={list.error ?? upload.error ?? fetchInbox.error} />
      {list.data && !docs.length && <p className="muted">{t('peppol.inbox.none')}</p>}
      {docs.length > 0 && (
        <table className="grid selectable" data-testid="peppol-documents">
          <thead>
            <tr>
              <th>{t('peppol.col.received')}</th>
              <th>{t('peppol.col.type')}</th>
              <th>{t('peppol.col.number')}</th>
              <th>{t('peppol.col.date')}</th>
              <th>{status === 'sent' ? t('peppol.col.customer') : t('peppol.col.supplier')}</th>
              <th>{t('peppol.col.vat')}</th>
              <th className="num">{t('peppol.col.total')}</th>
              <th>{t('peppol.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((d, i) => (
              <tr
                key={d.id}
                ref={(el) => {
                  rows.current[i] = el;
                }}
                tabIndex={i === cursor ? 0 : -1}
                className={i === cursor ? 'current' : undefined}
                aria-selected={i === cursor}
                onClick={() => setCursor(i)}
                onDoubleClick={() => setOpen(d.id)}
                data-testid="peppol-row"
                data-status={d.status}
              >
                <td>{fmt.dateTime(d.receivedAt)}</td>
                <td>{t(d.documentType === 'credit_note' ? 'peppol.type.credit_note' : 'peppol.type.invoice')}</td>
                <td>{d.number}</td>
                <td>{fmt.date(d.issueDate)}</td>
                <td>{d.partyName}</td>
                <td>{d.partyVat ?? ''}</td>
                <td className="num">
                  {money(d.total, locale)} {d.currency}
                </td>
                <td title={d.rejectReason ?? undefined}>{t(`peppol.status.${d.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RegistrationSection dossierId={dossierId} />
      {open !== null && (
        <DocumentDialog
          dossierId={dossierId}
          id={open}
          onClose={() => {
            setOpen(null);
            rows.current[cursor]?.focus();
          }}
          onDecided={(msg) => {
            setNotice(msg);
            setOpen(null);
            void refresh();
          }}
        />
      )}
    </div>
  );
}

function DocumentDialog({ dossierId, id, onClose, onDecided }: { dossierId: number; id: number; onClose: () => void; onDecided: (message: string) => void }) {
  const t = useT();
  const fmt = useFormat();
  const [language] = useLanguage();
  const locale = LOCALES[language];
  const base = `/dossiers/${dossierId}/peppol/documents/${id}`;
  const [rate, setRate] = useState('');
  const rateOk = RATE.test(rate.trim()) && Number(rate) > 0;
  const detail = useQuery({ queryKey: ['peppol', dossierId, 'doc', id], queryFn: () => api.get<DocumentView>(base) });
  // the euro amounts at a rate the user types: computed by the server (big.js), never in floats here
  const preview = useQuery({
    queryKey: ['peppol', dossierId, 'doc', id, 'rate', rate.trim()],
    queryFn: () => api.get<DocumentView>(base, { exchangeRate: rate.trim() }),
    enabled: Boolean(detail.data?.exchange) && rateOk,
  });
  const doc = detail.data;
  const fx = doc?.exchange ?? null;
  const euro = rate.trim() ? (rateOk ? (preview.data?.booking?.euro ?? null) : null) : (doc?.booking?.euro ?? null);
  const shownRate = rate.trim() ? (rateOk ? (preview.data?.exchange?.rate ?? null) : null) : (fx?.rate ?? null);
  const [date, setDate] = useState('');
  const [lines, setLines] = useState<Array<{ account: string; vatCode: string }>>([]);
  const [createRelation, setCreateRelation] = useState(true);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const reasonRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!doc?.booking) return;
    setLines(doc.booking.lines.map((l) => ({ account: l.account ?? '', vatCode: l.vatCode ?? '' })));
    setDate((d) => d || doc.issueDate);
  }, [doc]);
  useEffect(() => {
    if (rejecting) reasonRef.current?.focus();
  }, [rejecting]);
  const book = useMutation({
    mutationFn: () =>
      api.post<{ booking: { display?: string; id: number } }>(`${base}/book`, {
        date,
        createRelation: !doc?.supplier && createRelation,
        lines: lines.map((l) => ({ account: l.account || null, vatCode: l.vatCode || null })),
        ...(fx && rate.trim() ? { exchangeRate: rate.trim() } : {}),
      }),
    onSuccess: () => onDecided(t('peppol.booked', { number: doc?.number ?? '' })),
  });
  const reject = useMutation({
    mutationFn: () => api.post(`${base}/reject`, { reason }),
    onSuccess: () => onDecided(t('peppol.rejected', { number: doc?.number ?? '' })),
  });
  const open = doc?.status === 'received' && doc.direction === 'in';
  const pdfUrl = `/api/v1${base}/pdf`;
  useShortcuts(
    [
      { keys: ['F12'], description: 'peppol.key.book', run: () => book.mutate(), enabled: open && !rejecting && !book.isPending, inInputs: true },
      { keys: ['F8'], description: 'peppol.key.reject', run: () => setRejecting(true), enabled: open && !rejecting, inInputs: true },
      { keys: ['Alt+P'], description: 'peppol.key.pdf', run: () => window.open(pdfUrl, '_blank'), enabled: Boolean(doc?.hasPdf), inInputs: true },
    ],
    { modal: true },
  );
  const p = doc?.proposal;
  return (
    <Dialog title={doc ? `${t(doc.documentType === 'credit_note' ? 'peppol.type.credit_note' : 'peppol.type.invoice')} ${doc.number}` : t('peppol.inbox.title')} onClose={onClose} wide testId="peppol-document">
      <ErrorBanner error={detail.error ?? book.error ?? reject.error} />
      {doc && p && (
        <>
          <p data-testid="peppol-supplier">
            <strong>{p.supplier.name}</strong> {p.supplier.vatNumber ?? ''} {p.supplier.city ? `— ${p.supplier.city}` : ''} {p.supplier.country ?? ''}
            <br />
            {doc.supplier ? t('peppol.supplier.found', { name: doc.supplier.name }) : t('peppol.supplier.new')}
          </p>
          <p>
            {t('peppol.col.date')}: {fmt.date(doc.issueDate)} {p.dueDate ? `— ${t('peppol.due')}: ${fmt.date(p.dueDate)}` : ''}
            {p.paymentReference ? ` — ${t('peppol.reference')}: ${p.paymentReference}` : ''} {p.iban ? `— ${p.iban}` : ''}
          </p>
          {doc.hasPdf && (
            <p>
              <a href={pdfUrl} target="_blank" rel="noreferrer" data-testid="peppol-pdf">
                {t('peppol.pdf')}
              </a>
            </p>
          )}
          {doc.booking && (
            <div className="table-wrap">
              <table className="grid" data-testid="peppol-lines">
                <thead>
                  <tr>
                    <th>{t('peppol.col.description')}</th>
                    <th>{t('peppol.col.category')}</th>
                    <th className="num">{t('peppol.col.net')}</th>
                    {fx && <th className="num">{t('peppol.fx.netEur')}</th>}
                    <th>{t('peppol.col.account')}</th>
                    <th>{t('peppol.col.vatCode')}</th>
                  </tr>
                </thead>
                <tbody>
                  {doc.booking.lines.map((l, i) => (
                    <tr key={i}>
                      <td>{l.description}</td>
                      <td>
                        {l.vatCategory} {l.vatRate}%
                      </td>
                      <td className="num">{money(l.net, locale)}</td>
                      {fx && (
                        <td className="num" data-testid="peppol-line-eur">
                          {euro ? money(euro.lines[i], locale) : '—'}
                        </td>
                      )}
                      <td>
                        <input
                          aria-label={`${t('peppol.col.account')} ${i + 1}`}
                          value={lines[i]?.account ?? ''}
                          readOnly={!open}
                          size={8}
                          data-testid="peppol-line-account"
                          onChange={(e) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, account: e.target.value } : x)))}
                        />
                      </td>
                      <td>
                        <input
                          aria-label={`${t('peppol.col.vatCode')} ${i + 1}`}
                          value={lines[i]?.vatCode ?? ''}
                          readOnly={!open}
                          size={6}
                          data-testid="peppol-line-vat"
                          onChange={(e) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, vatCode: e.target.value.toUpperCase() } : x)))}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p>
            {p.vat.map((v) => `${v.category} ${v.rate}%: ${money(v.taxable, locale)} → ${money(v.tax, locale)}`).join(' · ')}
            <br />
            <strong>
              {t('peppol.col.total')}: {money(doc.total, locale)} {doc.currency}
            </strong>
          </p>
          {fx && doc.booking && (
            <section className="peppol-fx" data-testid="peppol-fx">
              <h3>{t('peppol.fx.title', { currency: fx.currency })}</h3>
              <p data-testid="peppol-fx-rate">{fx.derivedRate ? t('peppol.fx.derived', { currency: fx.currency, rate: fx.derivedRate }) : t('peppol.fx.needed')}</p>
              {open && (
                <TextField
                  label={t('peppol.fx.rate', { currency: fx.currency })}
                  hint={fx.derivedRate ? t('peppol.fx.rateHint') : undefined}
                  value={rate}
                  onChange={setRate}
                  placeholder={fx.derivedRate ?? '0.9215'}
                  testId="peppol-rate"
                  error={fieldError(book.error, 'exchangeRate') ?? fieldError(preview.error, 'exchangeRate')}
                />
              )}
              {euro && shownRate && (
                <p data-testid="peppol-fx-amounts">
                  <strong>
                    {t('peppol.fx.amounts', {
                      currency: fx.currency,
                      rate: shownRate,
                      net: money(euro.lines.reduce((a, b) => a + b, 0), locale),
                      vat: money(euro.vat, locale),
                      total: money(euro.totalInclVat, locale),
                      amount: money(doc.booking.totalInclVat, locale),
                    })}
                  </strong>
                  {fx.vatInEur !== null && (
                    <>
                      <br />
                      {t('peppol.fx.vatFromDocument', { vat: money(fx.vatInEur, locale) })}
                    </>
                  )}
                </p>
              )}
            </section>
          )}
          {p.warnings.length > 0 && (
            <InfoNote>
              {t('peppol.warnings')}
              <ul>
                {p.warnings.map((w, i) => (
                  <li key={i}>
                    {w.rule} ({w.field}): {w.message}
                  </li>
                ))}
              </ul>
            </InfoNote>
          )}
          {doc.rejectReason && <p>{t('peppol.rejectedBecause', { reason: doc.rejectReason })}</p>}
          {open && !rejecting && (
            <div className="form-grid">
              <TextField label={t('peppol.bookingDate')} type="date" value={date} onChange={setDate} testId="peppol-date" />
              {!doc.supplier && <CheckboxField label={t('peppol.createRelation', { name: p.supplier.name })} checked={createRelation} onChange={setCreateRelation} testId="peppol-create-relation" />}
            </div>
          )}
          {rejecting && (
            <TextField label={t('peppol.rejectReason')} value={reason} onChange={setReason} inputRef={reasonRef} testId="peppol-reject-reason" />
          )}
          <div className="button-row">
            {open && !rejecting && (
              <button type="button" className="primary" onClick={() => book.mutate()} disabled={book.isPending} data-testid="peppol-book">
                {t('peppol.book')}
              </button>
            )}
            {open && !rejecting && (
              <button type="button" onClick={() => setRejecting(true)} data-testid="peppol-reject">
                {t('peppol.reject')}
              </button>
            )}
            {rejecting && (
              <button type="button" className="primary" onClick={() => reject.mutate()} disabled={reject.isPending} data-testid="peppol-reject-confirm">
                {t('peppol.rejectConfirm')}
              </button>
            )}
            <button type="button" onClick={rejecting ? () => setRejecting(false) : onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

function RegistrationSection({ dossierId }: { dossierId: number }) {
  const t = useT();
  const fmt = useFormat();
  const client = useQueryClient();
  const key = ['peppol', dossierId, 'registration'];
  const reg = useQuery({ queryKey: key, queryFn: () => api.get<Registration>(`/dossiers/${dossierId}/peppol/registration`) });
  const change = useMutation({
    mutationFn: (register: boolean) =>
      register ? api.post<Registration>(`/dossiers/${dossierId}/peppol/registration`) : api.delete<Registration>(`/dossiers/${dossierId}/peppol/registration`),
    onSuccess: (r) => client.setQueryData(key, r),
  });
  const r = reg.data;
  return (
    <section className="no-print" data-testid="peppol-registration">
      <h2>{t('peppol.registration.title')}</h2>
      <ErrorBanner error={reg.error ?? change.error} />
      {r && (
        <>
          <p data-state={r.state}>
            {r.participantId ? t('peppol.registration.id', { id: r.participantId }) : t('peppol.registration.noId')}
            {' — '}
            {r.state === 'registered'
              ? t('peppol.registration.registered', { date: fmt.dateTime(r.registeredAt) })
              : r.state === 'deregistered'
                ? t('peppol.registration.deregistered', { date: fmt.dateTime(r.deregisteredAt) })
                : t('peppol.registration.not')}
          </p>
          <p className="muted">{t('peppol.registration.hint')}</p>
          {r.state === 'registered' ? (
            <button type="button" onClick={() => change.mutate(false)} disabled={change.isPending} data-testid="peppol-deregister">
              {t('peppol.registration.deregister')}
            </button>
          ) : (
            <button type="button" onClick={() => change.mutate(true)} disabled={change.isPending || !r.participantId} data-testid="peppol-register">
              {t('peppol.registration.register')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
