import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openJobStore, type JobStore } from './job';

/** Shared by the scanner tests: a fresh job folder, the bundled font, and pdftotext (poppler-utils). */
export const fontPath = fileURLToPath(new URL('../../assets/fonts/NotoSans-Regular.ttf', import.meta.url));
export const loadFont = async () => new Uint8Array(await readFile(fontPath));

export async function tempStore(): Promise<{ store: JobStore; root: string; dispose(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'motcua-scan-'));
  return { store: openJobStore(root), root, dispose: () => rm(root, { recursive: true, force: true }) };
}

/** The PDF's text as a reader (or a search index) extracts it, NFC-normalised for comparison. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-pdftext-'));
  try {
    await writeFile(join(dir, 'doc.pdf'), pdf);
    const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', join(dir, 'doc.pdf'), '-']);
    return stdout.normalize('NFC');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Page 1 rendered by poppler (pdftoppm), greyscale PNG, with whatever poppler complained about on stderr. */
export async function renderFirstPage(pdf: Uint8Array, dpi = 30): Promise<{ png: Uint8Array; stderr: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-pdftoppm-'));
  try {
    await writeFile(join(dir, 'doc.pdf'), pdf);
    const { stderr } = await promisify(execFile)('pdftoppm', ['-png', '-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', join(dir, 'doc.pdf'), join(dir, 'page')]);
    return { png: new Uint8Array(await readFile(join(dir, 'page.png'))), stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
