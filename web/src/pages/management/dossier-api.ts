import { api, type DossierListItem, type ListQuery, type Page } from '../../api.ts';

export const fetchDossiers = (query: ListQuery) => api.get<Page<DossierListItem>>('/dossiers', { ...query });

/** 0123456749 → 0123.456.749 */
export function formatEnterprise(n: string | null): string {
  if (!n) return '';
  return /^\d{10}$/.test(n) ? `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}` : n;
}
