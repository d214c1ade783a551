import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { SECRET_KEY } from './tokens.js';

const VERSION = 'v1';

/**
 * Secrets at rest (cluster credentials, IdP secrets): AES-256-GCM, random 96-bit IV, 128-bit tag, and the row's
 * identity as additional data (`table:column:id`) so a ciphertext copied to another row does not decrypt.
 * Format `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url); keyId (first bytes of sha256(key)) enables rotation.
 */
@Injectable()
export class SecretCipher {
  private readonly keyId: string;

  constructor(@Inject(SECRET_KEY) private readonly key: Buffer) {
    this.keyId = createHash('sha256').update(key).digest('base64url').slice(0, 8);
  }

  encrypt(plaintext: string, aad: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(aad));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join(':');
  }

  decrypt(sealed: string, aad: string): string {
    const [version, keyId, iv, tag, ct] = sealed.split(':');
    if (version !== VERSION || !iv || !tag || ct === undefined) throw new Error('unknown secret format');
    if (keyId !== this.keyId) throw new Error('secret was encrypted with another key (WHEELHOUSE_SECRET_KEY changed?)');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }
}
