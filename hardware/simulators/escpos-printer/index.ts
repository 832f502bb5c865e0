export { createEscPosDecoder, type DecodedCommand, type EscPosDecoder } from './decoder';
export type { PrintedPage } from './page';
export { createSimulatedPrinterCore, type PrinterSession, type SimulatedPrinterCore, type SimulatorOptions } from './printer-core';
export { openPtyPair, type PtyPair } from './pty-pair';
export { startEscPosSimulator, type EscPosSimulator, type EscPosSimulatorOptions } from './simulator';
export { healthyCondition, statusByte, type SimulatedCondition } from './status-script';
