import type { Result } from '../../src-shared/result';
import type { ScannerFailure } from './errors';

/**
 * The one shape every scanner backend has (eSCL over HTTP, SANE through scanimage; TWAIN and WIA on Windows
 * later): list the devices, read what one can do, scan pages into a sink, stop when the signal aborts.
 * Backends deliver raw page images only; deskew, blank removal, OCR and the PDF are the pipeline's job, so every
 * backend yields the same document for the same paper.
 */
export type ScannerBackendKind = 'escl' | 'sane' | 'twain' | 'wia';

export type ScannerInfo = {
  /** Stable within the backend: an eSCL base URL or a SANE device name. */
  readonly id: string;
  readonly name: string;
  readonly backend: ScannerBackendKind;
};

export type InputSource = 'platen' | 'feeder';
/** bw = 1 bit, grey = 8 bit, colour = 24 bit RGB. */
export type ColourMode = 'bw' | 'grey' | 'colour';
export type PageFormat = 'image/png' | 'image/jpeg' | 'image/x-portable-anymap';

export type SourceCapabilities = {
  readonly colourModes: readonly ColourMode[];
  /** Discrete resolutions in dpi, ascending. A range (SANE) is sampled at the usual values. */
  readonly resolutions: readonly number[];
  readonly formats: readonly string[];
  readonly maxWidthMm: number;
  readonly maxHeightMm: number;
};

export type ScannerCapabilities = {
  readonly makeAndModel: string;
  readonly platen?: SourceCapabilities;
  readonly feeder?: SourceCapabilities & { readonly duplex: boolean; readonly capacity?: number };
};

/** The feeder's condition as the device reports it (eSCL AdfState, SANE status codes). */
export type FeederState = 'loaded' | 'empty' | 'jam' | 'mispick' | 'hatch-open' | 'multipick' | 'processing' | 'unknown';

export type ScannerStatus = {
  readonly state: 'idle' | 'processing' | 'testing' | 'stopped' | 'down';
  readonly feeder?: FeederState;
};

export type ScanSettings = {
  readonly source: InputSource;
  readonly duplex: boolean;
  readonly colour: ColourMode;
  readonly dpi: number;
};

/** One image as the device sent it, before any processing. */
export type RawPage = {
  /** 0-based order of arrival in the job. */
  readonly index: number;
  readonly side: 'front' | 'back';
  readonly format: PageFormat;
  readonly bytes: Uint8Array;
  readonly dpi: number;
};

export type ScanSink = {
  /** Awaited before the next page is fetched: the page is on disk before the device is asked for more. */
  onPage(page: RawPage): Promise<void>;
  readonly signal?: AbortSignal;
};

/**
 * A finished transfer: how many pages came. A jam or an empty feeder mid-job is a failure *after* some pages were
 * delivered to the sink; those pages stay valid and the caller decides to resume or cancel.
 */
export type ScanTransfer = { readonly pages: number };

export type ScannerDevice = {
  readonly info: ScannerInfo;
  capabilities(): Promise<Result<ScannerCapabilities, ScannerFailure>>;
  status(): Promise<Result<ScannerStatus, ScannerFailure>>;
  scan(settings: ScanSettings, sink: ScanSink): Promise<Result<ScanTransfer, ScannerFailure>>;
};

export type ScannerBackend = {
  readonly kind: ScannerBackendKind;
  list(): Promise<Result<readonly ScannerInfo[], ScannerFailure>>;
  open(id: string): Result<ScannerDevice, ScannerFailure>;
};
