/**
 * Accounting → Matching → Customers / Suppliers: choose the relation (search field, F2 through the
 * list, Enter picks; Ctrl+F goes back to it), then match its open items in the work area below
 * (see MatchingPanel for the keys). The address holds the state: ?kind=customers|suppliers,
 * &relation=ID, &line=BOOKING:LINE (the line to start on) and &match=ID (the match to show in the
 * overview), so a link can open a relation's items. Ctrl+H opens the relation's ledger.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useShellPath } from '../../app/shell-context.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { ErrorBanner } from '../../components/Messages.tsx';
import { useT } from '../../i18n/index.tsx';
import { useShortcuts } from '../../shortcuts.tsx';
import { RelationSearch } from '../accounting/BookingPage.tsx';
import type { RelationItem } from '../accounting/accounting-api.ts';
import { useDossierId } from '../ledger/ledger-api.ts';
import { matchingApi, type RelationKind } from './matching-api.ts';
import { MatchingPanel } from './MatchingPanel.tsx';

export default function MatchingPage() {
  const t = useT();
  const dossierId = useDossierId();
  const shellPath = useShellPath();
  const [params, setParams] = useSearchParams();
  const kind: RelationKind = params.get('kind') === 'suppliers' ? 'suppliers' : 'customers';
  const relationId = Number(params.get('relation')) || null;
  const lineParam = params.get('line');
  const focusMatch = Number(params.get('match')) || null;
  const navigate = useNavigate();
  const focus = useMemo(() => {
    const m = /^(\d+)(?::(\d+))?$/.exec(lineParam ?? '');
    return m ? { bookingId: Number(m[1]), lineNo: m[2] ? Number(m[2]) : undefined } : null;
  }, [lineParam]);
  const [relation, setRelation] = useState<RelationItem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const searchBox = useRef<HTMLDivElement>(null);

  // A relation in the address (a link, or back/forward in the browser) is loaded by its id.
  useEffect(() => {
    if (relationId === null) {
      setRelation(null);
      return;
    }
    if (relation?.id === relationId) return;
    let stop = false;
    matchingApi.relation(dossierId, relationId).then(
      (r) => !stop && setRelation({ id: r.id, number: r.number, name: r.name, kind: r.kind as RelationItem['kind'], paymentDays: 0, paymentEndOfMonth: false, defaultAccount: null, defaultVatCode: null }),
      setError,
    );
    return () => {
      stop = true;
    };
  }, [dossierId, relationId]); // eslint-disable-line react-hooks/exhaustive-deps

  const choose = (r: RelationItem | null) => {
    setRelation(r);
    setParams(r ? { kind, relation: String(r.id) } : { kind });
  };
  const setKind = (k: string) => {
    setRelation(null);
    setParams({ kind: k });
  };
  const ledgerPath = relation ? shellPath(`reports/relation-ledger?relation=${relation.id}`) : null;
  useShortcuts(
    [
      { keys: ['Ctrl+F'], description: 'matching.key.search', run: () => searchBox.current?.querySelector('input')?.focus() },
      { keys: ['Ctrl+H'], description: 'relationLedger.key.open', run: () => ledgerPath && navigate(ledgerPath), enabled: !!ledgerPath, inInputs: true },
    ],
    { group: 'menu.matching' },
  );

  return (
    <div className="page wide" data-testid="matching-page">
      <h1>{t('menu.matching')}</h1>
      <Tabs
        label={t('matching.kind')}
        active={kind}
        onChange={setKind}
        tabs={[
          { id: 'customers', label: t('matching.customers') },
          { id: 'suppliers', label: t('matching.suppliers') },
        ]}
      >
        <div ref={searchBox} className="form-grid no-print">
          <RelationSearch
            id="matching-relation"
            label={t('matching.search')}
            dossierId={dossierId}
            kind={kind === 'customers' ? 'customer' : 'supplier'}
            value={relation}
            onChange={(r) => r && choose(r)}
            onOpen={(r) => window.open(shellPath(r ? `management/relations/${r.id}` : 'management/relations/new'), '_blank')}
          />
          {ledgerPath && (
            <Link to={ledgerPath} data-testid="matching-ledger-link">
              {t('relationLedger.open')}
            </Link>
          )}
        </div>
        <ErrorBanner error={error ?? undefined} />
        <MatchingPanel dossierId={dossierId} kind={kind} relation={relation} focus={focus} focusMatch={focusMatch} active group="menu.matching" />
      </Tabs>
    </div>
  );
}
