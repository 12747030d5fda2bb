/**
 * Bank → CODA mandates: one per financial journal. Internal mandates (requested through Argonaut) in
 * black, external ones (arranged through a third party) in green. ↑/↓ choose a mandate, Enter opens its
 * detail (bank, address for import errors, "link PDF statement in DMS"; set active; end), Ctrl+N
 * requests a new one, F5 refreshes. Without the dossier's bank module, the screen says where to switch it on.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, fieldError } from '../../api.ts';
import { useShell, useShellPath } from '../../app/shell-context.tsx';
import { useConfirm } from '../../components/Confirm.tsx';
import { CheckboxField, RadioGroup, SelectField, TextField } from '../../components/Fields.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorBanner, InfoNote, SuccessBanner } from '../../components/Messages.tsx';
import { useFormat, useT } from '../../i18n/index.tsx';
import { useShortcuts } from '../../shortcuts.tsx';
import { ledgerPath, useDossierId, useMissingRight, type Journal } from '../ledger/ledger-api.ts';

export interface Mandate {
  id: number;
  journalId: number;
  journalCode: string;
  journalName: string;
  iban: string;
  ibanDisplay: string;
  currency: string;
  kind: 'internal' | 'external';
  status: 'requested' | 'active';
  bank: string;
  bankName: string;
  errorEmail: string | null;
  linkPdfInDms: boolean;
  requestedAt: string;
  activatedAt: string | null;
}
interface Bank {
  code: string;
  name: string;
}

/** Keys for the list act when the focus is on a row or on nothing in particular. */
const onList = (e: KeyboardEvent) => {
  const el = e.target as HTMLElement | null;
  return !el || el === document.body || el.tagName === 'TR';
};

