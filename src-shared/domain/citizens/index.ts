export { parseCccdQr, type CccdQr } from './cccd-qr';
export { createKeyboardWedge, defaultWedgeOptions, type KeyboardWedge, type WedgeOptions } from './keyboard-wedge';
