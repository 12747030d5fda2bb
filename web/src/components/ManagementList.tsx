/**
 * The management screens' building blocks (Dossiers, Users, later Relations, Accounts…):
 *
 * - <ManagementList>: a dense table over a paged list endpoint ({items,total,page,pageSize} with
 *   search/sort/direction/page/pageSize), with search (Ctrl+F), sorting by clicking a column
 *   header, paging (PgUp/PgDn), a row cursor (↑/↓, Enter opens), selection (Space, Ctrl+A),
 *   Delete, New (Ctrl+N), Print (Ctrl+P), first/last record (Ctrl+Home/End), refresh (F5).
 * - useRecordNavigator: in a detail page, first/previous/next/last record (Ctrl+Home, Ctrl+←,
 *   Ctrl+→, Ctrl+End) in the order of the list the user came from.
 * - <RecordToolbar>: New, Edit (Ctrl+E), Save (Ctrl+S), Cancel (Esc), Delete, Print and the record
 *   navigation, with their shortcuts.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { ListQuery, Page } from '../api.ts';
import { useT, type MessageKey } from '../i18n/index.tsx';
import { useShortcuts, type Shortcut } from '../shortcuts.tsx';
import { ErrorBanner } from './Messages.tsx';

export interface Column<T> {
  id: string;
  label: string;
  /** The server's sort name; sortable when given. */
  sortKey?: string;
  render: (row: T) => ReactNode;
  className?: string;
}

export interface ListState {
  search: string;
  sort: string;
  direction: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const PAGE_SIZES = [25, 50, 100, 200];

function readStored<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}
function writeStored(key: string, value: unknown) {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage unavailable */
  }
}

/** Search, sort and page of a list, kept for this browser tab (coming back from a detail keeps them). */
export function useListState(listId: string, defaults: { sort: string; direction: 'asc' | 'desc'; pageSize?: number }) {
  const key = `argonaut.list.${listId}`;
  const [state, setState] = useState<ListState>(() => ({
    search: '',
    sort: defaults.sort,
    direction: defaults.direction,
    page: 1,
    pageSize: defaults.pageSize ?? 50,
    ...readStored<Partial<ListState>>(key),
  }));
  const update = useCallback(
    (patch: Partial<ListState>) =>
      setState((s) => {
        const next = { ...s, ...patch };
        writeStored(key, next);
        return next;
      }),
    [key],
  );
  return [state, update] as const;
}

interface NavState {
  query: ListQuery;
  position: number;
  id: number;
}

function navKey(listId: string) {
  return `argonaut.nav.${listId}`;
}

export interface ManagementListProps<T extends { id: number }> {
  listId: string;
  /** Query-cache key prefix: invalidate [queryKey] after a change. */
  queryKey: string;
  fetchPage: (query: ListQuery) => Promise<Page<T>>;
  columns: Column<T>[];
  defaults: { sort: string; direction: 'asc' | 'desc'; pageSize?: number };
  /** A row's name, for labels and confirmations. */
  rowName: (row: T) => string;
  onOpen: (row: T) => void;
  onNew?: () => void;
  newLabel?: string;
  /** Why New is not allowed (shown greyed with this tooltip). */
  newDisabledReason?: string;
  /** Deletes the rows (after the list asked for confirmation); throws an ApiError to show. */
  onDelete?: (rows: T[]) => Promise<void>;
  /** Why these rows cannot be deleted. */
  deleteDisabledReason?: (rows: T[]) => string | undefined;
  confirmDelete?: (rows: T[]) => Promise<boolean>;
  selectable?: boolean;
  searchLabel?: string;
  emptyText?: string;
  /** Short name of the list's content for the count ("{count} dossiers"). */
  countKey: MessageKey;
  shortcutGroup: MessageKey;
  /** Focus the search box when the list opens. */
  autoFocusSearch?: boolean;
  /** The table's name (for screen readers). */
  printTitle: string;
  toolbarExtra?: ReactNode;
}

