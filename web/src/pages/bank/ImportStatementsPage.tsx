/**
 * Bank → Import statements: choose one or more CODA / camt.053 files (file field or drag and drop) and
 * import them one after the other (F12 or the button). Each file books all or nothing; the result
 * shows per statement the journal, its number, its movements, how many were matched and how many wait
 * on the CODA suspense account; statements imported before are listed as such. A refused file shows
 * the server's message (in the user's language) and a checklist of what to look at, with the screens
 * to open — the four refusals the accountant meets: no financial journal for the account, the opening
 * balance does not follow the journal, no open fiscal-year period, no CODA suspense account.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, type Session } from '../../api.ts';
import { useShellPath } from '../../app/shell-context.tsx';
import { ErrorBanner, InfoNote, SuccessBanner } from '../../components/Messages.tsx';
import { useLanguage, useT, type MessageKey } from '../../i18n/index.tsx';
import { useShortcuts } from '../../shortcuts.tsx';
import { useDossierId } from '../ledger/ledger-api.ts';

/** `parts`: a statement of more than 5,000 movements is booked as several consecutive bookings. */
interface ImportedStatement { journal: string; number: string; bookingId: number; lines: number; matched: number; suspense: number; parts?: Array<{ bookingId: number; lines: number }> }
interface DuplicateStatement { journal: string; account: string; number: string; message: string }
interface ImportAnswer { format: 'coda' | 'camt.053'; statements: ImportedStatement[]; duplicates: DuplicateStatement[] }
interface FileResult { fileName: string; answer?: ImportAnswer; error?: unknown }

/** What to check for each refusal, and the screens where it is done. */
const ADVICE: Record<string, { checks: MessageKey[]; screens: Array<{ path: string; label: MessageKey }> }> = {
  'banking.journal_not_found': {
    checks: ['bank.advice.journal.1', 'bank.advice.journal.2'],
    screens: [{ path: 'management/journals', label: 'menu.journals' }],
  },
  'banking.opening_mismatch': {
    checks: ['bank.advice.opening.1', 'bank.advice.opening.2', 'bank.advice.opening.3'],
    screens: [
      { path: 'accounting/financial', label: 'menu.financial' },
      { path: 'management/journals', label: 'menu.journals' },
    ],
  },
  'banking.no_fiscal_period': {
    checks: ['bank.advice.period.1', 'bank.advice.period.2', 'bank.advice.period.3'],
    screens: [{ path: 'management/fiscal-years', label: 'menu.fiscalYears' }],
  },
  'banking.suspense_missing': {
    checks: ['bank.advice.suspense.1'],
    screens: [{ path: 'management/fixed-accounts', label: 'menu.fixedAccounts' }],
  },
};

/** Uploads one file (multipart) with the session's CSRF token and the UI language. */
async function uploadStatementFile(dossierId: number, file: File, language: string): Promise<ImportAnswer> {
  const session = await api.get<Session>('/session');
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(`/api/v1/dossiers/${dossierId}/bank/import`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { 'X-CSRF-Token': session.csrfToken ?? '', 'X-Language': language, Accept: 'application/json' },
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, data.code ?? `http.${response.status}`, data.message ?? `HTTP ${response.status}`, data.details ?? []);
  return data as ImportAnswer;
}

