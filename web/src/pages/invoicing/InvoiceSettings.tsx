/**
 * Invoicing settings, under the invoice list: which sender invoice mail gets and why (the SPF check of
 * the own address's domain), the own sender and reply-to addresses, the bank account on the invoices,
 * the sales journal the invoicing journal books into (not linked: invoices cannot be posted yet), and
 * whether this installation can send over Peppol (the UBL 2.1 schemas installed, or how to install them).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { TextField } from '../../components/Fields.tsx';
import { ErrorBanner, InfoNote, SuccessBanner } from '../../components/Messages.tsx';
import { useT } from '../../i18n/index.tsx';
import { ledgerApi } from '../accounting/accounting-api.ts';
import { invoicingApi } from './InvoiceApi.ts';

export function InvoicingSettings({ dossierId }: { dossierId: number }) {
  const t = useT();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['invoicing-settings', dossierId], queryFn: () => invoicingApi.settings(dossierId) });
  const journals = useQuery({ queryKey: ['invoicing-journals', dossierId], queryFn: () => invoicingApi.journals(dossierId) });
  const sales = useQuery({ queryKey: ['journals', dossierId], queryFn: () => ledgerApi.journals(dossierId) });
  const [form, setForm] = useState({ senderEmail: '', replyTo: '', iban: '', bic: '' });
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const s = settings.data;
    if (s) setForm({ senderEmail: s.senderEmail ?? '', replyTo: s.replyTo ?? '', iban: s.iban ?? '', bic: s.bic ?? '' });
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () => invoicingApi.saveSettings(dossierId, { senderEmail: form.senderEmail || null, replyTo: form.replyTo || null, iban: form.iban || null, bic: form.bic || null }),
    onSuccess: (s) => {
      client.setQueryData(['invoicing-settings', dossierId], s);
      setSaved(true);
    },
  });
  const link = useMutation({
    mutationFn: (v: { id: number; salesJournalId: number | null }) => invoicingApi.saveJournal(dossierId, v),
    onSuccess: (j) => client.setQueryData(['invoicing-journals', dossierId], j),
  });
  const set = (k: keyof typeof form) => (v: string) => {
    setSaved(false);
    setForm((f) => ({ ...f, [k]: v }));
  };
  return (
    <section className="no-print" data-testid="invoicing-settings">
      <h2>{t('invoice.settings.title')}</h2>
      <ErrorBanner error={settings.error ?? save.error ?? link.error ?? journals.error} />
      {(journals.data ?? []).map((j) => (
        <div key={j.id} className="form-grid" data-testid="invoicing-journal">
          <p>
            {t('invoice.settings.journal', { code: j.code })} — {j.salesJournalCode ? t('invoice.settings.linked', { code: j.salesJournalCode }) : t('invoice.settings.notLinked')}
          </p>
          <div className="field">
            <label htmlFor={`ij-${j.id}`}>{t('invoice.settings.link')}</label>
            <select id={`ij-${j.id}`} value={j.salesJournalId ?? ''} onChange={(e) => link.mutate({ id: j.id, salesJournalId: e.target.value ? Number(e.target.value) : null })}>
              <option value="">—</option>
              {(sales.data ?? [])
                .filter((s) => s.type === 'sales')
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.code} — {s.name}
                  </option>
                ))}
            </select>
          </div>
        </div>
      ))}
      {settings.data && (
        <InfoNote>
          <strong>{t('invoice.sender')}:</strong> <span data-testid="invoicing-sender">{settings.data.sender.explanation}</span>
        </InfoNote>
      )}
      {settings.data && (
        <div data-testid="ubl-schemas" data-installed={String(settings.data.ublSchemas.installed)}>
          <h3>{t('invoice.settings.peppol')}</h3>
          {settings.data.ublSchemas.installed ? (
            <InfoNote>{t('invoice.settings.schemasInstalled', { dir: settings.data.ublSchemas.dir })}</InfoNote>
          ) : (
            <div className="banner error" role="status">
              <p>{t('invoice.settings.schemasMissing', { dir: settings.data.ublSchemas.dir, download: settings.data.ublSchemas.download })}</p>
              <pre>
                <code>{settings.data.ublSchemas.command}</code>
              </pre>
            </div>
          )}
        </div>
      )}
      <div className="form-grid">
        <TextField label={t('invoice.settings.senderEmail')} type="email" value={form.senderEmail} onChange={set('senderEmail')} testId="settings-sender" />
        <TextField label={t('invoice.settings.replyTo')} type="email" value={form.replyTo} onChange={set('replyTo')} testId="settings-reply-to" />
        <TextField label={t('invoice.settings.iban')} value={form.iban} onChange={set('iban')} testId="settings-iban" />
        <TextField label={t('invoice.settings.bic')} value={form.bic} onChange={set('bic')} testId="settings-bic" />
      </div>
      {saved && <SuccessBanner>{t('invoice.settings.saved')}</SuccessBanner>}
      <button type="button" onClick={() => save.mutate()} disabled={save.isPending} data-testid="settings-save">
        {t('invoice.settings.save')}
      </button>
    </section>
  );
}
