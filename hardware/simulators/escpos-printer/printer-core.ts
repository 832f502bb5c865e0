import { createEscPosDecoder, type DecodedCommand, type EscPosDecoder } from './decoder';
import { createPageBuilder, type PageBuilder, type PrintedPage } from './page';
import { canPrint, healthyCondition, statusByte, transmitStatusByte, type SimulatedCondition } from './status-script';

export type SimulatorOptions = {
  /** Printable dots per line: 576 (80 mm) or 384 (58 mm). */
  readonly paperDots?: number;
  readonly condition?: Partial<SimulatedCondition>;
  /** ESC t number → a TextDecoder label, as the simulated model's code page table; others print as windows-1252. */
  readonly codePages?: Readonly<Record<number, string>>;
};

/** One connection (a TCP client, the serial line): its own decoder, answers written back to it. */
export type PrinterSession = { receive(chunk: Uint8Array): void };

export type SimulatedPrinterCore = {
  openSession(reply: (bytes: Uint8Array) => void): PrinterSession;
  readonly pages: readonly PrintedPage[];
  readonly condition: SimulatedCondition;
  /** Changes the condition; when it can print again, what waited in the buffer prints. */
  setCondition(patch: Partial<SimulatedCondition>): void;
  /** Runs out of paper once this many more raster rows have been printed: a roll ending mid-slip. */
  runOutOfPaperAfterRows(rows: number): void;
  readonly unknownCommands: readonly Uint8Array[];
  readonly statusQueries: number;
  onPage(listener: (page: PrintedPage) => void): () => void;
};

const DEFAULT_LINE_SPACING = 30;

/**
 * The printer's mechanism shared by every session: real-time status queries are answered at once, even when the
 * printer cannot print (that is what real-time means); everything that moves paper waits in a buffer while the
 * printer cannot print and comes out when it can, exactly once, as on a real printer.
 */
export function createSimulatedPrinterCore(options: SimulatorOptions = {}): SimulatedPrinterCore {
  const paperDots = options.paperDots ?? 576;
  const codePages = options.codePages ?? {};
  let condition: SimulatedCondition = { ...healthyCondition, ...options.condition };
  const pages: PrintedPage[] = [];
  const unknown: Uint8Array[] = [];
  const held: DecodedCommand[] = [];
  const listeners = new Set<(page: PrintedPage) => void>();
  let page: PageBuilder = createPageBuilder(paperDots);
  let lineSpacing = DEFAULT_LINE_SPACING;
  let codePage = 0;
  let textBytes: number[] = [];
  let rowsUntilPaperOut: number | undefined;
  let statusQueries = 0;

  const decodeText = (bytes: readonly number[]): string => {
    const label = codePages[codePage] ?? 'windows-1252';
    return new TextDecoder(label).decode(Uint8Array.from(bytes)).normalize('NFC');
  };
  const endTextLine = (): void => {
    page.addTextLine(decodeText(textBytes));
    textBytes = [];
  };

  /** Applies one command that moves paper or changes how later data prints. */
  const apply = (command: DecodedCommand): void => {
    switch (command.kind) {
      case 'initialize':
        lineSpacing = DEFAULT_LINE_SPACING;
        codePage = 0;
        textBytes = [];
        return;
      case 'raster':
        addRaster(command);
        return;
      case 'text':
        textBytes.push(...command.bytes);
        return;
      case 'line-feed':
        endTextLine();
        return;
      case 'feed-lines':
        if (textBytes.length > 0) endTextLine();
        page.addBlankRows(command.lines * lineSpacing);
        return;
      case 'feed-dots':
        if (textBytes.length > 0) endTextLine();
        page.addBlankRows(command.dots);
        return;
      case 'line-spacing':
        lineSpacing = command.dots ?? DEFAULT_LINE_SPACING;
        return;
      case 'code-page':
        codePage = command.n;
        return;
      case 'cut': {
        if (textBytes.length > 0) endTextLine();
        if (page.isEmpty) return;
        const done = page.finish(pages.length, command.mode);
        pages.push(done);
        page = createPageBuilder(paperDots);
        for (const listener of listeners) listener(done);
        return;
      }
      case 'status-query':
      case 'transmit-status':
      case 'setting':
      case 'unknown':
        return;
    }
  };

  const addRaster = (command: Extract<DecodedCommand, { kind: 'raster' }>): void => {
    // m: bit 0 doubles the width, bit 1 the height (Epson's scaled raster modes).
    const wide = (command.mode & 1) !== 0;
    const tall = (command.mode & 2) !== 0;
    const bytesPerRow = wide ? command.bytesPerRow * 2 : command.bytesPerRow;
    const rows = tall ? command.rows * 2 : command.rows;
    const data = wide || tall ? scale(command.data, command.bytesPerRow, command.rows, wide, tall) : command.data;
    page.addRows(bytesPerRow, rows, data);
    if (rowsUntilPaperOut !== undefined) {
      rowsUntilPaperOut -= rows;
      if (rowsUntilPaperOut <= 0) {
        rowsUntilPaperOut = undefined;
        condition = { ...condition, paperOut: true };
      }
    }
  };

  const run = (command: DecodedCommand): void => {
    if (command.kind === 'unknown') unknown.push(command.bytes);
    if (held.length > 0 || !canPrint(condition)) {
      held.push(command);
      return;
    }
    apply(command);
  };

  const release = (): void => {
    while (held.length > 0 && canPrint(condition)) {
      const next = held.shift();
      if (next !== undefined) apply(next);
    }
  };

  return {
    openSession(reply) {
      const decoder: EscPosDecoder = createEscPosDecoder();
      return {
        receive(chunk) {
          for (const command of decoder.push(chunk)) {
            if (command.kind === 'status-query') {
              statusQueries += 1;
              const answer = statusByte(condition, command.n);
              if (answer !== undefined) reply(Uint8Array.of(answer));
            } else if (command.kind === 'transmit-status') {
              const answer = transmitStatusByte(condition, command.n);
              if (answer !== undefined) reply(Uint8Array.of(answer));
            } else {
              run(command);
            }
          }
        },
      };
    },
    get pages() {
      return pages;
    },
    get condition() {
      return condition;
    },
    setCondition(patch) {
      condition = { ...condition, ...patch };
      release();
    },
    runOutOfPaperAfterRows(rows) {
      rowsUntilPaperOut = rows;
    },
    get unknownCommands() {
      return unknown;
    },
    get statusQueries() {
      return statusQueries;
    },
    onPage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function scale(data: Uint8Array, bytesPerRow: number, rows: number, wide: boolean, tall: boolean): Uint8Array {
  const outBytes = wide ? bytesPerRow * 2 : bytesPerRow;
  const outRows = tall ? rows * 2 : rows;
  const out = new Uint8Array(outBytes * outRows);
  for (let y = 0; y < outRows; y += 1) {
    const sy = tall ? y >> 1 : y;
    for (let x = 0; x < outBytes * 8; x += 1) {
      const sx = wide ? x >> 1 : x;
      if (((data[sy * bytesPerRow + (sx >> 3)] ?? 0) & (0x80 >> (sx & 7))) !== 0) {
        const index = y * outBytes + (x >> 3);
        out[index] = (out[index] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return out;
}
