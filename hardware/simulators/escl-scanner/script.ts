import type { TestPageKind } from './test-pages';

/** One sheet of paper in the feeder: its front, and its back when the job is duplex (absent = a blank back). */
export type SimulatedSheet = { readonly front: TestPageKind; readonly back?: TestPageKind };

/**
 * What the simulated device does during the next jobs: the paper in its feeder and on its glass, and the
 * misbehaviours real devices show (warm-up 503 storms, jams, a job dropped from the panel, slow pages).
 */
export type ScannerScript = {
  readonly feeder: readonly SimulatedSheet[];
  readonly platen: TestPageKind;
  /** 503 answers before each image is ready (a device still scanning or warming up). */
  readonly busyBeforeEachPage: number;
  /** The feeder jams after this many sheets have gone through; the job is aborted with AdfState ScannerAdfJam. */
  readonly jamAfterSheets?: number;
  /** The job disappears (410) after this many images, as when someone presses Stop on the panel. */
  readonly dropJobAfterImages?: number;
  /** Delay before answering each NextDocument, to let tests cancel mid-job. */
  readonly pageDelayMs: number;
};

export const defaultScript: ScannerScript = {
  feeder: [{ front: 'text' }, { front: 'text' }, { front: 'blank' }, { front: 'skewed' }, { front: 'text' }],
  platen: 'text',
  busyBeforeEachPage: 0,
  pageDelayMs: 0,
};
