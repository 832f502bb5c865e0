export { startEsclSimulator, type EsclSimulator, type EsclSimulatorOptions } from './simulator';
export { defaultScript, type ScannerScript, type SimulatedSheet } from './script';
export { a4Pixels, renderTestPage, testPageLines, type TestPageKind } from './test-pages';
export { advertiseEscl, advertisementRecords } from './advertise';
