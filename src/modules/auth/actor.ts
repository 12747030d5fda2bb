import type { Language } from '../../core/i18n/index.ts';
import type { Role } from '../../db/schema.ts';

/** Who is acting: a logged-in user (session cookie) or an API token acting with its user's rights. */
export interface Actor {
  userId: number;
  officeId: number;
  role: Role;
  login: string;
  language: Language;
  via: 'session' | 'token' | 'cli';
  sessionId?: string;
}
