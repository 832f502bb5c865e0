/** The printer layer's public surface, for the host (src-main) to wire to the kiosk API. */
export type { PrinterErrorCode, PrinterFailure } from './errors';
export { printerErrors } from './errors';
export * from './slip-schema';
export { slipBlocks, REPRINT_MARK, type SlipBlock } from './slips';
export { renderSlip, renderBlocks, type RenderOptions } from './render/render-slip';
export type { MonoBitmap } from './render/bitmap';
export { encodeSlip, type EncodeSlipOptions } from './encode-slip';
export { encodeCalibrationSlip, encodeRasterJob, encodeTextJob, parseStatusBytes, type PrinterStatus, type TextModeConfig } from './escpos';
export { parseTextModeSetting } from './escpos/text-mode';
export { calibrationSampleLines } from './slips/queue-ticket-text';
export { queryPrinterStatus } from './status-query';
export { checkReadiness, type Readiness } from './readiness';
export type { ConnectPrinter, PrinterTransport } from './transport';
export { openUsbLinePrinter } from './usb-lp-transport';
export { openPrintQueue, type CrashPoint, type PrintJob, type PrintJobState, type PrintQueue, type PrintQueueOptions, type UncertainDecision } from './queue';
