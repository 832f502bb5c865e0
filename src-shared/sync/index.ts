export * from './protocol';
export * from './errors';
export * from './backoff';
export * from './http';
export * from './store-port';
export * from './engine';
export * from './enroll';
export * from './center-client';
