/**
 * Accounting → Matching: pick a relation, see its open items, select lines (Space/click) and match
 * them (Enter), F10 equal amounts, F11 automatic, F8 net-zero relations, Ctrl+D shows matched lines,
 * and the list of matches where F9 cancels the selected one (Ctrl+←/→ moves between matches).
 */
import { useCallback, useEffect, useState } from 'react';
import { api, type Page } from '../../api.ts';
import { ErrorBanner, SuccessBanner } from '../../components/Messages.tsx';
import { LOCALES, useLanguage, useT } from '../../i18n/index.tsx';
import { formatCents, useDossierId } from '../ledger/ledger-api.ts';

interface Item { bookingId: number; lineNo: number; document: string; date: string; dueDate: string | null; amount: number; open: number }
interface Match { id: number; kind: string; method: string; full: boolean; createdAt: string; lines: Array<{ bookingId: number; lineNo: number; document: string; applied: number }> }
interface RelationRow { id: number; number: string; name: string }

const key = (i: { bookingId: number; lineNo: number }) => `${i.bookingId}:${i.lineNo}`;

export default function MatchingPage() {
  const t = useT();
  const [lang] = useLanguage();
  const money = (c: number) => formatCents(c, LOCALES[lang]);
  const dossierId = useDossierId();
  const base = `/dossiers/${dossierId}/matching`;
  const [search, setSearch] = useState('');
  const [relations, setRelations] = useState<RelationRow[]>([]);
  const [relation, setRelation] = useState<RelationRow | null>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [matches, setMatches] = useState<Match[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [cursor, setCursor] = useState(0);
  const [matchCursor, setMatchCursor] = useState(0);
  const [showMatched, setShowMatched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  useEffect(() => {
    const id = setTimeout(() => {
      api.get<Page<RelationRow>>(`/dossiers/${dossierId}/relations`, { search: search || undefined, pageSize: 20 }).then((p) => setRelations(p.items), setError);
    }, 200);
    return () => clearTimeout(id);
  }, [dossierId, search]);

  const reload = useCallback(async () => {
    if (!relation) return;
    const q = { relationId: relation.id };
    const [o, m] = await Promise.all([
      api.get<{ items: Item[] }>(`${base}/open-items`, { ...q, includeMatched: showMatched ? 'true' : undefined }),
      api.get<{ items: Match[] }>(`${base}/matches`, q),
    ]);
    setItems(o.items);
    setMatches(m.items);
    setSelected(new Set());
  }, [base, relation, showMatched]);

  useEffect(() => { reload().catch(setError); }, [reload]);

  const run = useCallback(async (action: () => Promise<unknown>, message: string) => {
    setError(null);
    setDone('');
    try {
      await action();
      setDone(message);
      await reload();
    } catch (e) {
      setError(e);
    }
  }, [reload]);

  const matchSelected = () => run(() => api.post(`${base}/matches`, { lines: items.filter((i) => selected.has(key(i))).map((i) => ({ bookingId: i.bookingId, lineNo: i.lineNo })) }), t('matching.done'));
  const equal = () => run(() => api.post(`${base}/equal-amounts`, { relationId: relation?.id }), t('matching.done'));
  const auto = () => run(() => api.post(`${base}/auto`, { relationId: relation?.id }), t('matching.done'));
  const netZero = () => run(() => api.post(`${base}/net-zero`, {}), t('matching.done'));
  const cancel = () => { const m = matches[matchCursor]; if (m) void run(() => api.delete(`${base}/matches/${m.id}`), t('matching.cancelled')); };
  const toggle = (i: Item) => setSelected((s) => { const n = new Set(s); if (n.has(key(i))) n.delete(key(i)); else n.add(key(i)); return n; });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!relation) return;
      const inInput = e.target instanceof HTMLInputElement;
      if (e.key === 'F10') { e.preventDefault(); void equal(); }
      else if (e.key === 'F11') { e.preventDefault(); void auto(); }
      else if (e.key === 'F8') { e.preventDefault(); void netZero(); }
      else if (e.key === 'F9') { e.preventDefault(); cancel(); }
      else if (e.ctrlKey && e.key.toLowerCase() === 'd') { e.preventDefault(); setShowMatched((v) => !v); }
      else if (e.ctrlKey && e.key === 'ArrowLeft') { e.preventDefault(); setMatchCursor((c) => Math.max(0, c - 1)); }
      else if (e.ctrlKey && e.key === 'ArrowRight') { e.preventDefault(); setMatchCursor((c) => Math.min(matches.length - 1, c + 1)); }
      else if (inInput) return;
      else if (e.key === 'ArrowDown') { e.preventDefault(); setCursor((c) => Math.min(items.length - 1, c + 1)); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); setCursor((c) => Math.max(0, c - 1)); }
      else if (e.key === ' ' && items[cursor]) { e.preventDefault(); toggle(items[cursor]); }
      else if (e.key === 'Enter' && selected.size > 0) { e.preventDefault(); void matchSelected(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="page wide">
      <h1>{t('menu.matching')}</h1>
      <ErrorBanner error={error ?? undefined} />
      <SuccessBanner>{done}</SuccessBanner>
      <div className="toolbar no-print">
        <input aria-label={t('matching.relation')} placeholder={t('matching.relation')} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="matching-search" />
        <select aria-label={t('matching.relation')} value={relation?.id ?? ''} onChange={(e) => setRelation(relations.find((r) => r.id === Number(e.target.value)) ?? null)} data-testid="matching-relation">
          <option value="">—</option>
          {relations.map((r) => <option key={r.id} value={r.id}>{r.number} {r.name}</option>)}
        </select>
        <button type="button" disabled={!relation || selected.size === 0} onClick={() => void matchSelected()} data-testid="matching-match">{t('matching.match')}</button>
        <button type="button" disabled={!relation} onClick={() => void equal()}>{t('matching.equal')}</button>
        <button type="button" disabled={!relation} onClick={() => void auto()}>{t('matching.auto')}</button>
        <button type="button" disabled={!relation} onClick={() => void netZero()}>{t('matching.netZero')}</button>
        <label><input type="checkbox" checked={showMatched} onChange={(e) => setShowMatched(e.target.checked)} /> {t('matching.showMatched')}</label>
      </div>
      {relation && (
        <table className="grid" data-testid="matching-items">
          <thead><tr><th /><th>{t('matching.document')}</th><th>{t('matching.date')}</th><th>{t('matching.dueDate')}</th><th>{t('matching.amount')}</th><th>{t('matching.open')}</th><th>{t('matching.status')}</th></tr></thead>
          <tbody>
            {items.map((i, n) => (
              <tr key={key(i)} className={n === cursor ? 'current' : undefined} onClick={() => { setCursor(n); toggle(i); }} data-status={i.open === 0 ? 'paid' : i.open === i.amount ? 'open' : 'partly_paid'}>
                <td><input type="checkbox" readOnly checked={selected.has(key(i))} tabIndex={-1} /></td>
                <td>{i.document}</td><td>{i.date}</td><td>{i.dueDate ?? ''}</td><td className="num">{money(i.amount)}</td><td className="num">{money(i.open)}</td>
                <td>{t(i.open === 0 ? 'matching.status.paid' : i.open === i.amount ? 'matching.status.open' : 'matching.status.partly_paid')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {relation && (
        <>
          <h2>{t('matching.matches')}</h2>
          <table className="grid" data-testid="matching-matches">
            <tbody>
              {matches.map((m, n) => (
                <tr key={m.id} className={n === matchCursor ? 'current' : undefined} onClick={() => setMatchCursor(n)}>
                  <td>{m.id}</td><td>{m.createdAt.slice(0, 10)}</td><td>{m.kind}</td><td>{m.method}</td>
                  <td>{m.lines.map((l) => `${l.document} ${money(l.applied)}`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" disabled={!matches[matchCursor]} onClick={cancel}>{t('matching.cancel')}</button>
        </>
      )}
    </div>
  );
}