export default function ImportStatementsPage() {
  const t = useT();
  const [language] = useLanguage();
  const dossierId = useDossierId();
  const navigate = useNavigate();
  const shellPath = useShellPath();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [results, setResults] = useState<FileResult[]>([]);
  const [dragging, setDragging] = useState(false);

  const choose = (list: FileList | null) => {
    setFiles(list ? [...list] : []);
    setResults([]);
  };

  const run = async () => {
    if (!files.length || busy) return;
    const out: FileResult[] = [];
    setResults([]);
    // One file after the other: each is its own all-or-nothing import, in the order chosen.
    for (const file of files) {
      setBusy(file.name);
      try {
        out.push({ fileName: file.name, answer: await uploadStatementFile(dossierId, file, language) });
      } catch (error) {
        out.push({ fileName: file.name, error });
      }
      setResults([...out]);
    }
    setBusy(null);
    setFiles([]);
    if (input.current) input.current.value = '';
    void client.invalidateQueries();
  };

  useShortcuts([{ keys: ['F12'], description: 'bank.import.submit', run: () => void run(), inInputs: true, enabled: files.length > 0 && !busy }], { group: 'menu.bankImport' });

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files);
  };

  const waiting = results.reduce((n, r) => n + (r.answer?.statements.reduce((s, st) => s + st.suspense, 0) ?? 0), 0);

  return (
    <div className="page wide">
      <h1>{t('menu.bankImport')}</h1>
      <p className="muted">{t('bank.import.intro')}</p>
      <form
        className="inline-form no-print"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <div
          className="field"
          data-testid="bank-import-drop"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          style={{ border: `2px dashed ${dragging ? 'var(--accent, #2563eb)' : 'var(--border, #999)'}`, padding: '1rem', borderRadius: 6 }}
        >
          <div className="label-row">
            <label htmlFor="bank-import-files">{t('bank.import.files')}</label>
          </div>
          <input
            ref={input}
            id="bank-import-files"
            type="file"
            multiple
            accept=".cod,.coda,.cda,.txt,.xml,.bc2,.dat"
            onChange={(e) => choose(e.target.files)}
            data-testid="bank-import-files"
          />
          <p className="hint">{files.length ? t('bank.import.chosen', { names: files.map((f) => f.name).join(', ') }) : t('bank.import.drop')}</p>
        </div>
        <button type="submit" className="primary" disabled={!files.length || !!busy} data-testid="bank-import-submit">
          {t('bank.import.submit')}
        </button>
      </form>
      {busy && <p className="loading" role="status">{t('bank.import.busy', { name: busy })}</p>}

      {results.length > 0 && <h2>{t('bank.import.results')}</h2>}
      {results.map((r, i) => (
        <section key={`${r.fileName}-${i}`} className="section" data-testid="bank-import-result" data-file={r.fileName}>
          <h3>{r.fileName}</h3>
          {r.error ? <Refusal error={r.error} go={(path) => navigate(shellPath(path))} /> : r.answer && <Booked answer={r.answer} />}
        </section>
      ))}
      {waiting > 0 && (
        <div className="button-row">
          <InfoNote>{t('bank.import.waiting', { count: waiting })}</InfoNote>
          <button type="button" onClick={() => navigate(shellPath('accounting/unassigned-bank-lines'))} data-testid="bank-import-to-unassigned">
            {t('bank.import.toUnassigned')}
          </button>
        </div>
      )}
    </div>
  );
}

function Booked({ answer }: { answer: ImportAnswer }) {
  const t = useT();
  return (
    <>
      {answer.statements.length > 0 && (
        <>
          <SuccessBanner>{t('bank.import.booked', { count: answer.statements.length, format: answer.format === 'coda' ? 'CODA' : 'camt.053' })}</SuccessBanner>
          <table className="grid" data-testid="bank-import-statements">
            <thead>
              <tr>
                <th>{t('bank.import.col.journal')}</th>
                <th>{t('bank.import.col.number')}</th>
                <th className="num">{t('bank.import.col.lines')}</th>
                <th className="num">{t('bank.import.col.matched')}</th>
                <th className="num">{t('bank.import.col.suspense')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.statements.map((s) => (
                <tr key={s.bookingId}>
                  <td>{s.journal}</td>
                  <td>
                    {s.number}
                    {s.parts && <span className="muted"> ({t('bank.import.parts', { count: s.parts.length })})</span>}
                  </td>
                  <td className="num">{s.lines}</td>
                  <td className="num">{s.matched}</td>
                  <td className="num">{s.suspense}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {answer.duplicates.length > 0 && (
        <div className="banner warning" role="status" data-testid="bank-import-duplicates">
          <p>{t('bank.import.duplicates')}</p>
          <ul>
            {answer.duplicates.map((d) => (
              <li key={`${d.account}-${d.number}`}>{d.message}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function Refusal({ error, go }: { error: unknown; go: (path: string) => void }) {
  const t = useT();
  const advice = error instanceof ApiError ? ADVICE[error.code] : undefined;
  return (
    <>
      <ErrorBanner error={error} />
      <p className="muted">{t('bank.import.failed')}</p>
      {advice && (
        <div data-testid="bank-import-advice" data-code={(error as ApiError).code}>
          <h4>{t('bank.import.check')}</h4>
          <ul>
            {advice.checks.map((k) => (
              <li key={k}>{t(k)}</li>
            ))}
          </ul>
          <div className="button-row">
            {advice.screens.map((s) => (
              <button key={s.path} type="button" onClick={() => go(s.path)}>
                {t('bank.import.open', { screen: t(s.label) })}
              </button>
            ))}
          </div>
        </div>
      )}
    </>
  );
}