export function ManagementList<T extends { id: number }>(props: ManagementListProps<T>) {
  const t = useT();
  const { listId, columns, rowName } = props;
  const [state, update] = useListState(listId, props.defaults);
  const [searchText, setSearchText] = useState(state.search);
  const [cursor, setCursor] = useState(0);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [actionError, setActionError] = useState<unknown>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const pendingCursor = useRef<'first' | 'last' | null>(null);
  const baseId = useId().replace(/:/g, '');

  const query: ListQuery = { search: state.search || undefined, sort: state.sort, direction: state.direction, page: state.page, pageSize: state.pageSize };
  const result = useQuery({
    queryKey: [props.queryKey, 'list', query],
    queryFn: () => props.fetchPage(query),
    placeholderData: keepPreviousData,
  });
  const rows = result.data?.items ?? [];
  const total = result.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / state.pageSize));

  // Typing in the search box filters after a short pause.
  useEffect(() => {
    if (searchText === state.search) return;
    const timer = window.setTimeout(() => {
      update({ search: searchText, page: 1 });
      setCursor(0);
      setSelected(new Set());
    }, 250);
    return () => window.clearTimeout(timer);
  }, [searchText, state.search, update]);

  // Keep the cursor on a row; after paging to the first/last record put it there.
  useEffect(() => {
    if (!result.data || result.isPlaceholderData) return;
    if (pendingCursor.current) {
      setCursor(pendingCursor.current === 'first' ? 0 : Math.max(0, rows.length - 1));
      pendingCursor.current = null;
    } else if (cursor >= rows.length) setCursor(Math.max(0, rows.length - 1));
  }, [result.data, result.isPlaceholderData, rows.length, cursor]);

  const focusRow = (index: number) => {
    window.requestAnimationFrame(() => tableRef.current?.querySelector<HTMLElement>(`tbody tr[data-index="${index}"]`)?.focus());
  };
  const moveCursor = (index: number) => {
    if (!rows.length) return;
    const i = Math.min(Math.max(index, 0), rows.length - 1);
    setCursor(i);
    focusRow(i);
  };
  const goPage = (page: number, at: 'first' | 'last' = 'first') => {
    const p = Math.min(Math.max(page, 1), pages);
    if (p === state.page) {
      moveCursor(at === 'first' ? 0 : rows.length - 1);
      return;
    }
    pendingCursor.current = at;
    update({ page: p });
    setSelected(new Set());
  };
  const sortBy = (sortKey: string) => {
    const direction = state.sort === sortKey && state.direction === 'asc' ? 'desc' : 'asc';
    update({ sort: sortKey, direction, page: 1 });
    setSelected(new Set());
  };

  const open = (index: number) => {
    const row = rows[index];
    if (!row) return;
    const nav: NavState = {
      query: { search: state.search || undefined, sort: state.sort, direction: state.direction },
      position: (state.page - 1) * state.pageSize + index,
      id: row.id,
    };
    writeStored(navKey(listId), nav);
    props.onOpen(row);
  };

  const targets = (): T[] => {
    const chosen = rows.filter((r) => selected.has(r.id));
    if (chosen.length) return chosen;
    return rows[cursor] ? [rows[cursor]] : [];
  };
  const deleteReason = props.onDelete && props.deleteDisabledReason ? props.deleteDisabledReason(targets()) : undefined;
  const remove = async () => {
    if (!props.onDelete) return;
    const chosen = targets();
    if (!chosen.length || deleteReason) return;
    if (props.confirmDelete && !(await props.confirmDelete(chosen))) return;
    setActionError(null);
    try {
      await props.onDelete(chosen);
      setSelected(new Set());
    } catch (e) {
      setActionError(e);
    }
    result.refetch();
  };
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const selectAll = () => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)));

  const inTable = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    return target === document.body || target.id === 'main' || Boolean(tableRef.current?.contains(target));
  };
  const shortcuts: Shortcut[] = [
    { keys: ['Ctrl+F'], description: 'shortcuts.search', run: () => searchRef.current?.focus() },
    { keys: ['Ctrl+N', 'Alt+N'], description: 'shortcuts.new', run: () => props.onNew?.(), enabled: Boolean(props.onNew && !props.newDisabledReason) },
    { keys: ['ArrowDown'], description: 'shortcuts.nextRow', run: () => moveCursor(cursor + 1), when: inTable },
    { keys: ['ArrowUp'], description: 'shortcuts.previousRow', run: () => moveCursor(cursor - 1), when: inTable },
    { keys: ['Enter'], description: 'shortcuts.openRow', run: () => open(cursor), when: (e) => inTable(e) && rows.length > 0 },
    { keys: ['Space'], description: 'shortcuts.toggleRow', run: () => rows[cursor] && toggle(rows[cursor].id), when: inTable, enabled: props.selectable !== false },
    { keys: ['Ctrl+A'], description: 'shortcuts.selectAll', run: selectAll, enabled: props.selectable !== false },
    { keys: ['Delete'], description: 'shortcuts.delete', run: () => void remove(), enabled: Boolean(props.onDelete) },
    { keys: ['PageDown'], description: 'shortcuts.nextPage', run: () => goPage(state.page + 1) },
    { keys: ['PageUp'], description: 'shortcuts.previousPage', run: () => goPage(state.page - 1) },
    { keys: ['Ctrl+Home'], description: 'shortcuts.firstRecord', run: () => goPage(1, 'first') },
    { keys: ['Ctrl+End'], description: 'shortcuts.lastRecord', run: () => goPage(pages, 'last') },
    { keys: ['F5'], description: 'shortcuts.refresh', run: () => result.refetch() },
    { keys: ['Ctrl+P'], description: 'shortcuts.print', run: () => window.print() },
  ];
  useShortcuts(shortcuts, { group: props.shortcutGroup });

  const location = useLocation();
  useEffect(() => {
    // Ctrl+F in a detail page comes back here with the search box focused.
    if (props.autoFocusSearch || (location.state as { focusSearch?: boolean } | null)?.focusSearch) searchRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const firstShown = total === 0 ? 0 : (state.page - 1) * state.pageSize + 1;
  const lastShown = Math.min(state.page * state.pageSize, total);

  return (
    <div className="management-list" data-testid={`list-${listId}`}>
      <div className="toolbar no-print" role="toolbar" aria-label={t('list.toolbar')}>
        {props.onNew && (
          <button
            type="button"
            onClick={props.onNew}
            aria-disabled={props.newDisabledReason ? true : undefined}
            disabled={Boolean(props.newDisabledReason)}
            title={props.newDisabledReason ?? 'Ctrl+N'}
            aria-keyshortcuts="Control+N"
          >
            {props.newLabel ?? t('common.new')}
          </button>
        )}
        <button type="button" onClick={() => open(cursor)} disabled={!rows.length} title="Enter">
          {t('common.open')}
        </button>
        {props.onDelete && (
          <button type="button" className="danger" onClick={() => void remove()} disabled={!rows.length || Boolean(deleteReason)} title={deleteReason ?? 'Delete'}>
            {selected.size > 1 ? t('list.deleteSelected', { count: selected.size }) : t('common.delete')}
          </button>
        )}
        <button type="button" onClick={() => window.print()} title="Ctrl+P">
          {t('common.print')}
        </button>
        {props.toolbarExtra}
        <div className="toolbar-spacer" />
        <div className="search-box">
          <label htmlFor={`${baseId}-search`}>{props.searchLabel ?? t('common.search')}</label>
          <input
            id={`${baseId}-search`}
            ref={searchRef}
            type="search"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || (e.key === 'Enter' && rows.length)) {
                e.preventDefault();
                if (searchText !== state.search) {
                  update({ search: searchText, page: 1 });
                  setCursor(0);
                }
                if (e.key === 'Enter' && rows.length === 1 && searchText === state.search) open(0);
                else moveCursor(0);
              } else if (e.key === 'Escape' && searchText) {
                e.preventDefault();
                e.stopPropagation();
                setSearchText('');
              }
            }}
            aria-keyshortcuts="Control+F"
            data-testid="list-search"
          />
        </div>
      </div>
      <ErrorBanner error={(result.error ?? actionError) || undefined} />
      <div className="table-wrap">
        <table className="grid selectable" ref={tableRef} aria-label={props.printTitle} aria-rowcount={total} aria-busy={result.isFetching}>
          <thead>
            <tr>
              {props.selectable !== false && (
                <th scope="col" className="select-col no-print">
                  <input type="checkbox" checked={allSelected} onChange={selectAll} aria-label={t('list.selectAll')} />
                </th>
              )}
              {columns.map((col) => {
                const sorted = col.sortKey && state.sort === col.sortKey;
                return (
                  <th
                    key={col.id}
                    scope="col"
                    className={col.className}
                    aria-sort={sorted ? (state.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    {col.sortKey ? (
                      <button type="button" className="sort-button" onClick={() => sortBy(col.sortKey!)} title={t('list.sortBy', { column: col.label })}>
                        {col.label}
                        <span className="sort-mark" aria-hidden="true">
                          {sorted ? (state.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                        </span>
                      </button>
                    ) : (
                      col.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {result.isSuccess && rows.length === 0 && (
              <tr>
                <td colSpan={columns.length + 1} className="empty">
                  {state.search ? t('list.noMatch', { search: state.search }) : (props.emptyText ?? t('list.empty'))}
                </td>
              </tr>
            )}
            {rows.map((row, index) => {
              const isSelected = selected.has(row.id);
              return (
                <tr
                  key={row.id}
                  data-index={index}
                  tabIndex={index === cursor ? 0 : -1}
                  aria-selected={props.selectable !== false ? isSelected : undefined}
                  className={[index === cursor ? 'current' : '', isSelected ? 'selected' : ''].join(' ').trim() || undefined}
                  onClick={() => setCursor(index)}
                  onFocus={() => setCursor(index)}
                  onDoubleClick={() => open(index)}
                  data-testid="list-row"
                  aria-label={rowName(row)}
                >
                  {props.selectable !== false && (
                    <td className="select-col no-print">
                      <input
                        type="checkbox"
                        checked={isSelected}
                        onChange={() => toggle(row.id)}
                        tabIndex={-1}
                        aria-label={t('list.select', { name: rowName(row) })}
                        onClick={(e) => e.stopPropagation()}
                      />
                    </td>
                  )}
                  {columns.map((col, ci) => (
                    <td key={col.id} className={col.className}>
                      {ci === 0 ? (
                        <a
                          href="#"
                          tabIndex={-1}
                          className="row-link"
                          onClick={(e) => {
                            e.preventDefault();
                            open(index);
                          }}
                        >
                          {col.render(row)}
                        </a>
                      ) : (
                        col.render(row)
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="pager no-print">
        <span className="count" role="status" data-testid="list-count">
          {t(props.countKey, { count: total })}
          {total > 0 && ` · ${t('list.showing', { first: firstShown, last: lastShown })}`}
          {selected.size > 0 && ` · ${t('list.selectedCount', { count: selected.size })}`}
        </span>
        <div className="toolbar-spacer" />
        <button type="button" onClick={() => goPage(1)} disabled={state.page <= 1} aria-label={t('list.firstPage')} title={t('list.firstPage')}>
          «
        </button>
        <button type="button" onClick={() => goPage(state.page - 1)} disabled={state.page <= 1} aria-label={t('list.previousPage')} title={`${t('list.previousPage')} (PgUp)`}>
          ‹
        </button>
        <span className="page-of">{t('list.pageOf', { page: state.page, pages })}</span>
        <button type="button" onClick={() => goPage(state.page + 1)} disabled={state.page >= pages} aria-label={t('list.nextPage')} title={`${t('list.nextPage')} (PgDn)`}>
          ›
        </button>
        <button type="button" onClick={() => goPage(pages)} disabled={state.page >= pages} aria-label={t('list.lastPage')} title={t('list.lastPage')}>
          »
        </button>
        <label htmlFor={`${baseId}-size`} className="page-size-label">
          {t('list.pageSize')}
        </label>
        <select id={`${baseId}-size`} value={state.pageSize} onChange={(e) => update({ pageSize: Number(e.target.value), page: 1 })}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/**
 * First/previous/next/last record in the order of the list the user came from (its search and
 * sort). Moving fetches the one record at that position.
 */
export function useRecordNavigator<T extends { id: number }>(
  listId: string,
  fetchPage: (query: ListQuery) => Promise<Page<T>>,
  currentId: number | null,
  defaults: { sort: string; direction: 'asc' | 'desc' },
  go: (id: number) => void,
) {
  const [position, setPosition] = useState<number | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const nav = useMemo(() => {
    const stored = readStored<NavState>(navKey(listId));
    return stored ?? { query: { sort: defaults.sort, direction: defaults.direction }, position: -1, id: -1 };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [listId, currentId]);

  // Where is the current record in that order?
  useEffect(() => {
    let cancelled = false;
    if (currentId === null) return;
    (async () => {
      if (nav.id === currentId) {
        setPosition(nav.position);
        const page = await fetchPage({ ...nav.query, page: 1, pageSize: 1 });
        if (!cancelled) setTotal(page.total);
        return;
      }
      // Came here directly: look the record up, 500 at a time.
      for (let p = 1; p <= 50; p++) {
        const page = await fetchPage({ ...nav.query, page: p, pageSize: 500 });
        if (cancelled) return;
        setTotal(page.total);
        const i = page.items.findIndex((item) => item.id === currentId);
        if (i >= 0) {
          setPosition((p - 1) * 500 + i);
          writeStored(navKey(listId), { ...nav, position: (p - 1) * 500 + i, id: currentId });
          return;
        }
        if (p * 500 >= page.total) break;
      }
      setPosition(null);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentId, nav]);

  const goTo = async (target: number) => {
    if (total === null || target < 0 || target >= total || target === position || busy) return;
    setBusy(true);
    try {
      const page = await fetchPage({ ...nav.query, page: target + 1, pageSize: 1 });
      const item = page.items[0];
      if (item) {
        writeStored(navKey(listId), { ...nav, position: target, id: item.id });
        go(item.id);
      }
    } finally {
      setBusy(false);
    }
  };
  const known = position !== null && total !== null;
  return {
    position,
    total,
    first: () => goTo(0),
    previous: () => position !== null && goTo(position - 1),
    next: () => position !== null && goTo(position + 1),
    last: () => total !== null && goTo(total - 1),
    hasPrevious: known && position! > 0,
    hasNext: known && position! < total! - 1,
  };
}

export type RecordNavigator = ReturnType<typeof useRecordNavigator>;

export interface RecordToolbarProps {
  mode: 'view' | 'edit' | 'new';
  onBack: () => void;
  onNew?: () => void;
  newDisabledReason?: string;
  onEdit?: () => void;
  editDisabledReason?: string;
  onSave: () => void;
  onCancel: () => void;
  saving?: boolean;
  onDelete?: () => void;
  deleteDisabledReason?: string;
  navigator?: RecordNavigator;
  /** Focus the list's search (Ctrl+F in a detail page goes back to the list). */
  onSearch?: () => void;
  shortcutGroup: MessageKey;
  backLabel: string;
}

/** The detail page's toolbar and its shortcuts. */
export function RecordToolbar(p: RecordToolbarProps) {
  const t = useT();
  const editing = p.mode !== 'view';
  const nav = p.navigator;
  useShortcuts(
    [
      { keys: ['Ctrl+N', 'Alt+N'], description: 'shortcuts.new', run: () => p.onNew?.(), enabled: Boolean(p.onNew && !p.newDisabledReason) },
      { keys: ['Ctrl+E'], description: 'shortcuts.edit', run: () => p.onEdit?.(), enabled: !editing && Boolean(p.onEdit && !p.editDisabledReason) },
      { keys: ['Ctrl+S'], description: 'shortcuts.save', run: () => p.onSave(), enabled: editing && !p.saving },
      { keys: ['Escape'], description: 'shortcuts.cancelEdit', run: () => p.onCancel(), enabled: editing, inInputs: true },
      { keys: ['Delete'], description: 'shortcuts.delete', run: () => p.onDelete?.(), enabled: !editing && Boolean(p.onDelete && !p.deleteDisabledReason) },
      { keys: ['Ctrl+P'], description: 'shortcuts.print', run: () => window.print() },
      { keys: ['Ctrl+F'], description: 'shortcuts.searchList', run: () => p.onSearch?.(), enabled: Boolean(p.onSearch) },
      { keys: ['Ctrl+Home'], description: 'shortcuts.firstRecord', run: () => nav?.first(), enabled: Boolean(nav) && !editing },
      { keys: ['Ctrl+ArrowLeft'], description: 'shortcuts.previousRecord', run: () => nav?.previous(), enabled: Boolean(nav) && !editing },
      { keys: ['Ctrl+ArrowRight'], description: 'shortcuts.nextRecord', run: () => nav?.next(), enabled: Boolean(nav) && !editing },
      { keys: ['Ctrl+End'], description: 'shortcuts.lastRecord', run: () => nav?.last(), enabled: Boolean(nav) && !editing },
    ],
    { group: p.shortcutGroup },
  );
  return (
    <div className="toolbar no-print" role="toolbar" aria-label={t('list.toolbar')}>
      <button type="button" onClick={p.onBack}>
        ← {p.backLabel}
      </button>
      {p.onNew && (
        <button type="button" onClick={p.onNew} disabled={Boolean(p.newDisabledReason) || editing} title={p.newDisabledReason ?? 'Ctrl+N'}>
          {t('common.new')}
        </button>
      )}
      {!editing && p.onEdit && (
        <button type="button" onClick={p.onEdit} disabled={Boolean(p.editDisabledReason)} title={p.editDisabledReason ?? 'Ctrl+E'} aria-keyshortcuts="Control+E">
          {t('common.edit')}
        </button>
      )}
      {editing && (
        <>
          <button type="button" className="primary" onClick={p.onSave} disabled={p.saving} title="Ctrl+S" aria-keyshortcuts="Control+S">
            {p.saving ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" onClick={p.onCancel} title="Esc">
            {t('common.cancel')}
          </button>
        </>
      )}
      {p.onDelete && !editing && (
        <button type="button" className="danger" onClick={p.onDelete} disabled={Boolean(p.deleteDisabledReason)} title={p.deleteDisabledReason ?? 'Delete'}>
          {t('common.delete')}
        </button>
      )}
      <button type="button" onClick={() => window.print()} title="Ctrl+P">
        {t('common.print')}
      </button>
      <div className="toolbar-spacer" />
      {nav && p.mode !== 'new' && (
        <div className="record-nav" role="group" aria-label={t('record.navigation')}>
          <button type="button" onClick={nav.first} disabled={!nav.hasPrevious || editing} aria-label={t('record.first')} title={`${t('record.first')} (Ctrl+Home)`}>
            |◀
          </button>
          <button type="button" onClick={nav.previous} disabled={!nav.hasPrevious || editing} aria-label={t('record.previous')} title={`${t('record.previous')} (Ctrl+←)`}>
            ◀
          </button>
          <span className="record-position" data-testid="record-position">
            {nav.position !== null && nav.total !== null ? t('record.position', { position: nav.position + 1, total: nav.total }) : ''}
          </span>
          <button type="button" onClick={nav.next} disabled={!nav.hasNext || editing} aria-label={t('record.next')} title={`${t('record.next')} (Ctrl+→)`}>
            ▶
          </button>
          <button type="button" onClick={nav.last} disabled={!nav.hasNext || editing} aria-label={t('record.last')} title={`${t('record.last')} (Ctrl+End)`}>
            ▶|
          </button>
        </div>
      )}
    </div>
  );
}
