import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Bytes written with the same write-then-rename-and-fsync rule as hardware/files/atomic-file.ts (which writes
 * text): after a power cut a page or a PDF is whole or absent, never half written.
 */
export async function writeBytesAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (cause: unknown) {
    await handle.close();
    await unlink(temporary).catch(() => undefined);
    throw cause;
  }
  await handle.close();
  await rename(temporary, path);
  const folder = await open(dirname(path), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
