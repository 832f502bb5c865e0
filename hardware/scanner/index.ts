/** The document scanner: device backends (eSCL, SANE), the image pipeline, OCR, PDF/A and durable jobs. */
export { causeText, scannerErrors, type ScannerErrorCode, type ScannerFailure } from './errors';
export { createEsclBackend, createEsclDevice, discoverEsclScanners, isEsclUrl } from './escl';
export { openJobStore, type JobStore, type JobManifest } from './job';
export { createOcrEngine, type OcrEngine } from './ocr';
export { qualityReport, type QualityIssue, type QualityReport } from './quality';
export { createSaneBackend, createSaneDevice } from './sane';
export { cancelScanJob, resumeScan, scanDocument, type PageReport, type ScanJobFailure, type ScannedDocument, type ScanProgress, type ScanRequest } from './scan-document';
export type { ColourMode, InputSource, RawPage, ScannerBackend, ScannerCapabilities, ScannerDevice, ScannerInfo, ScannerStatus, ScanSettings } from './scanner';
