/** Management → Relations: the API calls and answer shapes the screens use. */
import { ApiError, api, type ListQuery, type Page, type Session } from '../../api.ts';

export type RelationKind = 'customer' | 'supplier' | 'both';
export type RelationLanguage = 'nl' | 'fr' | 'en' | 'de';

export interface Relation {
  id: number;
  number: string;
  name: string;
  kind: RelationKind;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  language: RelationLanguage;
  enterpriseNumber: string | null;
  vatNumber: string | null;
  iban: string | null;
  bic: string | null;
  email: string | null;
  phone: string | null;
  paymentDays: number;
  paymentEndOfMonth: boolean;
  defaultVatCode: string | null;
  defaultAccount: string | null;
  peppolId: string | null;
  active: boolean;
  notes: string | null;
  peppolRegistered: boolean | null;
  peppolDocumentTypes: string[];
  peppolCheckedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const RELATION_FIELDS = [
  'number', 'name', 'kind', 'street', 'postcode', 'city', 'country', 'language', 'enterpriseNumber', 'vatNumber', 'iban', 'bic',
  'email', 'phone', 'paymentDays', 'paymentEndOfMonth', 'defaultVatCode', 'defaultAccount', 'peppolId', 'active', 'notes',
] as const;
export type RelationField = (typeof RELATION_FIELDS)[number];

export interface RelationFilter {
  status: 'active' | 'inactive' | 'all';
  kind: 'customer' | 'supplier' | 'all';
}

export type Mapping = Partial<Record<RelationField, string | null>>;

export interface ImportPreview {
  uploadId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding?: string;
  delimiter?: string;
  headers: string[];
  mapping: Mapping;
  rowCount: number;
  newCount: number;
  duplicateCount: number;
  problemRowCount: number;
  problems: Array<{ row: number; field: string; code: string; message: string }>;
  duplicates: Array<{ row: number; field: 'number' | 'vatNumber' | 'enterpriseNumber'; value: string; existing?: { id: number; number: string; name: string }; sameAsRow?: number }>;
  sample: Array<{ row: number; values: Partial<Record<RelationField, unknown>> | null }>;
}

export interface ImportResult {
  created: number;
  updated: number;
  skipped: number;
  rowCount: number;
}

export interface PeppolCheckAll {
  checked: number;
  registered: number;
  notRegistered: number;
  unavailable: number;
  results: Array<{ id: number; number: string; name: string; peppolId: string; status: 'registered' | 'not_registered' | 'unavailable'; message?: string }>;
}

export const relationsPath = (dossierId: number) => `/dossiers/${dossierId}/relations`;

export function fetchRelations(dossierId: number, filter: RelationFilter) {
  return (query: ListQuery) => api.get<Page<Relation>>(relationsPath(dossierId), { ...query, status: filter.status, kind: filter.kind });
}

/** The address of an export (or print) of the list as the user sees it: search, filter and sort. */
export function exportUrl(dossierId: number, format: 'csv' | 'xlsx' | 'pdf', filter: RelationFilter, list: { search?: string; sort?: string; direction?: string }) {
  const params = new URLSearchParams({ format, status: filter.status, kind: filter.kind });
  if (list.search) params.set('search', list.search);
  if (list.sort) params.set('sort', list.sort);
  if (list.direction) params.set('direction', list.direction);
  return `/api/v1${relationsPath(dossierId)}/export?${params}`;
}

export const detailPdfUrl = (dossierId: number, relationId: number) => `/api/v1${relationsPath(dossierId)}/${relationId}/pdf`;

/** Opens a PDF in a new tab (print from there), or downloads a file. The session cookie goes along. */
export function openFile(url: string, download = false) {
  if (!download) {
    window.open(url, '_blank', 'noopener');
    return;
  }
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Uploads an import file (multipart) with the session's CSRF token; answers the preview. */
export async function uploadImport(dossierId: number, file: File, language: string): Promise<ImportPreview> {
  const session = await api.get<Session>('/session');
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(`/api/v1${relationsPath(dossierId)}/import`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { 'X-CSRF-Token': session.csrfToken ?? '', 'X-Language': language, Accept: 'application/json' },
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, data.code ?? `http.${response.status}`, data.message ?? `HTTP ${response.status}`, data.details ?? []);
  return data as ImportPreview;
}

/** Reads the list's remembered search and sort (kept by ManagementList for this tab). */
export function storedListState(listId: string): { search?: string; sort?: string; direction?: string; page?: number } {
  try {
    return JSON.parse(sessionStorage.getItem(`argonaut.list.${listId}`) ?? '{}');
  } catch {
    return {};
  }
}

/** Back to the first page of the list (after the filter changed). */
export function resetListPage(listId: string) {
  try {
    const state = storedListState(listId);
    sessionStorage.setItem(`argonaut.list.${listId}`, JSON.stringify({ ...state, page: 1 }));
  } catch {
    /* storage unavailable */
  }
}

export function formatIban(iban: string | null): string {
  return iban ? iban.replace(/(.{4})(?=.)/g, '$1 ') : '';
}

/** A document type id as people know it. */
export function documentTypeLabel(id: string): string {
  if (/CreditNote-2::CreditNote##/.test(id)) return 'Credit note (UBL)';
  if (/Invoice-2::Invoice##/.test(id)) return 'Invoice (UBL)';
  if (/CrossIndustryInvoice/.test(id)) return 'Invoice (CII)';
  if (/Order-2::Order##/.test(id)) return 'Order';
  if (/ApplicationResponse/.test(id)) return 'Message level response';
  return id;
}
