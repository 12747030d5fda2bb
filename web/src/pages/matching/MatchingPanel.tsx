/**
 * The matching ("afpunten") work area of one relation, used by Accounting → Matching and by the
 * booking screens (F4 on a line opens it for that line's relation, F3 goes back).
 *
 * Keys: ↑/↓ move, Space selects, Enter matches the selection (full, or partly: the rest stays
 * open), F10 equal amounts, F11 automatic (shows how many it matched and the proposals — payments
 * that fit more than one item — to pick from), F8 relations that net to zero, Ctrl+D shows matched
 * lines again, Ctrl+← / Ctrl+→ previous/next match in the overview, F9 cancels it (after a question).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useConfirm } from '../../components/Confirm.tsx';
import { ErrorBanner, SuccessBanner } from '../../components/Messages.tsx';
import { LOCALES, useFormat, useLanguage, useT, type MessageKey } from '../../i18n/index.tsx';
import { useShortcuts, type Shortcut } from '../../shortcuts.tsx';
import { money } from '../accounting/accounting-api.ts';
import { matchingApi, statusOf, type AutoMatchResult, type LineRef, type MatchView, type OpenItem, type RelationKind } from './matching-api.ts';

export interface MatchingRelation {
  id: number;
  number?: string;
  name: string;
}

const keyOf = (i: LineRef) => `${i.bookingId}:${i.lineNo}`;
/** Focus is not on a control that uses the key itself (a button, a link, the relation field). */
const onList = (e: KeyboardEvent) => !(e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement || e.target instanceof HTMLSelectElement);

