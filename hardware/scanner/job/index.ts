export { openJobStore, sha256, type JobStore, type ScanJobRecord } from './job-store';
export type { JobManifest, JobPage, JobRequest, JobState } from './manifest';
