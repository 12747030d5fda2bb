/**
 * The menu bar: Management / Accounting / Bank / Invoicing / Reports / Help, built from the menu
 * registry. Alt+letter (the underlined letter) opens a menu; arrows move within and between
 * menus, Enter opens an entry, Escape closes. Entries the user may not open are greyed, with a
 * tooltip saying why.
 */
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useT, type MessageKey } from '../i18n/index.tsx';
import { useUser } from '../session.tsx';
import { useShortcuts } from '../shortcuts.tsx';
import { entriesOf, MENUS, type MenuEntry, type MenuId } from './menu.tsx';
import { entryAccess, useShell, useShellPath } from './shell-context.tsx';

/** The label with its access key underlined (the first occurrence of the letter). */
export function AccessKeyLabel({ label, accessKey }: { label: string; accessKey: string }) {
  const i = label.toLowerCase().indexOf(accessKey.toLowerCase());
  if (i < 0) return <>{label}</>;
  return (
    <>
      {label.slice(0, i)}
      <span className="access-key">{label[i]}</span>
      {label.slice(i + 1)}
    </>
  );
}

export function MenuBar() {
  const t = useT();
  const user = useUser();
  const shell = useShell();
  const shellPath = useShellPath();
  const navigate = useNavigate();
  const [open, setOpen] = useState<MenuId | null>(null);
  const [focusTarget, setFocusTarget] = useState<'first' | 'last' | null>(null);
  const [topFocus, setTopFocus] = useState<MenuId>('management');
  const bar = useRef<HTMLUListElement>(null);
  const topRefs = useRef<Partial<Record<MenuId, HTMLButtonElement | null>>>({});
  const menuRef = useRef<HTMLUListElement>(null);

  const openMenu = (id: MenuId, focus: 'first' | 'last' = 'first') => {
    setOpen(id);
    setTopFocus(id);
    setFocusTarget(focus);
  };
  const close = (focusTop = true) => {
    const was = open;
    setOpen(null);
    if (focusTop && was) topRefs.current[was]?.focus();
  };

  useShortcuts(
    MENUS.map((m) => {
      const letter = t(m.accessKey).toUpperCase();
      return {
        keys: [`Alt+${letter}`, `Alt+Shift+${letter}`],
        description: 'shortcuts.openMenu' as MessageKey,
        params: { menu: t(m.labelKey) },
        run: () => openMenu(m.id),
      };
    }),
    { group: 'shortcuts.group.menus' },
  );

  // Focus the first or last item when a menu opens.
  useEffect(() => {
    if (!open || !focusTarget || !menuRef.current) return;
    const items = [...menuRef.current.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    (focusTarget === 'first' ? items[0] : items[items.length - 1])?.focus();
    setFocusTarget(null);
  }, [open, focusTarget]);

  // A click elsewhere closes the menu.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (bar.current && !bar.current.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const neighbour = (id: MenuId, delta: number): MenuId => {
    const i = MENUS.findIndex((m) => m.id === id);
    return MENUS[(i + delta + MENUS.length) % MENUS.length].id;
  };

  const onTopKey = (e: ReactKeyboardEvent, id: MenuId) => {
    switch (e.key) {
      case 'ArrowDown':
      case 'Enter':
      case ' ':
        openMenu(id, 'first');
        break;
      case 'ArrowUp':
        openMenu(id, 'last');
        break;
      case 'ArrowRight':
      case 'ArrowLeft': {
        const next = neighbour(id, e.key === 'ArrowRight' ? 1 : -1);
        setTopFocus(next);
        topRefs.current[next]?.focus();
        if (open) openMenu(next);
        break;
      }
      case 'Escape':
        if (!open) return;
        close();
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const activate = (entry: MenuEntry, allowed: boolean) => {
    if (!allowed) return;
    setOpen(null);
    if (entry.href) window.open(entry.href, '_blank', 'noopener');
    else navigate(shellPath(entry.path));
  };

  const onItemKey = (e: ReactKeyboardEvent, id: MenuId) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    switch (e.key) {
      case 'ArrowDown':
        items[(i + 1) % items.length]?.focus();
        break;
      case 'ArrowUp':
        items[(i - 1 + items.length) % items.length]?.focus();
        break;
      case 'Home':
        items[0]?.focus();
        break;
      case 'End':
        items[items.length - 1]?.focus();
        break;
      case 'ArrowRight':
      case 'ArrowLeft': {
        const next = neighbour(id, e.key === 'ArrowRight' ? 1 : -1);
        topRefs.current[next]?.focus();
        openMenu(next);
        break;
      }
      case 'Escape':
        close();
        break;
      case 'Tab':
        setOpen(null);
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <nav className="menubar-nav" aria-label={t('menu.bar')}>
      <ul className="menubar" role="menubar" ref={bar} aria-label={t('menu.bar')}>
        {MENUS.map((m) => {
          const label = t(m.labelKey);
          const isOpen = open === m.id;
          return (
            <li key={m.id} role="none" className="menubar-item">
              <button
                type="button"
                role="menuitem"
                id={`menu-${m.id}`}
                aria-haspopup="menu"
                aria-expanded={isOpen}
                tabIndex={topFocus === m.id ? 0 : -1}
                ref={(el) => {
                  topRefs.current[m.id] = el;
                }}
                className={isOpen ? 'open' : undefined}
                onClick={() => (isOpen ? setOpen(null) : openMenu(m.id))}
                onMouseEnter={() => open && open !== m.id && openMenu(m.id)}
                onKeyDown={(e) => onTopKey(e, m.id)}
                aria-keyshortcuts={`Alt+${t(m.accessKey).toUpperCase()}`}
                data-testid={`menu-${m.id}`}
              >
                <AccessKeyLabel label={label} accessKey={t(m.accessKey)} />
              </button>
              {isOpen && (
                <ul className="menu" role="menu" aria-labelledby={`menu-${m.id}`} ref={menuRef}>
                  {entriesOf(m.id).map((entry) => {
                    const access = entryAccess(entry, user, shell, t);
                    return [
                      entry.separator ? <li key={`${entry.id}-sep`} role="separator" className="menu-separator" /> : null,
                      <li key={entry.id} role="none">
                        <button
                          type="button"
                          role="menuitem"
                          tabIndex={-1}
                          aria-disabled={access.allowed ? undefined : true}
                          title={access.reason}
                          aria-description={access.reason}
                          className={access.allowed ? undefined : 'disabled'}
                          onClick={() => activate(entry, access.allowed)}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter' || e.key === ' ') {
                              e.preventDefault();
                              activate(entry, access.allowed);
                            } else onItemKey(e, m.id);
                          }}
                          data-testid={`menuitem-${entry.id}`}
                        >
                          {t(entry.labelKey)}
                          {entry.href && <span aria-hidden="true"> ↗</span>}
                          {access.reason && (
                            <span className="menu-reason" aria-hidden="true">
                              {access.reason}
                            </span>
                          )}
                        </button>
                      </li>,
                    ];
                  })}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
