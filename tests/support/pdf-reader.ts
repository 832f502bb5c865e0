import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/**
 * Reads PDFs as a person does: poppler (Debian's poppler-utils, in .ci/apt-packages.txt) extracts the text and
 * rasterizes a page, and jsQR reads a QR code off the pixels.
 */
export function createPdfReader() {
  const work = mkdtempSync(join(tmpdir(), 'motcua-pdf-'));
  let fileCount = 0;

  const poppler = (tool: 'pdftotext' | 'pdftoppm', args: readonly string[]): string => {
    try {
      return execFileSync(tool, args, { encoding: 'utf8' });
    } catch (error: unknown) {
      const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
      throw new Error(missing ? `${tool} is missing: apt-get install -y poppler-utils` : String(error));
    }
  };

  const save = (bytes: Uint8Array): string => {
    const file = join(work, `form-${++fileCount}.pdf`);
    writeFileSync(file, bytes);
    return file;
  };

  return {
    /** The text as pdftotext reads it, whitespace collapsed (lines wrap differently on A4 and A5). */
    textOf: (bytes: Uint8Array): string => poppler('pdftotext', ['-enc', 'UTF-8', save(bytes), '-']).replace(/\s+/g, ' '),
    rasterize(bytes: Uint8Array, dpi = 150): PNG {
      const pdf = save(bytes);
      const name = `page-${++fileCount}`;
      poppler('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', '1', pdf, join(work, name)]);
      // pdftoppm pads the page number to the page count's width: page-7-1.png, page-7-01.png.
      const png = readdirSync(work).find((file) => file.startsWith(`${name}-`) && file.endsWith('.png'));
      if (png === undefined) throw new Error('pdftoppm wrote no page');
      return PNG.sync.read(readFileSync(join(work, png)));
    },
    decodeQr: (page: PNG): string | undefined => jsQR(new Uint8ClampedArray(page.data), page.width, page.height)?.data,
    dispose: () => rmSync(work, { recursive: true, force: true }),
  };
}
