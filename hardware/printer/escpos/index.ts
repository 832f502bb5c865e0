export * from './commands';
export { DEFAULT_SLICE_LINES, MAX_SLICE_LINES, MIN_SLICE_LINES, rasterSlices } from './raster';
export { encodeRasterJob, type RasterJobOptions } from './job';
export { isStatusByte, notReadyReason, parseStatusBytes, type PrinterStatus, type StatusBytes } from './status';
export { encodeCodePage, type CodePageName } from './code-page';
export { encodeCalibrationSlip, encodeTextJob, type TextModeConfig } from './text-mode';
