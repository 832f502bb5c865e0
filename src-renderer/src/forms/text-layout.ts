/**
 * Line breaking for the forms, independent of pdf-lib so it can be tested with any width function. Text comes
 * from citizens and the portal: control characters become spaces, and a word wider than the line (a long
 * e-mail address) is cut by characters rather than running off the page.
 */

/** A piece of text in one weight; a paragraph is a list of runs ("Họ và tên: " regular, the name bold). */
export type Run = { readonly text: string; readonly bold?: boolean };

/** Consecutive words of one weight on one line, drawn with a single text operation (keeps spaces extractable). */
export type Segment = { readonly text: string; readonly bold: boolean; readonly width: number };

export type Line = { readonly segments: readonly Segment[]; readonly width: number };

export type Measure = (text: string, bold: boolean) => number;

type Token = { readonly text: string; readonly bold: boolean; readonly kind: 'word' | 'space' | 'break' };

/** Tabs and other control characters would reach the PDF as glyphs the font lacks. */
export function cleanText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
    const code = char.codePointAt(0) ?? 0;
    const control = (code < 0x20 && char !== '\n') || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
    out += control ? ' ' : char;
  }
  return out;
}

function tokenize(runs: readonly Run[]): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    const bold = run.bold === true;
    for (const part of cleanText(run.text).split(/(\n| +)/)) {
      if (part === '') continue;
      if (part === '\n') tokens.push({ text: '', bold, kind: 'break' });
      else if (part.trim() === '') tokens.push({ text: ' ', bold, kind: 'space' });
      else tokens.push({ text: part, bold, kind: 'word' });
    }
  }
  return tokens;
}

/** Greedy line filling: the forms are short and left-aligned, so nothing smarter is needed. */
export function wrapRuns(runs: readonly Run[], maxWidth: number, measure: Measure): Line[] {
  const lines: Line[] = [];
  let pieces: { text: string; bold: boolean }[] = [];
  let width = 0;
  let pendingSpace: Token | undefined;

  const flush = (): void => {
    const segments: Segment[] = [];
    for (const piece of pieces) {
      const last = segments[segments.length - 1];
      if (last !== undefined && last.bold === piece.bold) segments[segments.length - 1] = { ...last, text: last.text + piece.text, width: 0 };
      else segments.push({ text: piece.text, bold: piece.bold, width: 0 });
    }
    const measured = segments.map((s) => ({ ...s, width: measure(s.text, s.bold) }));
    lines.push({ segments: measured, width: measured.reduce((sum, s) => sum + s.width, 0) });
    pieces = [];
    width = 0;
    pendingSpace = undefined;
  };

  for (const token of tokenize(runs)) {
    if (token.kind === 'break') {
      flush();
      continue;
    }
    if (token.kind === 'space') {
      if (pieces.length > 0) pendingSpace = token;
      continue;
    }
    const wordWidth = measure(token.text, token.bold);
    const spaceWidth = pendingSpace === undefined ? 0 : measure(' ', pendingSpace.bold);
    if (pieces.length > 0 && width + spaceWidth + wordWidth <= maxWidth) {
      if (pendingSpace !== undefined) pieces.push({ text: ' ', bold: pendingSpace.bold });
      pieces.push({ text: token.text, bold: token.bold });
      width += spaceWidth + wordWidth;
      pendingSpace = undefined;
      continue;
    }
    if (pieces.length > 0) flush();
    for (const chunk of splitWord(token.text, maxWidth, (t) => measure(t, token.bold))) {
      if (pieces.length > 0) flush();
      pieces.push({ text: chunk, bold: token.bold });
      width = measure(chunk, token.bold);
    }
    pendingSpace = undefined;
  }
  if (pieces.length > 0 || lines.length === 0) flush();
  return lines;
}

/** Cuts a word that does not fit on a line into pieces that do (at least one character each). */
function splitWord(word: string, maxWidth: number, measure: (text: string) => number): string[] {
  if (measure(word) <= maxWidth) return [word];
  const chunks: string[] = [];
  let current = '';
  for (const char of word) {
    if (current !== '' && measure(current + char) > maxWidth) {
      chunks.push(current);
      current = '';
    }
    current += char;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** The largest size (down to `min`) at which one line of text fits the width: headings must stay on one line. */
export function fitSize(text: string, maxWidth: number, size: number, min: number, measureAt: (text: string, size: number) => number): number {
  let current = size;
  while (current > min && measureAt(text, current) > maxWidth) current = Math.max(min, current - 0.25);
  return current;
}
