/**
 * Bank → Bank inbox (office-wide): the files that arrived through the installation's watched folder or
 * an upload, the dossier they were routed to by account, their status, the last message, the attempts
 * and the next attempt (failed files are offered again every Saturday for a month, then dropped). A file
 * whose account is in no dossier says so in its status ("no dossier for this account") with the account.
 * ↑/↓ choose a file, Enter shows its history (every attempt, with the address the error was mailed to),
 * F9 tries a waiting file now, Ctrl+U uploads a file, F5 refreshes.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, type Session } from '../../api.ts';
import { SelectField } from '../../components/Fields.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorBanner, SuccessBanner } from '../../components/Messages.tsx';
import { useFormat, useLanguage, useT } from '../../i18n/index.tsx';
import { useShortcuts } from '../../shortcuts.tsx';

type Status = 'pending' | 'imported' | 'failed' | 'dropped';
type Filter = 'all' | 'waiting' | 'imported' | 'dropped';

export interface InboxEntry {
  id: number;
  fileName: string;
  source: 'folder' | 'upload';
  size: number;
  dossierId: number | null;
  dossierName: string | null;
  account: string | null;
  status: Status;
  errorCode: string | null;
  message: string | null;
  attempts: number;
  receivedAt: string;
  firstFailedAt: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  dropAt: string | null;
  finishedAt: string | null;
}
interface Attempt {
  attempt: number;
  at: string;
  outcome: 'imported' | 'failed' | 'dropped';
  errorCode: string | null;
  message: string | null;
  mailedTo: string | null;
}

/** A waiting file that no dossier could take (its account is in no financial journal, or in several). */
const unrouted = (e: InboxEntry) => e.status === 'failed' && e.dossierId == null && (e.errorCode === 'bank_inbox.account_unknown' || e.errorCode === 'bank_inbox.account_ambiguous');
const statusText = (t: ReturnType<typeof useT>, e: InboxEntry) => t(unrouted(e) ? 'bank.inbox.status.unrouted' : `bank.inbox.status.${e.status}`);

const onList = (e: KeyboardEvent) => {
  const el = e.target as HTMLElement | null;
  return !el || el === document.body || el.tagName === 'TR';
};

