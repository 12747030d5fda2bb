/**
 * Errors are values with codes (ARCHITECTURE principle 7).
 * Every failure a user can meet is an AppError with a stable `code`, parameters for the message,
 * and a kind that the HTTP edge maps to a status. Messages live in catalogues (see ./i18n/messages.ts),
 * in Dutch, French and English.
 */
export type ErrorKind =
  | 'validation' // 400: bad input, names the field/line
  | 'unauthorized' // 401: not logged in / bad credentials
  | 'forbidden' // 403: logged in but lacks the right
  | 'not_found' // 404: does not exist or not visible to the caller
  | 'conflict' // 409: state forbids it (e.g. dossier not empty)
  | 'rate_limited' // 429
  | 'unavailable' // 503: an outside service could not be reached
  | 'internal'; // 500

export interface ErrorDetail {
  /** Field, column or record the problem is about ("vatNumber", "line 12", "row 4: iban"). */
  field?: string;
  line?: number;
  code: string;
  message?: string;
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly params: Record<string, unknown>;
  readonly details: ErrorDetail[];

  constructor(
    code: string,
    kind: ErrorKind,
    params: Record<string, unknown> = {},
    details: ErrorDetail[] = [],
  ) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.kind = kind;
    this.params = params;
    this.details = details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Shorthands, so call sites read as what they mean. */
export const validation = (code: string, params: Record<string, unknown> = {}, details: ErrorDetail[] = []) =>
  new AppError(code, 'validation', params, details);
export const notFound = (code: string, params: Record<string, unknown> = {}) => new AppError(code, 'not_found', params);
export const forbidden = (code: string, params: Record<string, unknown> = {}) => new AppError(code, 'forbidden', params);
export const conflict = (code: string, params: Record<string, unknown> = {}) => new AppError(code, 'conflict', params);
export const unauthorized = (code: string, params: Record<string, unknown> = {}) => new AppError(code, 'unauthorized', params);

export const httpStatusOf = (kind: ErrorKind): number =>
  ({
    validation: 400,
    unauthorized: 401,
    forbidden: 403,
    not_found: 404,
    conflict: 409,
    rate_limited: 429,
    unavailable: 503,
    internal: 500,
  })[kind];
