/**
 * The web UI talks to the server only through the public REST API (/api/v1). This wrapper sends
 * JSON, the UI language (X-Language, so error messages come back in it) and, on every write, the
 * session's CSRF token. A failed call throws an ApiError carrying the server's code, message and
 * field details. A 401 "not logged in" tells the session layer, which sends the user to login.
 */

export interface ErrorDetailView {
  field?: string;
  line?: number;
  code: string;
  message?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetailView[];
  constructor(status: number, code: string, message: string, details: ErrorDetailView[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
  /** The message for one field (the first detail naming it), if any. */
  fieldMessage(field: string): string | undefined {
    const d = this.details.find((x) => x.field === field || x.field?.startsWith(`${field}.`));
    return d ? d.message ?? this.message : undefined;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** The message of a field from an error (ApiError or anything else), for showing under an input. */
export function fieldError(error: unknown, field: string): string | undefined {
  return isApiError(error) ? error.fieldMessage(field) : undefined;
}

let csrfToken: string | null = null;
let language = 'nl';
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function setApiLanguage(lang: string): void {
  language = lang;
}
/** Called when the server says the caller is not (any more) logged in. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Language': language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(`/api/v1${path}`, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network.unreachable', networkMessage());
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const err = (data ?? {}) as { code?: string; message?: string; details?: ErrorDetailView[] };
    const error = new ApiError(response.status, err.code ?? `http.${response.status}`, err.message ?? `HTTP ${response.status}`, err.details ?? []);
    if (response.status === 401 && error.code === 'auth.not_logged_in' && onUnauthorized) onUnauthorized();
    throw error;
  }
  return data as T;
}

const NETWORK_MESSAGES: Record<string, string> = {
  nl: 'De server is niet bereikbaar. Controleer de verbinding en probeer opnieuw.',
  fr: 'Le serveur est injoignable. Vérifiez la connexion et réessayez.',
  en: 'The server cannot be reached. Check the connection and try again.',
};
function networkMessage(): string {
  return NETWORK_MESSAGES[language] ?? NETWORK_MESSAGES.nl;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

// ---- Shapes of the API answers the UI uses ----

export type Language = 'nl' | 'fr' | 'en';
export type Role = 'admin' | 'staff' | 'client';
export type Theme = 'light' | 'dark' | 'contrast';
export type FontSize = 'small' | 'medium' | 'large' | 'xlarge';
export const RIGHTS = ['view', 'book', 'accounts', 'fiscal_years', 'delete_bookings', 'users', 'export'] as const;
export type Right = (typeof RIGHTS)[number];

export interface User {
  id: number;
  officeId: number;
  login: string;
  displayName: string;
  email: string | null;
  role: Role;
  language: Language;
  theme: Theme;
  fontSize: FontSize;
  mustChangePassword: boolean;
  createdAt: string;
  rights: Array<{ dossierId: number; dossierName: string; rights: Right[] }>;
}

export interface Session {
  user: User | null;
  office: { id: number; name: string } | null;
  csrfToken: string | null;
  setupNeeded: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ListQuery {
  search?: string;
  sort?: string;
  direction?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface DossierListItem {
  id: number;
  name: string;
  enterpriseNumber: string | null;
  vatNumber: string | null;
  city: string | null;
  lastVisitedAt: string | null;
  rights: Right[];
}

export interface Applicant {
  name: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  capacity: string | null;
}

export interface Dossier {
  id: number;
  officeId: number;
  name: string;
  legalForm: string | null;
  enterpriseNumber: string | null;
  vatNumber: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  language: Language;
  email: string | null;
  phone: string | null;
  website: string | null;
  mailboxAddress: string;
  contactFields: Array<{ label: string; value: string }>;
  applicant: Applicant;
  modules: { invoicing: boolean; bank: boolean; documents: boolean };
  fiscalYears: Array<{ id: number; startDate: string; endDate: string; closed: boolean; purchaseSalesLines: number; financialMiscellaneousLines: number }>;
  rights: Right[];
  createdAt: string;
  updatedAt: string;
}

export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface OutboxItem {
  id: number;
  to: string;
  subject: string;
  createdAt: string;
  status: 'sent' | 'failed' | 'kept';
  error: string | null;
}
export interface OutboxMessage extends OutboxItem {
  body: string;
  emlFile: string | null;
}