async function uploadToInbox(file: File, language: string): Promise<{ duplicate: boolean; entry: InboxEntry }> {
  const session = await api.get<Session>('/session');
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch('/api/v1/bank/inbox', {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { 'X-CSRF-Token': session.csrfToken ?? '', 'X-Language': language, Accept: 'application/json' },
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, data.code ?? `http.${response.status}`, data.message ?? `HTTP ${response.status}`, data.details ?? []);
  return data;
}

export default function InboxPage() {
  const t = useT();
  const fmt = useFormat();
  const [language] = useLanguage();
  const client = useQueryClient();
  const [filter, setFilter] = useState<Filter>('all');
  const key = ['bank-inbox', filter];
  const list = useQuery({ queryKey: key, queryFn: () => api.get<InboxEntry[]>('/bank/inbox', { status: filter === 'all' ? undefined : filter }) });
  const entries = list.data ?? [];
  const [cursor, setCursor] = useState(0);
  const [open, setOpen] = useState<InboxEntry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = useRef<Array<HTMLTableRowElement | null>>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['bank-inbox'] });

  useEffect(() => {
    if (cursor >= entries.length && entries.length) setCursor(entries.length - 1);
  }, [entries.length, cursor]);
  const move = (to: number) => {
    const next = Math.max(0, Math.min(entries.length - 1, to));
    setCursor(next);
    rows.current[next]?.focus();
  };
  const upload = useMutation({
    mutationFn: (file: File) => uploadToInbox(file, language),
    onSuccess: (r) => {
      setNotice(t(r.duplicate ? 'bank.inbox.duplicate' : 'bank.inbox.uploaded', { file: r.entry.fileName }));
      void refresh();
    },
  });
  const retry = useMutation({
    mutationFn: (id: number) => api.post<InboxEntry & { history: Attempt[] }>(`/bank/inbox/${id}/attempt`),
    onSuccess: () => void refresh(),
  });
  const chosen = entries[cursor];
  const waiting = (e?: InboxEntry) => Boolean(e && (e.status === 'pending' || e.status === 'failed'));
  useShortcuts(
    [
      { keys: ['Enter'], description: 'bank.inbox.key.open', run: () => chosen && setOpen(chosen), enabled: !open && Boolean(chosen), when: onList },
      { keys: ['F9'], description: 'bank.inbox.key.tryNow', run: () => chosen && retry.mutate(chosen.id), enabled: !open && waiting(chosen) },
      { keys: ['Ctrl+U'], description: 'bank.inbox.key.upload', run: () => fileInput.current?.click(), enabled: !open },
      { keys: ['ArrowDown'], description: 'bank.inbox.key.open', hidden: true, run: () => move(cursor + 1), enabled: !open, when: onList },
      { keys: ['ArrowUp'], description: 'bank.inbox.key.open', hidden: true, run: () => move(cursor - 1), enabled: !open, when: onList },
      { keys: ['F5'], description: 'bank.mandates.key.refresh', run: () => void list.refetch(), enabled: !open },
    ],
    { group: 'menu.bankInbox' },
  );

  const next = (e: InboxEntry) => (e.nextAttemptAt ? fmt.date(e.nextAttemptAt) : e.status === 'pending' ? t('bank.inbox.status.pending') : '');
  return (
    <div className="page wide">
      <h1>{t('menu.bankInbox')}</h1>
      <p className="muted">{t('bank.inbox.intro')}</p>
      <div className="toolbar no-print">
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".cod,.coda,.txt,.xml,.cod2"
          data-testid="inbox-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) upload.mutate(file);
            e.target.value = '';
          }}
        />
        <button type="button" className="primary" onClick={() => fileInput.current?.click()} disabled={upload.isPending} data-testid="inbox-upload">
          {t('bank.inbox.upload')}
        </button>
        <SelectField
          label={t('bank.inbox.filter')}
          value={filter}
          onChange={setFilter}
          options={(['all', 'waiting', 'imported', 'dropped'] as const).map((f) => ({ value: f, label: t(`bank.inbox.filter.${f}`) }))}
          className="inline"
          testId="inbox-filter"
        />
      </div>
      {notice && <SuccessBanner>{notice}</SuccessBanner>}
      <ErrorBanner error={list.error ?? upload.error ?? retry.error} />
      {list.data && !entries.length && <p className="muted">{t('bank.inbox.none')}</p>}
      {entries.length > 0 && (
        <table className="grid selectable" data-testid="inbox">
          <thead>
            <tr>
              <th>{t('bank.inbox.col.received')}</th>
              <th>{t('bank.inbox.col.file')}</th>
              <th>{t('bank.inbox.col.dossier')}</th>
              <th>{t('bank.inbox.col.account')}</th>
              <th>{t('bank.inbox.col.status')}</th>
              <th>{t('bank.inbox.col.message')}</th>
              <th className="num">{t('bank.inbox.col.attempts')}</th>
              <th>{t('bank.inbox.col.next')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => (
              <tr
                key={e.id}
                ref={(el) => {
                  rows.current[i] = el;
                }}
                tabIndex={i === cursor ? 0 : -1}
                className={i === cursor ? 'current' : undefined}
                aria-selected={i === cursor}
                onClick={() => setCursor(i)}
                onDoubleClick={() => setOpen(e)}
                data-testid="inbox-row"
                data-status={e.status}
                data-unrouted={unrouted(e) || undefined}
              >
                <td>{fmt.dateTime(e.receivedAt)}</td>
                <td>{e.fileName}</td>
                <td>{e.dossierName ?? t('bank.inbox.noDossier')}</td>
                <td>{e.account ?? ''}</td>
                <td style={unrouted(e) ? { color: 'var(--danger)', fontWeight: 600 } : undefined}>{statusText(t, e)}</td>
                <td title={e.message ?? undefined}>{(e.message ?? '').split('\n')[0]}</td>
                <td className="num">{e.attempts}</td>
                <td>{next(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <History entry={open} onClose={() => setOpen(null)} onRetry={() => retry.mutate(open.id)} retrying={retry.isPending} />}
    </div>
  );
}

function History({ entry, onClose, onRetry, retrying }: { entry: InboxEntry; onClose: () => void; onRetry: () => void; retrying: boolean }) {
  const t = useT();
  const fmt = useFormat();
  const detail = useQuery({ queryKey: ['bank-inbox', 'detail', entry.id, retrying], queryFn: () => api.get<InboxEntry & { history: Attempt[] }>(`/bank/inbox/${entry.id}`) });
  const e = detail.data ?? { ...entry, history: [] as Attempt[] };
  const waiting = e.status === 'pending' || e.status === 'failed';
  useShortcuts([{ keys: ['F9'], description: 'bank.inbox.key.tryNow', run: onRetry, enabled: waiting && !retrying }], { modal: true });
  return (
    <Dialog title={t('bank.inbox.history', { file: entry.fileName })} onClose={onClose} wide testId="inbox-history">
      <ErrorBanner error={detail.error} />
      <p>
        {e.dossierName ?? t('bank.inbox.noDossier')} — {e.account ?? ''} — {statusText(t, e)}
      </p>
      {e.message && <pre className="message-text" style={{ whiteSpace: 'pre-wrap' }}>{e.message}</pre>}
      {waiting && e.dropAt && <p className="muted">{t('bank.inbox.dropAt', { date: fmt.date(e.dropAt) })}</p>}
      <table className="grid" data-testid="inbox-attempts">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{t('bank.inbox.col.at')}</th>
            <th>{t('bank.inbox.col.outcome')}</th>
            <th>{t('bank.inbox.col.message')}</th>
            <th>{t('bank.inbox.col.mailed')}</th>
          </tr>
        </thead>
        <tbody>
          {e.history.map((a) => (
            <tr key={a.attempt}>
              <td className="num">{a.attempt}</td>
              <td>{fmt.dateTime(a.at)}</td>
              <td>{t(`bank.inbox.status.${a.outcome}`)}</td>
              <td title={a.message ?? undefined}>{(a.message ?? '').split('\n')[0]}</td>
              <td>{a.mailedTo ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        {waiting && (
          <button type="button" className="primary" onClick={onRetry} disabled={retrying} data-testid="inbox-try-now">
            {t('bank.inbox.tryNow')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
