import { err, ok, type Result } from '../../../src-shared/result';
import { printerErrors, type PrinterFailure } from '../errors';

/**
 * Single-byte code pages for text mode. Windows-1258 writes Vietnamese as a letter plus a combining tone mark
 * (it has no room for every precomposed syllable); Windows-1252 is the plain Western fallback most printers have.
 */
export type CodePageName = 'windows-1258' | 'windows-1252';

const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

const tables = new Map<CodePageName, ReadonlyMap<string, number>>();

/** The character → byte table, read from the platform's own decoder so no table is typed in by hand. */
function tableOf(codePage: CodePageName): ReadonlyMap<string, number> {
  const cached = tables.get(codePage);
  if (cached !== undefined) return cached;
  const decoder = new TextDecoder(codePage);
  const table = new Map<string, number>();
  for (let byte = 0x20; byte <= 0xff; byte += 1) {
    if (byte === 0x7f) continue;
    const char = decoder.decode(Uint8Array.of(byte));
    if (char !== '\ufffd' && !table.has(char)) table.set(char, byte);
  }
  tables.set(codePage, table);
  return table;
}

/** Encodes text for a printer set to `codePage`; a character the page cannot hold is an error, never a silent '?'. */
export function encodeCodePage(text: string, codePage: CodePageName): Result<Uint8Array, PrinterFailure> {
  const table = tableOf(codePage);
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const direct = table.get(char);
    if (direct !== undefined) {
      bytes.push(direct);
      continue;
    }
    // "ấ" → "â" + combining acute: compose the letter without its tone, then append the tone as its own byte.
    const parts = [...char.normalize('NFD')];
    const tones = parts.filter((p) => TONE_MARKS.has(p));
    const letter = parts
      .filter((p) => !TONE_MARKS.has(p))
      .join('')
      .normalize('NFC');
    const letterByte = table.get(letter);
    const toneBytes = tones.map((t) => table.get(t));
    if (tones.length === 0 || letterByte === undefined || toneBytes.some((b) => b === undefined)) return err(printerErrors.unencodableText(char));
    bytes.push(letterByte, ...toneBytes.filter((b): b is number => b !== undefined));
  }
  return ok(Uint8Array.from(bytes));
}
