import { randomBytes } from 'node:crypto';
import { BsnCipher } from './bsn-cipher';

const key = (): string => randomBytes(32).toString('base64');

describe('BsnCipher', () => {
  const cipher = new BsnCipher(key(), key());

  it('decrypts what it encrypted, and the ciphertext does not contain the BSN', () => {
    const stored = cipher.encrypt('111222333');
    expect(cipher.decrypt(stored)).toBe('111222333');
    expect(stored).not.toContain('111222333');
    expect(Buffer.from(stored, 'base64').toString('latin1')).not.toContain('111222333');
  });

  it('encrypts the same BSN differently each time (random iv)', () => {
    expect(cipher.encrypt('111222333')).not.toBe(cipher.encrypt('111222333'));
  });

  it('hashes the same BSN the same way, and differently under another key', () => {
    expect(cipher.hash('111222333')).toBe(cipher.hash('111222333'));
    expect(cipher.hash('111222333')).toMatch(/^[0-9a-f]{64}$/);
    expect(new BsnCipher(key(), key()).hash('111222333')).not.toBe(cipher.hash('111222333'));
  });

  it('refuses a tampered ciphertext', () => {
    const raw = Buffer.from(cipher.encrypt('111222333'), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => cipher.decrypt(raw.toString('base64'))).toThrow();
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new BsnCipher(randomBytes(16).toString('base64'), key())).toThrow(/32 bytes/);
  });
});
