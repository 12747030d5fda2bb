/**
 * Accounting → Unassigned bank lines: the statement movements the import put on the CODA suspense
 * account. ↑/↓ chooses a line, Enter opens the assignment: a customer, a supplier (searched by number
 * or name, pre-filled with the bank's counterparty) or a general account; for a relation its open
 * items on the other side can be chosen (↑/↓ and Space) to be matched. F12 or Enter books it: a new
 * miscellaneous booking off the suspense account (the statement stays as it is), and the line leaves
 * the list.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { api, fieldError, type Page } from '../../api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { RadioGroup, TextField } from '../../components/Fields.tsx';
import { ErrorBanner, InfoNote, SuccessBanner } from '../../components/Messages.tsx';
import { LOCALES, useLanguage, useT } from '../../i18n/index.tsx';
import { useShortcuts } from '../../shortcuts.tsx';
import { AccountPicker } from '../ledger/AccountPicker.tsx';
import { formatCents, useDossierId } from '../ledger/ledger-api.ts';

interface Line {
  bookingId: number;
  lineNo: number;
  date: string;
  journal: string;
  statementNumber: string | null;
  document: string;
  amount: number;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  communication: string | null;
  structuredCommunication: string | null;
}
interface AssignResult { assignmentBookingId: number; document: string; matchId: number | null }
interface RelationRow { id: number; number: string; name: string; kind: 'customer' | 'supplier' | 'both' }
interface Item { bookingId: number; lineNo: number; account: string; document: string; date: string; dueDate: string | null; amount: number; open: number; reference?: string | null; communication?: string | null }

type Target = 'customer' | 'supplier' | 'account';

const ogmText = (ogm: string) => `+++${ogm.slice(0, 3)}/${ogm.slice(3, 7)}/${ogm.slice(7)}+++`;

export default function UnassignedLinesPage() {
  const t = useT();
  const [lang] = useLanguage();
  const money = (c: number) => formatCents(c, LOCALES[lang]);
  const dossierId = useDossierId();
  const [account, setAccount] = useState<string | null | undefined>(undefined);
  const [lines, setLines] = useState<Line[]>([]);
  const [cursor, setCursor] = useState(0);
  const [open, setOpen] = useState<Line | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const table = useRef<HTMLTableElement>(null);

  const reload = useCallback(async () => {
    const r = await api.get<{ account: string | null; items: Line[] }>(`/dossiers/${dossierId}/bank/unassigned`);
    setAccount(r.account);
    setLines(r.items);
    setCursor((c) => Math.max(0, Math.min(c, r.items.length - 1)));
  }, [dossierId]);

  useEffect(() => {
    reload().catch(setError);
  }, [reload]);

  useEffect(() => {
    table.current?.querySelector('tr.current')?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  useShortcuts(
    [
      { keys: ['ArrowDown'], description: 'bank.unassigned.key.move', run: () => setCursor((c) => Math.min(lines.length - 1, c + 1)), enabled: lines.length > 0 },
      { keys: ['ArrowUp'], description: 'bank.unassigned.key.move', run: () => setCursor((c) => Math.max(0, c - 1)), enabled: lines.length > 0 },
      { keys: ['Enter'], description: 'bank.unassigned.key.assign', run: () => lines[cursor] && setOpen(lines[cursor]), enabled: lines.length > 0 && !open },
    ],
    { group: 'menu.unassignedBankLines' },
  );

  const assigned = async (r: AssignResult) => {
    setOpen(null);
    setError(null);
    setDone(t(r.matchId ? 'bank.assign.doneMatched' : 'bank.assign.done', { document: r.document }));
    await reload().catch(setError);
    table.current?.focus();
  };

  return (
    <div className="page wide">
      <h1>{t('menu.unassignedBankLines')}</h1>
      <ErrorBanner error={error ?? undefined} />
      <SuccessBanner>{done}</SuccessBanner>
      {account === null && <InfoNote>{t('bank.unassigned.noSuspense')}</InfoNote>}
      {account && <p className="muted">{t('bank.unassigned.intro', { account })}</p>}
      {account && lines.length === 0 && <p className="empty" data-testid="unassigned-empty">{t('bank.unassigned.empty')}</p>}
      {lines.length > 0 && (
        <>
          <table className="grid" data-testid="unassigned-lines" ref={table} tabIndex={0} aria-label={t('menu.unassignedBankLines')}>
            <thead>
              <tr>
                <th>{t('bank.unassigned.col.date')}</th>
                <th>{t('bank.unassigned.col.journal')}</th>
                <th>{t('bank.unassigned.col.statement')}</th>
                <th className="num">{t('bank.unassigned.col.amount')}</th>
                <th>{t('bank.unassigned.col.counterparty')}</th>
                <th>{t('bank.unassigned.col.communication')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, n) => (
                <tr
                  key={`${l.bookingId}:${l.lineNo}`}
                  className={n === cursor ? 'current' : undefined}
                  aria-selected={n === cursor}
                  onClick={() => setCursor(n)}
                  onDoubleClick={() => setOpen(l)}
                  data-testid="unassigned-line"
                >
                  <td>{l.date}</td>
                  <td>{l.journal}</td>
                  <td>{l.statementNumber ?? l.document}</td>
                  <td className="num">{money(l.amount)}</td>
                  <td>
                    {l.counterpartyName ?? ''}
                    {l.counterpartyAccount && <span className="muted small"> {l.counterpartyAccount}</span>}
                  </td>
                  <td>{l.structuredCommunication ? ogmText(l.structuredCommunication) : l.communication ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => lines[cursor] && setOpen(lines[cursor])} data-testid="unassigned-assign">
              {t('bank.unassigned.assign')}
            </button>
          </div>
        </>
      )}
      {open && <AssignDialog line={open} dossierId={dossierId} onClose={() => setOpen(null)} onDone={assigned} />}
    </div>
  );
}

function AssignDialog({ line, dossierId, onClose, onDone }: { line: Line; dossierId: number; onClose: () => void; onDone: (r: AssignResult) => void }) {
  const t = useT();
  const [lang] = useLanguage();
  const money = (c: number) => formatCents(c, LOCALES[lang]);
  const [target, setTarget] = useState<Target>(line.amount > 0 ? 'customer' : 'supplier');
  const [search, setSearch] = useState(line.counterpartyName ?? '');
  const [relations, setRelations] = useState<RelationRow[]>([]);
  const [relationId, setRelationId] = useState<number | null>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [itemCursor, setItemCursor] = useState(0);
  const [account, setAccount] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const key = (i: { bookingId: number; lineNo: number }) => `${i.bookingId}:${i.lineNo}`;

  // Relations as you type (number or name), of the chosen side; the first one is proposed.
  useEffect(() => {
    if (target === 'account') return;
    const id = setTimeout(() => {
      api
        .get<Page<RelationRow>>(`/dossiers/${dossierId}/relations`, { search: search.trim() || undefined, kind: target, pageSize: 20 })
        .then((p) => {
          setRelations(p.items);
          setRelationId((cur) => (cur && p.items.some((r) => r.id === cur) ? cur : p.items[0]?.id ?? null));
        }, setError);
    }, 200);
    return () => clearTimeout(id);
  }, [dossierId, search, target]);

  // The relation's open items on the other side from the payment (an incoming payment pays invoices).
  useEffect(() => {
    setChosen(new Set());
    setItemCursor(0);
    if (target === 'account' || relationId == null) {
      setItems([]);
      return;
    }
    api
      .get<{ items: Item[] }>(`/dossiers/${dossierId}/matching/open-items`, { relationId })
      .then((r) => setItems(r.items.filter((i) => Math.sign(i.open) === Math.sign(line.amount))), setError);
  }, [dossierId, relationId, target, line.amount]);

  const toggle = (i: Item) =>
    setChosen((s) => {
      const n = new Set(s);
      if (n.has(key(i))) n.delete(key(i));
      else n.add(key(i));
      return n;
    });

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setError(null);
    const picked = items.filter((i) => chosen.has(key(i)));
    const body =
      target === 'account'
        ? { amount: line.amount, account: account.trim() }
        : { amount: line.amount, relationId, side: target, account: picked[0]?.account ?? null, invoices: picked.map((i) => ({ bookingId: i.bookingId, lineNo: i.lineNo })) };
    try {
      const r = await api.post<AssignResult>(`/dossiers/${dossierId}/bank/unassigned/${line.bookingId}/${line.lineNo}/assign`, body);
      onDone(r);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };

  useShortcuts([{ keys: ['F12'], description: 'bank.assign.key.save', run: () => void save(), inInputs: true }], { group: 'menu.unassignedBankLines' });

  const onItemsKey = (e: ReactKeyboardEvent<HTMLTableElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setItemCursor((c) => Math.min(items.length - 1, c + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setItemCursor((c) => Math.max(0, c - 1));
    } else if (e.key === ' ' && items[itemCursor]) {
      e.preventDefault();
      toggle(items[itemCursor]);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void save();
    }
  };

  const total = items.filter((i) => chosen.has(key(i))).reduce((s, i) => s + i.open, 0);

  return (
    <Dialog title={t('bank.assign.title', { amount: money(line.amount), date: line.date })} onClose={onClose} testId="assign-dialog" wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="muted small">
          {[line.counterpartyName, line.counterpartyAccount, line.structuredCommunication ? ogmText(line.structuredCommunication) : line.communication].filter(Boolean).join(' · ')}
        </p>
        <ErrorBanner error={error ?? undefined} />
        <RadioGroup
          legend={t('bank.assign.target')}
          name="assign-target"
          value={target}
          onChange={(v: Target) => setTarget(v)}
          options={[
            { value: 'customer', label: t('bank.assign.target.customer') },
            { value: 'supplier', label: t('bank.assign.target.supplier') },
            { value: 'account', label: t('bank.assign.target.account') },
          ]}
        />
        {target === 'account' ? (
          <AccountPicker id="assign-account" dossierId={dossierId} label={t('bank.assign.account')} value={account} onChange={setAccount} error={fieldError(error, 'account')} autoFocus />
        ) : (
          <>
            <TextField id="assign-search" label={t('bank.assign.search')} value={search} onChange={setSearch} autoFocus autoComplete="off" />
            <div className="field">
              <div className="label-row">
                <label htmlFor="assign-relation">{t('bank.assign.relation')}</label>
              </div>
              <select id="assign-relation" size={Math.min(6, Math.max(2, relations.length))} value={relationId ?? ''} onChange={(e) => setRelationId(Number(e.target.value) || null)} data-testid="assign-relation">
                {relations.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.number} {r.name}
                  </option>
                ))}
              </select>
              {fieldError(error, 'relationId') && <p className="field-error">{fieldError(error, 'relationId')}</p>}
            </div>
            {relationId != null && (
              <div className="field">
                <div className="label-row">
                  <span id="assign-items-label">{t('bank.assign.items')}</span>
                </div>
                {items.length === 0 ? (
                  <p className="muted">{t('bank.assign.noItems')}</p>
                ) : (
                  <table className="grid" tabIndex={0} aria-labelledby="assign-items-label" onKeyDown={onItemsKey} data-testid="assign-items">
                    <tbody>
                      {items.map((i, n) => (
                        <tr key={key(i)} className={n === itemCursor ? 'current' : undefined} onClick={() => { setItemCursor(n); toggle(i); }}>
                          <td>
                            <input type="checkbox" readOnly checked={chosen.has(key(i))} tabIndex={-1} aria-label={i.document} />
                          </td>
                          <td>{i.document}</td>
                          <td>{i.date}</td>
                          <td>{i.reference ?? ''}</td>
                          <td className="num">{money(i.amount)}</td>
                          <td className="num">{money(i.open)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {chosen.size > 0 && <p className="hint">{t('bank.assign.chosen', { amount: money(total), movement: money(line.amount) })}</p>}
              </div>
            )}
          </>
        )}
        <p className="hint">{t('bank.assign.hint')}</p>
        <div className="dialog-buttons">
          <button type="submit" className="primary" disabled={saving} data-testid="assign-save">
            {t('bank.assign.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
