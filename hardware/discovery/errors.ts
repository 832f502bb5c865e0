import { failure, type Failure } from '../../src-shared/result';

/** Failures of device discovery: a source that cannot look is reported, never thrown. */
export type DiscoveryErrorCode = 'discovery.source-unavailable' | 'discovery.source-failed' | 'discovery.probe-failed';
export type DiscoveryFailure = Failure<DiscoveryErrorCode>;

export const discoveryErrors = {
  unavailable: (source: string, detail: string): DiscoveryFailure =>
    failure('discovery.source-unavailable', `Không dò được thiết bị ${source} (${detail}).`, `Cannot look for ${source} devices (${detail}).`),
  failed: (source: string, detail: string): DiscoveryFailure =>
    failure('discovery.source-failed', `Dò thiết bị ${source} bị lỗi (${detail}).`, `Looking for ${source} devices failed (${detail}).`),
};

export const messageOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));
