import { mkdtemp, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskDocumentStorage } from './local-disk-document-storage.js';

/** Every file under `dir`, relative, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

describe('LocalDiskDocumentStorage', () => {
  let root: string;
  let storage: LocalDiskDocumentStorage;
  const key = 'ab'.padEnd(32, '0');

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'lumbung-docs-'));
    storage = new LocalDiskDocumentStorage(join(root, 'not', 'yet', 'there'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores bytes under the key, creating its directory, and reads them back', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254]);
    await storage.put(key, bytes);
    expect(await storage.get(key)).toEqual(bytes);
    expect(await filesUnder(join(root, 'not', 'yet', 'there'))).toEqual([`ab/${key}`]);
  });

  it('leaves no temporary file behind and keeps the file private to its owner', async () => {
    await storage.put(key, Buffer.from('ciphertext'));
    const dir = join(root, 'not', 'yet', 'there');
    expect(await filesUnder(dir)).toEqual([`ab/${key}`]);
    expect((await stat(join(dir, 'ab', key))).mode & 0o777).toBe(0o600);
  });

  it('answers null for a key with nothing stored', async () => {
    expect(await storage.get('cd'.padEnd(32, '1'))).toBeNull();
  });

  it('deletes what it stored, and deleting twice is no error', async () => {
    await storage.put(key, Buffer.from('x'));
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
  });

  it('removes its temporary file when the final rename fails', async () => {
    const dir = join(root, 'not', 'yet', 'there');
    // A directory where the file should go makes the rename fail.
    await mkdir(join(dir, 'ab', key), { recursive: true });
    await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow();
    expect(await filesUnder(dir)).toEqual([]);
  });

  it.each(['../../etc/passwd', 'AB'.padEnd(32, '0'), 'ab'.padEnd(31, '0'), 'ab'.padEnd(33, '0'), '', `ab/${'0'.repeat(29)}`])(
    'refuses the key %j, which is not one it issues',
    async (bad) => {
      await expect(storage.put(bad, Buffer.from('x'))).rejects.toThrow('Invalid document storage key');
      await expect(storage.get(bad)).rejects.toThrow('Invalid document storage key');
      await expect(storage.delete(bad)).rejects.toThrow('Invalid document storage key');
    },
  );
});