export default function MandatesPage() {
  const t = useT();
  const fmt = useFormat();
  const dossierId = useDossierId();
  const { dossier } = useShell();
  const navigate = useNavigate();
  const shellPath = useShellPath();
  const reason = useMissingRight()('book');
  const key = ['coda-mandates', dossierId];
  const list = useQuery({ queryKey: key, queryFn: () => api.get<Mandate[]>(`/dossiers/${dossierId}/bank/mandates`) });
  const [cursor, setCursor] = useState(0);
  const [open, setOpen] = useState<Mandate | 'new' | null>(null);
  const rows = useRef<Array<HTMLTableRowElement | null>>([]);
  const mandates = list.data ?? [];
  const bankOff = dossier ? !dossier.modules.bank : false;

  useEffect(() => {
    if (cursor >= mandates.length && mandates.length) setCursor(mandates.length - 1);
  }, [mandates.length, cursor]);
  const move = (to: number) => {
    const next = Math.max(0, Math.min(mandates.length - 1, to));
    setCursor(next);
    rows.current[next]?.focus();
  };
  useShortcuts(
    [
      { keys: ['Ctrl+N'], description: 'bank.mandates.key.new', run: () => setOpen('new'), enabled: !reason && !bankOff && !open },
      { keys: ['Enter'], description: 'bank.mandates.key.open', run: () => mandates[cursor] && setOpen(mandates[cursor]), enabled: !open && mandates.length > 0, when: onList },
      { keys: ['ArrowDown'], description: 'bank.mandates.key.open', hidden: true, run: () => move(cursor + 1), enabled: !open, when: onList },
      { keys: ['ArrowUp'], description: 'bank.mandates.key.open', hidden: true, run: () => move(cursor - 1), enabled: !open, when: onList },
      { keys: ['F5'], description: 'bank.mandates.key.refresh', run: () => void list.refetch(), enabled: !open },
    ],
    { group: 'menu.codaMandates' },
  );

  return (
    <div className="page wide">
      <h1>{t('menu.codaMandates')}</h1>
      <p className="muted">{t('bank.mandates.intro')}</p>
      {bankOff && <InfoNote>{t('bank.mandates.moduleOff')}</InfoNote>}
      <div className="toolbar no-print">
        <button type="button" className="primary" onClick={() => setOpen('new')} disabled={Boolean(reason) || bankOff} title={reason} data-testid="mandate-new">
          {t('bank.mandates.new')}
        </button>
        <button type="button" onClick={() => navigate(shellPath('bank/inbox'))}>
          {t('bank.mandates.toInbox')}
        </button>
      </div>
      <ErrorBanner error={list.error} />
      {list.data && !mandates.length && <p className="muted">{t('bank.mandates.none')}</p>}
      {mandates.length > 0 && (
        <table className="grid selectable" data-testid="mandates">
          <thead>
            <tr>
              <th>{t('bank.mandates.col.journal')}</th>
              <th>{t('bank.mandates.col.iban')}</th>
              <th>{t('bank.mandates.col.bank')}</th>
              <th>{t('bank.mandates.col.kind')}</th>
              <th>{t('bank.mandates.col.status')}</th>
              <th>{t('bank.mandates.col.errorEmail')}</th>
              <th>{t('bank.mandates.col.pdf')}</th>
            </tr>
          </thead>
          <tbody>
            {mandates.map((m, i) => (
              <tr
                key={m.id}
                ref={(el) => {
                  rows.current[i] = el;
                }}
                tabIndex={i === cursor ? 0 : -1}
                className={i === cursor ? 'current' : undefined}
                aria-selected={i === cursor}
                onClick={() => setCursor(i)}
                onDoubleClick={() => setOpen(m)}
                style={m.kind === 'external' ? { color: 'var(--success)' } : undefined}
                data-testid="mandate-row"
                data-kind={m.kind}
              >
                <td>
                  {m.journalCode} {m.journalName}
                </td>
                <td>
                  {m.ibanDisplay} {m.currency}
                </td>
                <td>{m.bankName}</td>
                <td>{t(`bank.mandates.kind.${m.kind}`)}</td>
                <td title={m.activatedAt ? t('bank.mandates.activated', { date: fmt.date(m.activatedAt) }) : t('bank.mandates.requested', { date: fmt.date(m.requestedAt) })}>
                  {t(`bank.mandates.status.${m.status}`)}
                </td>
                <td>{m.errorEmail ?? ''}</td>
                <td>{m.linkPdfInDms ? t('bank.mandates.yes') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open === 'new' && <NewMandate dossierId={dossierId} taken={mandates.map((m) => m.journalId)} onClose={() => setOpen(null)} />}
      {open && open !== 'new' && <MandateDetail dossierId={dossierId} mandate={open} readOnly={Boolean(reason)} onClose={() => setOpen(null)} />}
    </div>
  );
}

function useBanks() {
  return useQuery({ queryKey: ['coda-banks'], queryFn: () => api.get<Bank[]>('/bank/coda-banks'), staleTime: Infinity });
}

function NewMandate({ dossierId, taken, onClose }: { dossierId: number; taken: number[]; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const banks = useBanks();
  const journals = useQuery({ queryKey: ['journals-financial', dossierId], queryFn: () => api.get<{ items: Journal[] }>(ledgerPath(dossierId, 'journals')) });
  const free = (journals.data?.items ?? []).filter((j) => j.type === 'financial' && j.active && j.iban && !taken.includes(j.id));
  const [journalId, setJournalId] = useState('');
  const [kind, setKind] = useState<'internal' | 'external'>('internal');
  const [bank, setBank] = useState('');
  const [errorEmail, setErrorEmail] = useState('');
  const [linkPdf, setLinkPdf] = useState(false);
  useEffect(() => {
    if (!journalId && free.length) setJournalId(String(free[0].id));
  }, [free, journalId]);
  const save = useMutation({
    mutationFn: () =>
      api.post<Mandate>(`/dossiers/${dossierId}/bank/mandates`, { journalId: Number(journalId), kind, bank: bank || null, errorEmail: errorEmail.trim() || null, linkPdfInDms: linkPdf }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['coda-mandates', dossierId] });
      onClose();
    },
  });
  useShortcuts([{ keys: ['Ctrl+S'], description: 'bank.mandates.key.new', run: () => save.mutate(), inInputs: true, hidden: true, enabled: Boolean(journalId) }], { modal: true });
  return (
    <Dialog title={t('bank.mandates.newTitle')} onClose={onClose} testId="mandate-new-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <ErrorBanner error={save.error} />
        {journals.data && !free.length ? (
          <InfoNote>{t('bank.mandates.noJournal')}</InfoNote>
        ) : (
          <SelectField
            label={t('bank.mandates.journal')}
            value={journalId}
            onChange={setJournalId}
            options={free.map((j) => ({ value: String(j.id), label: `${j.code} ${j.name} — ${j.ibanDisplay ?? j.iban} ${j.currency}` }))}
            error={fieldError(save.error, 'journalId')}
            testId="mandate-journal"
          />
        )}
        <RadioGroup
          legend={t('bank.mandates.kind')}
          name="kind"
          value={kind}
          onChange={setKind}
          options={[
            { value: 'internal', label: t('bank.mandates.kind.internal') },
            { value: 'external', label: t('bank.mandates.kind.external') },
          ]}
        />
        <p className="hint">{t('bank.mandates.kindHint')}</p>
        <SelectField
          label={t('bank.mandates.bank')}
          value={bank}
          onChange={setBank}
          options={[{ value: '', label: t('bank.mandates.bankFromBic') }, ...(banks.data ?? []).map((b) => ({ value: b.code, label: b.name }))]}
          error={fieldError(save.error, 'bank')}
          testId="mandate-bank"
        />
        <TextField
          label={t('bank.mandates.errorEmail')}
          type="email"
          value={errorEmail}
          onChange={setErrorEmail}
          hint={t('bank.mandates.errorEmailHint')}
          error={fieldError(save.error, 'errorEmail')}
          testId="mandate-email"
        />
        <CheckboxField label={t('bank.mandates.linkPdf')} checked={linkPdf} onChange={setLinkPdf} testId="mandate-pdf" />
        <div className="button-row">
          <button type="submit" className="primary" disabled={!journalId || save.isPending} data-testid="mandate-request">
            {t('bank.mandates.request')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function MandateDetail({ dossierId, mandate, readOnly, onClose }: { dossierId: number; mandate: Mandate; readOnly: boolean; onClose: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const confirm = useConfirm();
  const client = useQueryClient();
  const banks = useBanks();
  const [bank, setBank] = useState(mandate.bank);
  const [errorEmail, setErrorEmail] = useState(mandate.errorEmail ?? '');
  const [linkPdf, setLinkPdf] = useState(mandate.linkPdfInDms);
  const [current, setCurrent] = useState(mandate);
  const [saved, setSaved] = useState(false);
  const url = `/dossiers/${dossierId}/bank/mandates/${mandate.id}`;
  const refresh = (m?: Mandate) => {
    if (m) setCurrent(m);
    void client.invalidateQueries({ queryKey: ['coda-mandates', dossierId] });
  };
  const save = useMutation({
    mutationFn: () => api.patch<Mandate>(url, { bank, errorEmail: errorEmail.trim() || null, linkPdfInDms: linkPdf }),
    onSuccess: (m) => {
      setSaved(true);
      refresh(m);
    },
  });
  const activate = useMutation({ mutationFn: () => api.post<Mandate>(`${url}/activate`), onSuccess: (m) => refresh(m) });
  const end = useMutation({
    mutationFn: () => api.delete(url),
    onSuccess: () => {
      refresh();
      onClose();
    },
  });
  useShortcuts([{ keys: ['Ctrl+S'], description: 'bank.mandates.key.open', run: () => save.mutate(), inInputs: true, hidden: true, enabled: !readOnly }], { modal: true });
  return (
    <Dialog title={t('bank.mandates.detail', { journal: `${mandate.journalCode} ${mandate.journalName}` })} onClose={onClose} testId="mandate-detail">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <ErrorBanner error={save.error ?? activate.error ?? end.error} />
        {saved && <SuccessBanner>{t('bank.mandates.saved')}</SuccessBanner>}
        <p style={current.kind === 'external' ? { color: 'var(--success)' } : undefined} data-testid="mandate-summary">
          {mandate.ibanDisplay} {mandate.currency} — {t(`bank.mandates.kind.${current.kind}`)}, {t(`bank.mandates.status.${current.status}`)}
          {' — '}
          {current.activatedAt ? t('bank.mandates.activated', { date: fmt.date(current.activatedAt) }) : t('bank.mandates.requested', { date: fmt.date(current.requestedAt) })}
        </p>
        <SelectField label={t('bank.mandates.bank')} value={bank} onChange={setBank} options={(banks.data ?? [{ code: mandate.bank, name: mandate.bankName }]).map((b) => ({ value: b.code, label: b.name }))} readOnly={readOnly} testId="mandate-bank" />
        <TextField
          label={t('bank.mandates.errorEmail')}
          type="email"
          value={errorEmail}
          onChange={setErrorEmail}
          hint={t('bank.mandates.errorEmailHint')}
          error={fieldError(save.error, 'errorEmail')}
          readOnly={readOnly}
          testId="mandate-email"
        />
        <CheckboxField label={t('bank.mandates.linkPdf')} checked={linkPdf} onChange={setLinkPdf} disabled={readOnly} testId="mandate-pdf" />
        <div className="button-row">
          <button type="submit" className="primary" disabled={readOnly || save.isPending} data-testid="mandate-save">
            {t('bank.mandates.save')}
          </button>
          {current.kind === 'internal' && current.status === 'requested' && (
            <button type="button" onClick={() => activate.mutate()} disabled={readOnly} data-testid="mandate-activate">
              {t('bank.mandates.activate')}
            </button>
          )}
          <button
            type="button"
            className="danger"
            disabled={readOnly}
            onClick={async () => {
              const ok = await confirm({ title: t('bank.mandates.delete'), message: t('bank.mandates.deleteConfirm', { journal: mandate.journalCode }), confirmLabel: t('bank.mandates.delete'), danger: true });
              if (ok) end.mutate();
            }}
          >
            {t('bank.mandates.delete')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
