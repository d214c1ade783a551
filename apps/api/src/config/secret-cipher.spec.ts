import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretCipher } from './secret-cipher.js';

describe('SecretCipher', () => {
  const cipher = new SecretCipher(randomBytes(32));
  it('round-trips and never repeats a ciphertext', () => {
    const a = cipher.encrypt('token-123', 'clusters:credentials:c1');
    const b = cipher.encrypt('token-123', 'clusters:credentials:c1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('token-123');
    expect(cipher.decrypt(a, 'clusters:credentials:c1')).toBe('token-123');
  });
  it('refuses a ciphertext moved to another row, a tampered one, and another key', () => {
    const sealed = cipher.encrypt('secret', 'clusters:credentials:c1');
    expect(() => cipher.decrypt(sealed, 'clusters:credentials:c2')).toThrow();
    const parts = sealed.split(':');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join(':'), 'clusters:credentials:c1')).toThrow();
    expect(() => new SecretCipher(randomBytes(32)).decrypt(sealed, 'clusters:credentials:c1')).toThrow(/another key/);
  });
});