export function MatchingPanel({
  dossierId,
  kind,
  relation,
  focus,
  focusMatch,
  active,
  onBack,
  group,
}: {
  dossierId: number;
  /** customers (receivable accounts), suppliers (payable accounts), or null: both */
  kind: RelationKind | null;
  relation: MatchingRelation | null;
  /** the line (or booking) to start on, e.g. the booking line F4 was pressed on */
  focus?: { bookingId: number; lineNo?: number } | null;
  /** the match to show in the overview (e.g. Enter on a matched line of the relation's ledger); shows matched lines */
  focusMatch?: number | null;
  active: boolean;
  /** F3: back to where the user came from */
  onBack?: () => void;
  group: MessageKey;
}) {
  const t = useT();
  const fmt = useFormat();
  const [language] = useLanguage();
  const locale = LOCALES[language];
  const amount = (c: number) => money(c, locale);
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const [accounts, setAccounts] = useState<string[] | null>(null);
  const [items, setItems] = useState<OpenItem[]>([]);
  const [matches, setMatches] = useState<MatchView[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [cursor, setCursor] = useState(0);
  const [matchCursor, setMatchCursor] = useState(0);
  const [showMatched, setShowMatched] = useState(false);
  const [auto, setAuto] = useState<AutoMatchResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const focused = useRef<string | null>(null);

  useEffect(() => {
    let stop = false;
    setAccounts(null);
    Promise.all((kind ? [kind] : (['customers', 'suppliers'] as const)).map((k) => matchingApi.accounts(dossierId, k))).then((a) => !stop && setAccounts(a.flat()), setError);
    return () => {
      stop = true;
    };
  }, [dossierId, kind]);
  const ofKind = useCallback((account: string) => !!accounts?.includes(account), [accounts]);

  const reload = useCallback(async () => {
    if (!accounts) return;
    if (!relation) {
      setItems([]);
      setMatches([]);
      return;
    }
    const scope = { relationId: relation.id };
    const [o, m] = await Promise.all([matchingApi.openItems(dossierId, { ...scope, includeMatched: showMatched }), matchingApi.matches(dossierId, scope)]);
    const own = o.filter((i) => ofKind(i.account));
    setItems(own);
    setMatches(m.filter((x) => ofKind(x.account)));
    setSelected((s) => new Set([...s].filter((k) => own.some((i) => keyOf(i) === k && i.open !== 0))));
    setCursor((c) => Math.min(c, Math.max(own.length - 1, 0)));
    setMatchCursor((c) => Math.min(c, Math.max(m.length - 1, 0)));
  }, [accounts, dossierId, relation, showMatched, ofKind]);

  useEffect(() => {
    reload().catch(setError);
  }, [reload]);

  // Start on the line the user came from (F4 in a booking): the cursor on it, and it selected.
  useEffect(() => {
    if (!focus || !items.length) return;
    const id = `${focus.bookingId}:${focus.lineNo ?? ''}`;
    if (focused.current === id) return;
    const n = items.findIndex((i) => i.bookingId === focus.bookingId && (focus.lineNo === undefined || i.lineNo === focus.lineNo));
    if (n < 0) return;
    focused.current = id;
    setCursor(n);
    if (items[n].open !== 0) setSelected(new Set([keyOf(items[n])]));
  }, [focus, items]);

  // Start on a match (from the relation's ledger): matched lines shown, the overview on it.
  const focusedMatch = useRef<number | null>(null);
  useEffect(() => {
    if (!focusMatch || focusedMatch.current === focusMatch) return;
    const n = matches.findIndex((m) => m.id === focusMatch);
    if (n < 0) return;
    focusedMatch.current = focusMatch;
    setShowMatched(true);
    setMatchCursor(n);
  }, [focusMatch, matches]);

  useEffect(() => {
    setSelected(new Set());
    setAuto(null);
    setMessage('');
    setError(null);
    setCursor(0);
    setMatchCursor(0);
    if (relation) setTimeout(() => listRef.current?.focus(), 0);
  }, [relation?.id, kind]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    listRef.current?.querySelector(`[data-row="${cursor}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  async function run(action: () => Promise<string>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      setMessage(await action());
      await reload();
      await queryClient.invalidateQueries({ queryKey: ['matching', dossierId] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const chosen = items.filter((i) => selected.has(keyOf(i)));
  const chosenTotal = chosen.reduce((s, i) => s + i.open, 0);
  const current = matches[matchCursor];
  const inCurrent = useMemo(() => new Set((current?.lines ?? []).map(keyOf)), [current]);

  const toggle = (i: OpenItem | undefined) => {
    if (!i || i.open === 0) return;
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(keyOf(i))) next.delete(keyOf(i));
      else next.add(keyOf(i));
      return next;
    });
  };
  const matchSelected = () =>
    run(async () => {
      const m = await matchingApi.match(dossierId, chosen);
      setSelected(new Set());
      setMatchCursor(0);
      return t(m.full ? 'matching.done' : 'matching.donePartial');
    });
  const equal = () =>
    run(async () => {
      let count = 0;
      // only the accounts where the relation has open items (one request each)
      for (const account of new Set(items.filter((i) => i.open !== 0).map((i) => i.account))) count += (await matchingApi.equalAmounts(dossierId, { relationId: relation?.id, account })).matched;
      setMatchCursor(0);
      return t('matching.result.equal', { count });
    });
  const netZero = () =>
    run(async () => {
      let count = 0;
      for (const account of accounts ?? []) count += (await matchingApi.netZero(dossierId, { account })).matched;
      setMatchCursor(0);
      return t('matching.result.netZero', { count });
    });
  const automatic = () =>
    run(async () => {
      const r = await matchingApi.auto(dossierId, relation?.id, kind);
      const proposals = r.proposals.filter((p) => ofKind(p.account));
      setAuto({ ...r, proposals });
      setMatchCursor(0);
      return t('matching.result.auto', { count: r.matched, proposals: proposals.length });
    });
  const pick = (payment: LineRef, candidate: LineRef) =>
    run(async () => {
      const m = await matchingApi.match(dossierId, [candidate, payment]);
      setAuto((a) => (a ? { ...a, proposals: a.proposals.filter((p) => keyOf(p) !== keyOf(payment)) } : a));
      setMatchCursor(0);
      return t(m.full ? 'matching.done' : 'matching.donePartial');
    });
  const cancel = async () => {
    const m = matches[matchCursor];
    if (!m || busy) return;
    const ok = await confirm({ title: t('matching.confirmTitle'), message: t('matching.confirmCancel', { id: m.id }), confirmLabel: t('matching.confirmYes'), cancelLabel: t('matching.keep'), danger: true });
    if (!ok) return;
    await run(async () => {
      await matchingApi.cancel(dossierId, m.id);
      return t('matching.cancelled', { id: m.id });
    });
    listRef.current?.focus();
  };
  const moveMatch = (d: -1 | 1) => setMatchCursor((c) => Math.max(0, Math.min(matches.length - 1, c + d)));

  const on = active && !!accounts;
  const withRelation = on && !!relation;
  const shortcuts: Shortcut[] = [
    { keys: ['ArrowDown'], description: 'matching.key.down', run: () => setCursor((c) => Math.min(items.length - 1, c + 1)), enabled: withRelation, when: onList },
    { keys: ['ArrowUp'], description: 'matching.key.up', run: () => setCursor((c) => Math.max(0, c - 1)), enabled: withRelation, when: onList },
    { keys: ['Space'], description: 'matching.key.select', run: () => toggle(items[cursor]), enabled: withRelation, when: onList },
    { keys: ['Enter'], description: 'matching.key.match', run: () => void matchSelected(), enabled: withRelation && chosen.length > 0, when: onList },
    { keys: ['F10'], description: 'matching.key.equal', run: () => void equal(), enabled: withRelation },
    { keys: ['F11'], description: 'matching.key.auto', run: () => void automatic(), enabled: on },
    { keys: ['F8'], description: 'matching.key.netZero', run: () => void netZero(), enabled: on },
    { keys: ['Ctrl+D'], description: 'matching.key.showMatched', run: () => setShowMatched((v) => !v), enabled: withRelation },
    { keys: ['Ctrl+ArrowLeft'], description: 'matching.key.previous', run: () => moveMatch(-1), enabled: withRelation },
    { keys: ['Ctrl+ArrowRight'], description: 'matching.key.next', run: () => moveMatch(1), enabled: withRelation },
    { keys: ['F9'], description: 'matching.key.cancel', run: () => void cancel(), enabled: withRelation && !!current },
    { keys: ['F3'], description: 'matching.key.back', run: () => onBack?.(), enabled: active && !!onBack, inInputs: true },
  ];
  useShortcuts(shortcuts, { group });

  const statusText = (i: OpenItem) => {
    const s = statusOf(i);
    return t(i.bookingKind === 'financial_statement' ? (`matching.payment.${s}` as const) : (`matching.status.${s}` as const));
  };

  return (
    <section className="matching-panel" data-testid="matching-panel" aria-busy={busy}>
      <div className="toolbar no-print">
        {onBack && (
          <button type="button" className="button" onClick={onBack} data-testid="matching-back">
            {t('matching.back')}
          </button>
        )}
        <button type="button" className="button primary" disabled={!relation || chosen.length === 0 || busy} onClick={() => void matchSelected()} data-testid="matching-match">
          {t('matching.match')}
        </button>
        <button type="button" className="button" disabled={!relation || busy} onClick={() => void equal()}>
          {t('matching.equal')}
        </button>
        <button type="button" className="button" disabled={!accounts || busy} onClick={() => void automatic()}>
          {t('matching.auto')}
        </button>
        <button type="button" className="button" disabled={!accounts || busy} onClick={() => void netZero()}>
          {t('matching.netZero')}
        </button>
        <label>
          <input type="checkbox" checked={showMatched} onChange={(e) => setShowMatched(e.target.checked)} disabled={!relation} data-testid="matching-show-matched" /> {t('matching.showMatched')}
        </label>
      </div>
      <ErrorBanner error={error ?? undefined} />
      <SuccessBanner>{message}</SuccessBanner>

      {auto && auto.proposals.length > 0 && (
        <section className="section" data-testid="matching-proposals">
          <h2 className="section-title">{t('matching.proposals')}</h2>
          {auto.proposals.map((p) => (
            <div key={keyOf(p)} className="proposal" data-testid="matching-proposal">
              <p>
                {t('matching.proposal.intro', { document: p.document, date: fmt.date(p.date), amount: amount(p.open), by: t(`matching.proposal.by.${p.by}`) })}
                {p.communication ? ` (${p.communication})` : ''}
              </p>
              <div className="button-row">
                {p.candidates.map((c) => (
                  <button key={keyOf(c)} type="button" className="button" onClick={() => void pick(p, c)} disabled={busy}>
                    {t('matching.proposal.pick', { document: c.document })} · {fmt.date(c.date)} · {amount(c.open)}
                    {c.reference ? ` · ${c.reference}` : ''}
                  </button>
                ))}
              </div>
            </div>
          ))}
          <button type="button" className="button" onClick={() => setAuto(null)}>
            {t('matching.proposal.close')}
          </button>
        </section>
      )}

      {!relation && <p className="muted">{t('matching.chooseRelation')}</p>}
      {relation && (
        <>
          <h2 className="section-title">
            {t('matching.items')}: {relation.number ? `${relation.number} ` : ''}
            {relation.name}
          </h2>
          <div className="table-wrap" ref={listRef} tabIndex={0} data-testid="matching-list" aria-label={t('matching.items')}>
            <table className="grid selectable" data-testid="matching-items" aria-multiselectable="true">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="sr-only">{t('matching.select')}</span>
                  </th>
                  <th scope="col">{t('matching.account')}</th>
                  <th scope="col">{t('matching.document')}</th>
                  <th scope="col">{t('matching.date')}</th>
                  <th scope="col">{t('matching.dueDate')}</th>
                  <th scope="col">{t('matching.communication')}</th>
                  <th scope="col" className="num">
                    {t('matching.amount')}
                  </th>
                  <th scope="col" className="num">
                    {t('matching.open')}
                  </th>
                  <th scope="col">{t('matching.status')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i, n) => (
                  <tr
                    key={keyOf(i)}
                    data-row={n}
                    data-line={keyOf(i)}
                    data-status={statusOf(i)}
                    aria-selected={selected.has(keyOf(i))}
                    className={[n === cursor ? 'current' : '', selected.has(keyOf(i)) || (showMatched && inCurrent.has(keyOf(i))) ? 'selected' : ''].join(' ').trim() || undefined}
                    onClick={() => {
                      setCursor(n);
                      toggle(i);
                    }}
                  >
                    <td>
                      <input type="checkbox" readOnly checked={selected.has(keyOf(i))} disabled={i.open === 0} tabIndex={-1} aria-label={`${t('matching.select')} ${i.document}`} />
                    </td>
                    <td>{i.account}</td>
                    <td>{i.document}</td>
                    <td>{fmt.date(i.date)}</td>
                    <td>{fmt.date(i.dueDate)}</td>
                    <td>{i.structuredCommunication ? `+++${i.structuredCommunication.slice(0, 3)}/${i.structuredCommunication.slice(3, 7)}/${i.structuredCommunication.slice(7)}+++` : (i.communication ?? i.reference ?? '')}</td>
                    <td className="num">{amount(i.amount)}</td>
                    <td className="num">{amount(i.open)}</td>
                    <td>{statusText(i)}</td>
                  </tr>
                ))}
                {items.length === 0 && (
                  <tr>
                    <td colSpan={9} className="empty">
                      {t('matching.noItems')}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <p className="muted" data-testid="matching-selection">
            {t('matching.selection', { count: chosen.length, amount: amount(chosenTotal) })}
          </p>

          <h2 className="section-title">{t('matching.matches')}</h2>
          <div className="toolbar no-print">
            <button type="button" className="button" disabled={matchCursor <= 0} onClick={() => moveMatch(-1)}>
              {t('matching.previous')}
            </button>
            <span data-testid="matching-match-position">{current ? t('matching.matchOf', { n: matchCursor + 1, count: matches.length }) : t('matching.noMatches')}</span>
            <button type="button" className="button" disabled={matchCursor >= matches.length - 1} onClick={() => moveMatch(1)}>
              {t('matching.next')}
            </button>
            <button type="button" className="button" disabled={!current || busy} onClick={() => void cancel()} data-testid="matching-cancel">
              {t('matching.cancel')}
            </button>
          </div>
          <table className="grid" data-testid="matching-matches">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('matching.date')}</th>
                <th scope="col">{t('matching.how')}</th>
                <th scope="col">{t('matching.document')}</th>
              </tr>
            </thead>
            <tbody>
              {matches.map((m, n) => (
                <tr key={m.id} className={n === matchCursor ? 'current' : undefined} aria-current={n === matchCursor ? 'true' : undefined} onClick={() => setMatchCursor(n)} data-match={m.id}>
                  <td>{m.id}</td>
                  <td>{fmt.date(m.createdAt.slice(0, 10))}</td>
                  <td>
                    {t(`matching.kind.${m.kind}`)} · {t(`matching.method.${m.method}`)} · {t(m.full ? 'matching.full' : 'matching.partial')}
                  </td>
                  <td>{m.lines.map((l) => `${l.document} ${amount(l.applied)}`).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
