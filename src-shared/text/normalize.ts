// Zero-width characters and the BOM ride along when text is copied from web portals and PDFs; they are
// invisible to the officer but make two equal-looking names differ.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/gu;

/**
 * Stored text is NFC: the same word typed on a Telex keyboard, pasted from a PDF (often NFD) or read from a
 * chip must be one string. Tone placement is kept as written ("Hoà" and "Hòa" both occur in official names);
 * only search folds it (see search-key.ts).
 */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').trim();
}

/** A person's or a place's name: NFC, trimmed, every run of whitespace (including no-break spaces) one space. */
export function normalizeName(value: string): string {
  return normalizeText(value).replace(/\s+/gu, ' ');
}
