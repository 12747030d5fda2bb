/**
 * Keyboard shortcuts. Each screen registers its own with `useShortcuts([...])`; the layer listens
 * once on the window, and the most recently registered screen wins when two use the same key.
 * A registration marked `modal` (a dialog) hides everything registered before it.
 * F1 opens an overview of the shortcuts active on the current screen, with their descriptions.
 *
 * Keys are written like "Ctrl+N", "Alt+B", "Delete", "Ctrl+ArrowLeft", "Ctrl+Home", "F1".
 * Ctrl also matches ⌘ on a Mac.
 */
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useT, type MessageKey } from './i18n/index.tsx';
import { Dialog } from './components/Dialog.tsx';

export interface Shortcut {
  /** One or more key combinations, e.g. ["Ctrl+N", "Alt+N"]. */
  keys: string[];
  /** Catalogue key of the description shown in the F1 overview. */
  description: MessageKey;
  /** Parameters for the description ({menu} …). */
  params?: Record<string, string>;
  run: (event: KeyboardEvent) => void;
  /** false: registered but not active now (not shown in F1, key passes through). */
  enabled?: boolean;
  /** Also fire while typing in a text field (default: only for combinations with Ctrl/Alt and F-keys). */
  inInputs?: boolean;
  /** Hidden from the F1 overview (e.g. duplicates). */
  hidden?: boolean;
  /** Only when this says yes for the event (e.g. focus is in the list); otherwise the key passes on. */
  when?: (event: KeyboardEvent) => boolean;
}

interface Registration {
  id: string;
  order: number;
  group?: MessageKey;
  modal: boolean;
  shortcuts: Shortcut[];
}

interface ShortcutLayer {
  register: (reg: Registration) => void;
  unregister: (id: string) => void;
  active: () => Array<{ group?: MessageKey; shortcuts: Shortcut[] }>;
  openOverview: () => void;
}

const ShortcutContext = createContext<ShortcutLayer | null>(null);

const KEY_NAMES: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  PageUp: 'PgUp',
  PageDown: 'PgDn',
  Escape: 'Esc',
  Delete: 'Del',
};

/** "Ctrl+ArrowLeft" → "Ctrl+←" for display. */
export function displayKeys(keys: string): string {
  return keys
    .split('+')
    .map((part) => KEY_NAMES[part] ?? part)
    .join('+');
}

/** The combination of a key event, in the same notation as Shortcut.keys. */
export function comboOf(e: KeyboardEvent): string {
  let key: string;
  if (/^Key[A-Z]$/.test(e.code)) key = e.code.slice(3);
  else if (/^Digit[0-9]$/.test(e.code)) key = e.code.slice(5);
  else if (e.key === ' ') key = 'Space';
  else if (e.key.length === 1) key = e.key.toUpperCase();
  else key = e.key;
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey && key.length > 1) parts.push('Shift');
  else if (e.shiftKey && /^[A-Z0-9]$/.test(key)) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

function firesInInputs(shortcut: Shortcut, combo: string): boolean {
  if (shortcut.inInputs !== undefined) return shortcut.inInputs;
  if (/^F\d+$/.test(combo)) return true;
  // Ctrl/Alt + a letter acts on the screen; Ctrl + arrows/Home/End/A stay text editing in a field.
  return /^(Ctrl|Alt)(\+Alt)?(\+Shift)?\+[A-Z0-9]$/.test(combo) && combo !== 'Ctrl+A';
}

