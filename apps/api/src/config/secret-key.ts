import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The 32-byte key that encrypts secrets at rest (cluster credentials, IdP secrets). Never a constant in code:
 * from WHEELHOUSE_SECRET_KEY, else generated once into a 0600 file in the data dir.
 */
export async function loadSecretKey(envValue: string | undefined, dataDir: string): Promise<Buffer> {
  if (envValue) return decode(envValue, 'WHEELHOUSE_SECRET_KEY');
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return decode((await readFile(file, 'utf8')).trim(), file);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  await writeFile(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  await chmod(file, 0o600);
  return key;
}

function decode(value: string, source: string): Buffer {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error(`${source} must be base64 of exactly 32 bytes (got ${key.length})`);
  return key;
}
