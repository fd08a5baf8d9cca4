import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM encryption of BSNs at rest, and an HMAC-SHA256 keyed hash for finding a person by BSN
 * without decrypting every row. Two separate keys: knowing the hash key does not decrypt, and a
 * leaked table cannot be brute-forced over the ~10^8 valid BSNs without the hash key.
 */
export class BsnCipher {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(encryptionKeyBase64: string, hashKeyBase64: string) {
    this.encryptionKey = Buffer.from(encryptionKeyBase64, 'base64');
    this.hashKey = Buffer.from(hashKeyBase64, 'base64');
    if (this.encryptionKey.length !== 32 || this.hashKey.length !== 32) {
      throw new Error('BSN keys must be 32 bytes each');
    }
  }

  /** base64 of iv ‖ tag ‖ ciphertext; a new random iv each time. */
  encrypt(bsn: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(bsn, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
  }

  decrypt(stored: string): string {
    const raw = Buffer.from(stored, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /** Lower-case hex HMAC-SHA256; the same BSN always gives the same hash. */
  hash(bsn: string): string {
    return createHmac('sha256', this.hashKey).update(bsn, 'utf8').digest('hex');
  }
}