export function ShortcutProvider({ children }: { children: ReactNode }) {
  const registrations = useRef(new Map<string, Registration>());
  const [overviewOpen, setOverviewOpen] = useState(false);

  const sorted = useCallback(() => {
    const all = [...registrations.current.values()].sort((a, b) => a.order - b.order);
    const lastModal = all.map((r) => r.modal).lastIndexOf(true);
    return lastModal >= 0 ? all.slice(lastModal) : all;
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const combo = comboOf(e);
      if (combo === 'F1') {
        e.preventDefault();
        setOverviewOpen((open) => !open);
        return;
      }
      const regs = sorted();
      const inText = isTextTarget(e.target);
      for (let i = regs.length - 1; i >= 0; i--) {
        for (const shortcut of regs[i].shortcuts) {
          if (shortcut.enabled === false || !shortcut.keys.includes(combo)) continue;
          if (inText && !firesInInputs(shortcut, combo)) continue;
          if (shortcut.when && !shortcut.when(e)) continue;
          e.preventDefault();
          e.stopPropagation();
          shortcut.run(e);
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sorted]);

  const layer = useMemo<ShortcutLayer>(
    () => ({
      register: (reg) => {
        registrations.current.set(reg.id, reg);
      },
      unregister: (id) => {
        registrations.current.delete(id);
      },
      active: () => {
        const regs = sorted();
        // A key taken by a later screen is shown once, with that screen's description.
        const taken = new Set<string>();
        const groups: Array<{ group?: MessageKey; shortcuts: Shortcut[] }> = [];
        for (let i = regs.length - 1; i >= 0; i--) {
          const shortcuts = regs[i].shortcuts.filter((s) => s.enabled !== false && !s.hidden && !s.keys.every((k) => taken.has(k)));
          for (const s of shortcuts) s.keys.forEach((k) => taken.add(k));
          if (shortcuts.length) groups.unshift({ group: regs[i].group, shortcuts });
        }
        return groups;
      },
      openOverview: () => setOverviewOpen(true),
    }),
    [sorted],
  );

  return (
    <ShortcutContext.Provider value={layer}>
      {children}
      {overviewOpen && <ShortcutOverview onClose={() => setOverviewOpen(false)} groups={layer.active()} />}
    </ShortcutContext.Provider>
  );
}

let counter = 0;

/**
 * Registers shortcuts while the calling component is shown. The handlers may change on every
 * render; the latest ones run.
 */
export function useShortcuts(shortcuts: Shortcut[], options: { group?: MessageKey; modal?: boolean } = {}): void {
  const layer = useContext(ShortcutContext);
  const id = useId();
  const order = useRef(0);
  if (order.current === 0) order.current = ++counter;
  const reg = useRef<Registration>({ id, order: order.current, group: options.group, modal: Boolean(options.modal), shortcuts });
  reg.current.shortcuts = shortcuts;
  reg.current.group = options.group;
  useEffect(() => {
    if (!layer) return;
    reg.current.order = ++counter;
    layer.register(reg.current);
    return () => layer.unregister(id);
  }, [layer, id]);
}

export function useShortcutOverview(): () => void {
  const layer = useContext(ShortcutContext);
  return layer ? layer.openOverview : () => undefined;
}

function ShortcutOverview({ groups, onClose }: { groups: Array<{ group?: MessageKey; shortcuts: Shortcut[] }>; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose} testId="shortcut-overview" wide focusContainer>
      <p className="muted">{t('shortcuts.intro')}</p>
      <table className="grid shortcut-table">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.key')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <kbd>F1</kbd>
            </td>
            <td>{t('shortcuts.f1')}</td>
          </tr>
          {groups.map((g, gi) => [
            g.group ? (
              <tr key={`g${gi}`} className="group-row">
                <th colSpan={2} scope="rowgroup">
                  {t(g.group)}
                </th>
              </tr>
            ) : null,
            ...g.shortcuts.map((s, si) => (
              <tr key={`${gi}-${si}`}>
                <td>
                  {s.keys.map((k, ki) => (
                    <span key={k}>
                      {ki > 0 && ' / '}
                      <kbd>{displayKeys(k)}</kbd>
                    </span>
                  ))}
                </td>
                <td>{t(s.description, s.params)}</td>
              </tr>
            )),
          ])}
        </tbody>
      </table>
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
