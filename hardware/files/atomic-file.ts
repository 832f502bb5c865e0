import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Write-then-rename with fsync (file and folder): after a power cut a file is the old one or the new one,
 * never half of each. Settings and the print queue rest on this (the queue's exactly-once rule: "sending" must be
 * on disk before a byte leaves for the printer).
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await (typeof content === 'string' ? handle.writeFile(content, 'utf8') : handle.writeFile(content));
    await handle.sync();
  } catch (cause: unknown) {
    await handle.close();
    // A failed write (disk full) leaves no temporary file behind; the previous file is untouched.
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

/** Bytes (scanned pages, PDFs) under the same rule: whole or absent after a power cut, never half written. */
export const writeBytesAtomic = (path: string, bytes: Uint8Array): Promise<void> => writeFileAtomic(path, bytes);

export async function readFileIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause: unknown) {
    if (cause instanceof Error && 'code' in cause && cause.code === 'ENOENT') return undefined;
    throw cause;
  }
}
