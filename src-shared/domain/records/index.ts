export * from './status';
export * from './errors';
export * from './ids';
export * from './record';
export * from './record-code';
export * from './receipt';
export * from './lifecycle';
export { parseWith } from './validation';
export * from './code-leases';
