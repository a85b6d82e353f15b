import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentStorage } from './document-storage.js';

/** Keys are ours (random hex), never a client's file name: anything else could walk out of the directory. */
const KEY = /^[0-9a-f]{32}$/;

/**
 * One file per key under `root`, spread over 256 subdirectories by the key's first two characters so
 * that no directory grows to millions of entries.
 */
export class LocalDiskDocumentStorage implements DocumentStorage {
  constructor(private readonly root: string) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(key);
    const dir = join(this.root, key.slice(0, 2));
    await mkdir(dir, { recursive: true });
    // Written under a temporary name, flushed, then renamed: rename is atomic within a directory, so
    // the key holds either nothing or the whole file, even across a crash.
    const temp = join(dir, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (err) {
      await handle.close();
      await rm(temp, { force: true });
      throw err;
    }
    await handle.close();
    try {
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`Invalid document storage key: ${JSON.stringify(key)}`);
    return join(this.root, key.slice(0, 2), key);
  }
}
