/**
 * Management → Fiscal years: the years with their periods; create the next year; change the start
 * and end dates and the VAT period (the server enforces the rules and says why it refuses); close or
 * reopen a period or a year; transfer the fiscal year ("Overboeken boekjaar") with a confirmation
 * and its result.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, isApiError } from '../../api.ts';
import { Loading } from '../../app/AppShell.tsx';
import { useConfirm } from '../../components/Confirm.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { ErrorBanner, SuccessBanner } from '../../components/Messages.tsx';
import { LOCALES, useFormat, useLanguage, useT } from '../../i18n/index.tsx';
import { useShortcuts } from '../../shortcuts.tsx';
import { formatCents, ledgerPath, useDossierId, type FiscalYear, type TransferResult } from './ledger-api.ts';

export default function FiscalYearsPage() {
  const t = useT();
  const fmt = useFormat();
  const [language] = useLanguage();
  const confirm = useConfirm();
  const client = useQueryClient();
  const dossierId = useDossierId();
  const base = ledgerPath(dossierId, 'fiscal-years');
  const [selected, setSelected] = useState<number | null>(null);
  const [form, setForm] = useState({ startDate: '', endDate: '', vatPeriod: 'quarterly' as 'monthly' | 'quarterly' });
  const [message, setMessage] = useState<string | null>(null);
  const [transfer, setTransfer] = useState<TransferResult | null>(null);

  const years = useQuery({ queryKey: ['fiscal-years', dossierId], queryFn: () => api.get<FiscalYear[]>(base) });
  useEffect(() => {
    if (selected === null && years.data?.length) setSelected(years.data[years.data.length - 1].id);
  }, [years.data, selected]);
  const year = useQuery({ queryKey: ['fiscal-year', dossierId, selected], queryFn: () => api.get<FiscalYear>(`${base}/${selected}`), enabled: selected !== null });
  const y = year.data ?? null;
  useEffect(() => {
    if (y) setForm({ startDate: y.startDate, endDate: y.endDate, vatPeriod: y.vatPeriod });
  }, [y]);

  const refresh = (result?: FiscalYear) => {
    if (result) client.setQueryData(['fiscal-year', dossierId, result.id], result);
    client.invalidateQueries({ queryKey: ['fiscal-years', dossierId] });
    client.invalidateQueries({ queryKey: ['fiscal-year', dossierId] });
  };
  const done = (text: string) => {
    setMessage(text);
    setTransfer(null);
  };
  const save = useMutation({
    mutationFn: () =>
      api.patch<FiscalYear>(`${base}/${selected}`, {
        ...(y?.canChangeStart && form.startDate !== y.startDate ? { startDate: form.startDate } : {}),
        ...(y?.canChangeEnd && form.endDate !== y.endDate ? { endDate: form.endDate } : {}),
        ...(form.vatPeriod !== y?.vatPeriod ? { vatPeriod: form.vatPeriod } : {}),
      }),
    onSuccess: (r) => {
      refresh(r);
      done(t('common.saved'));
    },
  });
  const createNext = useMutation({
    mutationFn: (position: 'next' | 'previous') => api.post<FiscalYear>(base, { position }),
    onSuccess: (r) => {
      refresh(r);
      setSelected(r.id);
      done(t('common.saved'));
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`${base}/${selected}`),
    onSuccess: () => {
      setSelected(null);
      refresh();
      done(t('common.saved'));
    },
  });
  const setClosed = useMutation({
    mutationFn: ({ period, close }: { period: number | null; close: boolean }) =>
      api.post<FiscalYear>(period === null ? `${base}/${selected}/${close ? 'close' : 'reopen'}` : `${base}/${selected}/periods/${period}/${close ? 'close' : 'reopen'}`),
    onSuccess: (r) => {
      refresh(r);
      done(t('common.saved'));
    },
  });
  const runTransfer = useMutation({
    mutationFn: () => api.post<TransferResult>(`${base}/${selected}/transfer`),
    onSuccess: (r) => {
      refresh();
      setMessage(null);
      setTransfer(r);
    },
  });
  const mutations = [save, createNext, remove, setClosed, runTransfer];
  const reset = () => {
    for (const m of mutations) m.reset();
    setMessage(null);
    setTransfer(null);
  };
  const error = mutations.map((m) => m.error).find(Boolean);
  const fe = (field: string) => (isApiError(save.error) ? save.error.fieldMessage(field) : undefined);
  const periodLabel = (fy: FiscalYear) => `${fmt.date(fy.startDate)} – ${fmt.date(fy.endDate)}`;
  const dirty = y !== null && (form.startDate !== y.startDate || form.endDate !== y.endDate || form.vatPeriod !== y.vatPeriod);
  useShortcuts([{ keys: ['Ctrl+S'], description: 'shortcuts.save', run: () => save.mutate(), enabled: dirty }], { group: 'menu.fiscalYears' });

  const askTransfer = async () => {
    if (!y) return;
    reset();
    const ok = await confirm({ title: t('ledger.fy.transferTitle', { period: periodLabel(y) }), message: t('ledger.fy.transferConfirm'), confirmLabel: t('ledger.fy.transfer') });
    if (ok) runTransfer.mutate();
  };
  const askDelete = async () => {
    if (!y) return;
    reset();
    const ok = await confirm({ title: t('ledger.fy.delete'), message: t('ledger.fy.deleteConfirm', { period: periodLabel(y) }), confirmLabel: t('common.delete'), danger: true });
    if (ok) remove.mutate();
  };

  if (years.isPending) return <Loading />;
  return (
    <div className="page wide">
      <h1>{t('menu.fiscalYears')}</h1>
      <div className="toolbar no-print">
        <button
          type="button"
          onClick={() => {
            reset();
            createNext.mutate('next');
          }}
          disabled={createNext.isPending}
          data-testid="fy-create-next"
        >
          {t('ledger.fy.createNext')}
        </button>
        <button
          type="button"
          onClick={() => {
            reset();
            createNext.mutate('previous');
          }}
          disabled={createNext.isPending}
          data-testid="fy-create-previous"
        >
          {t('ledger.fy.createPrevious')}
        </button>
      </div>
      <ErrorBanner error={years.error ?? (error && !(isApiError(error) && error === save.error && (fe('startDate') || fe('endDate'))) ? error : undefined) ?? undefined} />
      {message && <SuccessBanner>{message}</SuccessBanner>}
      {transfer && (
        <SuccessBanner>
          <span data-testid="fy-transfer-result">
            {t('ledger.fy.transferDone', {
              result: `${formatCents(transfer.result, LOCALES[language])} (${transfer.result >= 0 ? t('ledger.fy.profit') : t('ledger.fy.loss')})`,
              lines: transfer.openingLines,
            })}
            {transfer.replaced && ` ${t('ledger.fy.transferReplaced')}`}
          </span>
        </SuccessBanner>
      )}
      <table className="grid selectable" data-testid="fiscal-years">
        <thead>
          <tr>
            <th>{t('ledger.fy.year')}</th>
            <th>{t('ledger.fy.vatPeriod')}</th>
            <th className="num">{t('ledger.fy.bookings')}</th>
            <th>{t('ledger.fy.status')}</th>
          </tr>
        </thead>
        <tbody>
          {(years.data ?? []).map((fy) => (
            <tr
              key={fy.id}
              className={fy.id === selected ? 'selected cursor' : undefined}
              aria-selected={fy.id === selected}
              onClick={() => {
                reset();
                setSelected(fy.id);
              }}
              style={{ cursor: 'pointer' }}
            >
              <td>{periodLabel(fy)}</td>
              <td>{t(`ledger.fy.vatPeriod.${fy.vatPeriod}`)}</td>
              <td className="num">{fy.bookings}</td>
              <td>
                {fy.closed ? t('ledger.fy.closed') : t('ledger.fy.open')}
                {fy.transferredAt && <span className="muted"> · {t('ledger.fy.transferred', { date: fmt.dateTime(fy.transferredAt) })}</span>}
                {fy.transferOutdated && (
                  <span className="mode-tag" data-testid="fy-transfer-outdated">
                    {t('ledger.fy.transferOutdatedTag')}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {y && (
        <section data-testid="fiscal-year-detail">
          {y.transferOutdated && (
            <div className="banner warning" role="status" data-testid="fy-transfer-outdated-banner">
              {t('ledger.fy.transferOutdated', { date: fmt.dateTime(y.transferredAt!) })}
            </div>
          )}
          <h2 className="section-title">
            {t('ledger.fy.year')} {periodLabel(y)} {y.closed && <span className="mode-tag">{t('ledger.fy.closed')}</span>}
          </h2>
          <form
            className="record-form editing"
            onSubmit={(e) => {
              e.preventDefault();
              reset();
              save.mutate();
            }}
            noValidate
          >
            <div className="form-grid">
              <TextField id="fy-start" type="date" label={t('ledger.fy.start')} value={form.startDate} onChange={(v) => setForm((f) => ({ ...f, startDate: v }))} readOnly={!y.canChangeStart} hint={y.canChangeStart ? undefined : t('ledger.fy.startLocked')} error={fe('startDate')} />
              <TextField id="fy-end" type="date" label={t('ledger.fy.end')} value={form.endDate} onChange={(v) => setForm((f) => ({ ...f, endDate: v }))} readOnly={!y.canChangeEnd} hint={y.canChangeEnd ? undefined : t('ledger.fy.endLocked')} error={fe('endDate')} />
              <SelectField
                id="fy-vat-period"
                label={t('ledger.fy.vatPeriod')}
                value={form.vatPeriod}
                onChange={(v) => setForm((f) => ({ ...f, vatPeriod: v }))}
                options={[
                  { value: 'monthly', label: t('ledger.fy.vatPeriod.monthly') },
                  { value: 'quarterly', label: t('ledger.fy.vatPeriod.quarterly') },
                ]}
                error={fe('vatPeriod')}
              />
            </div>
            <div className="toolbar">
              <button type="submit" className="primary" disabled={!dirty || save.isPending} title="Ctrl+S">
                {t('common.save')}
              </button>
              <button type="button" onClick={() => (reset(), setClosed.mutate({ period: null, close: !y.closed }))} disabled={setClosed.isPending} data-testid="fy-toggle-closed">
                {y.closed ? t('ledger.fy.reopen') : t('ledger.fy.close')}
              </button>
              <button type="button" onClick={askTransfer} disabled={runTransfer.isPending} data-testid="fy-transfer">
                {t('ledger.fy.transfer')}
              </button>
              <button type="button" className="danger" onClick={askDelete} disabled={y.bookings > 0 || remove.isPending}>
                {t('ledger.fy.delete')}
              </button>
            </div>
          </form>
          <h2 className="section-title">{t('ledger.fy.periods')}</h2>
          <table className="grid" data-testid="periods">
            <thead>
              <tr>
                <th className="num">{t('ledger.fy.periodNo')}</th>
                <th>{t('ledger.fy.start')}</th>
                <th>{t('ledger.fy.end')}</th>
                <th>{t('ledger.fy.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {(y.periods ?? []).map((p) => (
                <tr key={p.periodNo}>
                  <td className="num">
                    {p.periodNo} <span className="muted">{t(`ledger.fy.kind.${p.kind}`)}</span>
                  </td>
                  <td>{fmt.date(p.startDate)}</td>
                  <td>{fmt.date(p.endDate)}</td>
                  <td>{p.closed ? t('ledger.fy.closed') : t('ledger.fy.open')}</td>
                  <td className="actions">
                    <button type="button" onClick={() => (reset(), setClosed.mutate({ period: p.periodNo, close: !p.closed }))} disabled={setClosed.isPending || y.closed}>
                      {p.closed ? t('ledger.fy.reopen') : t('ledger.fy.close')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
