/** What the app shell knows: the open dossier (if any) and how to build links inside the shell. */
import { createContext, useContext } from 'react';
import type { Dossier, Right, User } from '../api.ts';
import type { Translate } from '../i18n/index.tsx';
import type { MenuEntry } from './menu.tsx';

export interface ShellValue {
  dossierId: number | null;
  dossier: Dossier | null;
  /** '' without a dossier, '/d/12' in dossier 12. */
  base: string;
}

export const ShellContext = createContext<ShellValue>({ dossierId: null, dossier: null, base: '' });

export function useShell(): ShellValue {
  return useContext(ShellContext);
}

/** Builds an address inside the shell: shellPath('management/users') → /d/12/management/users. */
export function useShellPath(): (path: string) => string {
  const { base } = useShell();
  return (path: string) => `${base}/${path.replace(/^\//, '')}`;
}

export const RIGHT_LABELS: Record<Right, 'right.view' | 'right.book' | 'right.accounts' | 'right.fiscal_years' | 'right.delete_bookings' | 'right.users' | 'right.export'> = {
  view: 'right.view',
  book: 'right.book',
  accounts: 'right.accounts',
  fiscal_years: 'right.fiscal_years',
  delete_bookings: 'right.delete_bookings',
  users: 'right.users',
  export: 'right.export',
};

export interface Access {
  allowed: boolean;
  /** Why not, in the user's language (the tooltip of a greyed entry). */
  reason?: string;
  /** The entry needs a dossier and none is open. */
  needsDossier?: boolean;
}

/** Whether the user may open a menu entry here, and if not, why. */
export function entryAccess(entry: MenuEntry, user: User, shell: ShellValue, t: Translate): Access {
  if (entry.adminOnly && user.role !== 'admin') return { allowed: false, reason: t('access.adminOnly') };
  if ((entry.scope ?? 'dossier') === 'dossier') {
    if (!shell.dossierId) return { allowed: false, reason: t('access.openDossierFirst'), needsDossier: true };
    if (entry.right && shell.dossier && !shell.dossier.rights.includes(entry.right)) {
      return { allowed: false, reason: t('access.missingRight', { right: t(RIGHT_LABELS[entry.right]) }) };
    }
  }
  return { allowed: true };
}
