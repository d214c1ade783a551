import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSecretKey } from './secret-key.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'wh-key-'));
  dirs.push(d);
  return d;
};

describe('secret key', () => {
  it('generates a random 32-byte key into a 0600 file once and reuses it', async () => {
    const dir = await tempDir();
    const first = await loadSecretKey(undefined, dir);
    expect(first).toHaveLength(32);
    expect((await stat(join(dir, 'secret.key'))).mode & 0o777).toBe(0o600);
    expect(await loadSecretKey(undefined, dir)).toEqual(first);
    expect(await loadSecretKey(undefined, await tempDir())).not.toEqual(first);
  });

  it('uses WHEELHOUSE_SECRET_KEY when set and writes no file', async () => {
    const dir = await tempDir();
    const key = randomBytes(32);
    expect(await loadSecretKey(key.toString('base64'), dir)).toEqual(key);
    await expect(readFile(join(dir, 'secret.key'))).rejects.toThrow();
  });

  it('rejects a key of the wrong length', async () => {
    await expect(loadSecretKey(randomBytes(16).toString('base64'), await tempDir())).rejects.toThrow(/32 bytes/);
  });
});
