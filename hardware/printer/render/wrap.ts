import type { TextRun } from '../slips/blocks';

/** Width in dots of `text` set in the regular or bold face at the paragraph's size. */
export type Measure = (text: string, bold: boolean) => number;

export type LineSegment = { readonly text: string; readonly bold: boolean; readonly x: number; readonly width: number };
export type WrappedLine = { readonly segments: readonly LineSegment[]; readonly width: number };

type Word = { readonly text: string; readonly bold: boolean; readonly spaceBefore: boolean; readonly breakBefore: boolean };

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/**
 * Greedy word wrap over styled runs. Vietnamese is written syllable by syllable with spaces, so breaking at spaces
 * is right; a "word" wider than the line (a long code, a URL) is cut between graphemes, never inside one, so a
 * tone mark is never separated from its letter. `\n` in the text forces a break.
 */
export function wrapRuns(runs: readonly TextRun[], maxWidth: number, measure: Measure): readonly WrappedLine[] {
  const lines: WrappedLine[] = [];
  let current: LineSegment[] = [];
  let width = 0;

  const flush = (): void => {
    lines.push({ segments: current, width });
    current = [];
    width = 0;
  };
  const append = (text: string, bold: boolean): void => {
    const last = current[current.length - 1];
    if (last !== undefined && last.bold === bold) {
      // Measure the merged segment as a whole: kerning across the join then matches what gets painted.
      const merged = last.text + text;
      const mergedWidth = measure(merged, bold);
      current[current.length - 1] = { text: merged, bold, x: last.x, width: mergedWidth };
      width = last.x + mergedWidth;
    } else {
      const segmentWidth = measure(text, bold);
      current.push({ text, bold, x: width, width: segmentWidth });
      width += segmentWidth;
    }
  };

  for (const word of tokenize(runs)) {
    if (word.breakBefore) flush();
    const wordWidth = measure(word.text, word.bold);
    if (current.length > 0) {
      const spaceWidth = word.spaceBefore ? measure(' ', word.bold) : 0;
      if (width + spaceWidth + wordWidth <= maxWidth) {
        if (word.spaceBefore) append(' ', word.bold);
        append(word.text, word.bold);
        continue;
      }
      flush();
    }
    if (wordWidth <= maxWidth) {
      append(word.text, word.bold);
      continue;
    }
    for (const piece of splitWord(word.text, maxWidth, (t) => measure(t, word.bold))) {
      if (current.length > 0) flush();
      append(piece, word.bold);
    }
  }
  if (current.length > 0 || lines.length === 0) flush();
  return lines;
}

function tokenize(runs: readonly TextRun[]): readonly Word[] {
  const words: Word[] = [];
  let pendingSpace = false;
  let pendingBreak = false;
  for (const run of runs) {
    for (const token of run.text.normalize('NFC').split(/(\n|[^\S\n]+)/)) {
      if (token === '') continue;
      if (token === '\n') {
        pendingBreak = words.length > 0;
        pendingSpace = false;
      } else if (/^\s+$/.test(token)) {
        pendingSpace = true;
      } else {
        words.push({ text: token, bold: run.bold, spaceBefore: pendingSpace && !pendingBreak, breakBefore: pendingBreak });
        pendingSpace = false;
        pendingBreak = false;
      }
    }
  }
  return words;
}

function splitWord(text: string, maxWidth: number, measure: (text: string) => number): readonly string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of graphemes.segment(text)) {
    if (piece !== '' && measure(piece + segment) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += segment;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}
