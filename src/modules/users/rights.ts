/**
 * Rights are per user per dossier. Office administrators hold every right on every dossier of
 * their office; staff and client (entrepreneur) users hold what an administrator granted them.
 */
export const RIGHTS = ['view', 'book', 'accounts', 'fiscal_years', 'delete_bookings', 'users', 'export'] as const;
export type Right = (typeof RIGHTS)[number];

export const isRight = (value: string): value is Right => (RIGHTS as readonly string[]).includes(value);

/** Every right implies view; an empty set means no access. */
export function normalizeRights(rights: readonly string[]): Right[] {
  const set = new Set(rights.filter(isRight));
  if (set.size) set.add('view');
  return RIGHTS.filter((r) => set.has(r));
}
