/** The chip ID card (CCCD) reader's public surface, for the host (src-main) to wire to the kiosk API. */
export type { IdCardErrorCode, IdCardFailure } from './errors';
export { idCardErrors } from './errors';
export { cardTransportCodes, type CardTransport } from './transport';
export { readIdCard, type IdCardReadResult, type ReadOptions, type StepRecord } from './reader';
export type { AccessAttempt, AccessMethod } from './access';
export type { FileProgress } from './file-reader';
export { loadCscaCertificates, verifyPassiveAuthentication, type PassiveAuthResult } from './passive-auth';
export type { ActiveAuthResult } from './active-auth';
export type { VerifyEngine } from './signature';
export { cccdDocumentNumber, checkDigit, mrzInformation, mrzKeySeed, parseMrz, type Mrz, type MrzKeyFields } from './mrz';
// The front QR is parsed where the counter screens can use it too (pure, in src-shared).
export { parseCccdQr, type CccdQr } from '../../src-shared/domain/citizens/cccd-qr';
export { dg13DateToIso, type Dg13 } from './lds/dg13';
export type { FaceImage, FaceImageFormat } from './lds/dg2';
export type { DataGroupNumber, LdsFileName } from './lds/files';
