import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('stores argon2id hashes with the OWASP cost, never the password, and verifies them', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored).not.toContain('correct horse');
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'Correct horse battery')).toBe(false);
    // A damaged stored hash is a failed login, not a crash.
    expect(await verifyPassword('not-a-hash', 'correct horse battery')).toBe(false);
  });

  it('asks for at least 8 characters, naming the field', () => {
    expect(() => checkPasswordStrength('1234567', 'password')).toThrow(expect.objectContaining({ code: 'auth.password_too_short', details: [expect.objectContaining({ field: 'password' })] }));
    expect(() => checkPasswordStrength('12345678')).not.toThrow();
  });
});
