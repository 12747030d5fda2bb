import { hash, verify, type Algorithm } from '@node-rs/argon2';
import crypto from 'node:crypto';
import { validation } from '../../core/errors.ts';
import './messages.ts';

export const MIN_PASSWORD_LENGTH = 8;

/** `Algorithm.Argon2id`: the package declares a const enum, which has no runtime value under isolatedModules. */
const ARGON2ID = 2 as Algorithm;

/** argon2id with the OWASP-recommended memory cost (19 MiB, t=2). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

export function checkPasswordStrength(password: string, field = 'newPassword'): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw validation('auth.password_too_short', { min: MIN_PASSWORD_LENGTH }, [
      { field, code: 'auth.password_too_short', params: { min: MIN_PASSWORD_LENGTH } },
    ]);
  }
}

/** A random secret for cookies, tokens and links, and the hash we store instead of it. */
export function newSecret(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

/** A hash to compare against when the login does not exist, so timing does not reveal logins. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(newSecret());
  return dummyHash;
}
