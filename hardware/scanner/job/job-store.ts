import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createLogger } from '../../../src-shared/log';
import { err, ok, type Failure, type Result } from '../../../src-shared/result';
import { writeFileAtomic } from '../../files/atomic-file';
import { causeText, scannerErrors, type ScannerFailure } from '../errors';
import type { RawPage } from '../scanner';
import { writeBytesAtomic } from '../../files/atomic-file';
import { jobManifestSchema, type JobManifest, type JobRequest, type JobState } from './manifest';

const log = createLogger('scanner.jobs');
const extension = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/x-portable-anymap': 'pnm' } as const;
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export type ScanJobRecord = {
  readonly id: string;
  readonly dir: string;
  manifest(): JobManifest;
  /** The page file first, then the manifest that names it: a crash between the two leaves an orphan file, not a lie. */
  addPage(page: RawPage): Promise<Result<void, ScannerFailure>>;
  setState(state: JobState, failure?: Failure): Promise<Result<void, ScannerFailure>>;
  /** Pages whose bytes still match their hash, in order; a damaged file is reported, not used. */
  readPages(): Promise<{ pages: RawPage[]; damaged: number[] }>;
  /** PDF to a temporary name, then renamed: a reader never sees half a document. */
  writePdf(bytes: Uint8Array): Promise<Result<string, ScannerFailure>>;
  pdfPath(): string;
  remove(): Promise<void>;
};

export type JobStore = {
  create(request: JobRequest): Promise<Result<ScanJobRecord, ScannerFailure>>;
  get(id: string): Promise<Result<ScanJobRecord, ScannerFailure>>;
  /** Jobs a crash or a jam left unfinished: scanning, interrupted or processing. */
  unfinished(): Promise<JobManifest[]>;
};

function record(dir: string, initial: JobManifest): ScanJobRecord {
  let manifest = initial;
  const save = async (next: JobManifest): Promise<Result<void, ScannerFailure>> => {
    try {
      await writeFileAtomic(join(dir, 'job.json'), `${JSON.stringify(next, null, 1)}\n`);
      manifest = next;
      return ok(undefined);
    } catch (cause: unknown) {
      return err(scannerErrors.storageFailed(causeText(cause)));
    }
  };
  return {
    id: manifest.id,
    dir,
    manifest: () => manifest,
    async addPage(page) {
      const position = manifest.pages.length;
      const file = `page-${String(position + 1).padStart(4, '0')}.${extension[page.format]}`;
      try {
        await writeBytesAtomic(join(dir, file), page.bytes);
      } catch (cause: unknown) {
        return err(scannerErrors.storageFailed(causeText(cause)));
      }
      const entry = { index: position, side: page.side, file, sha256: sha256(page.bytes), format: page.format, dpi: page.dpi };
      return save({ ...manifest, updatedAt: Date.now(), pages: [...manifest.pages, entry] });
    },
    async setState(state, failure) {
      const { failure: _previous, ...rest } = manifest;
      return save({ ...rest, state, updatedAt: Date.now(), ...(failure ? { failure } : {}) });
    },
    async readPages() {
      const pages: RawPage[] = [];
      const damaged: number[] = [];
      for (const entry of manifest.pages) {
        const bytes = await readFile(join(dir, entry.file)).catch(() => undefined);
        if (!bytes || sha256(bytes) !== entry.sha256) {
          damaged.push(entry.index);
          continue;
        }
        pages.push({ index: entry.index, side: entry.side, format: entry.format, bytes: new Uint8Array(bytes), dpi: entry.dpi });
      }
      if (damaged.length > 0) log.warn('scan job has damaged page files', { job: manifest.id, damaged });
      return { pages, damaged };
    },
    async writePdf(bytes) {
      try {
        await writeBytesAtomic(join(dir, 'document.pdf'), bytes);
      } catch (cause: unknown) {
        return err(scannerErrors.storageFailed(causeText(cause)));
      }
      const saved = await save({ ...manifest, updatedAt: Date.now(), pdf: { file: 'document.pdf', sha256: sha256(bytes), bytes: bytes.length } });
      return saved.ok ? ok(join(dir, 'document.pdf')) : saved;
    },
    pdfPath: () => join(dir, 'document.pdf'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

async function load(dir: string): Promise<JobManifest | undefined> {
  try {
    const parsed = jobManifestSchema.safeParse(JSON.parse(await readFile(join(dir, 'job.json'), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Scan jobs under one folder (the host's data dir / scanner / jobs), one sub-folder per job. */
export function openJobStore(root: string): JobStore {
  return {
    async create(request) {
      const id = randomUUID();
      const dir = join(root, id);
      const now = Date.now();
      const manifest: JobManifest = { version: 1, id, createdAt: now, updatedAt: now, state: 'scanning', request, pages: [] };
      try {
        await mkdir(dir, { recursive: true });
        await writeFileAtomic(join(dir, 'job.json'), `${JSON.stringify(manifest, null, 1)}\n`);
      } catch (cause: unknown) {
        return err(scannerErrors.storageFailed(causeText(cause)));
      }
      return ok(record(dir, manifest));
    },
    async get(id) {
      if (!/^[0-9a-f-]{36}$/.test(id)) return err(scannerErrors.notFound(id));
      const manifest = await load(join(root, id));
      return manifest ? ok(record(join(root, id), manifest)) : err(scannerErrors.notFound(id));
    },
    async unfinished() {
      const names = await readdir(root).catch(() => [] as string[]);
      const found: JobManifest[] = [];
      for (const name of names) {
        const manifest = await load(join(root, name));
        if (manifest && (manifest.state === 'scanning' || manifest.state === 'interrupted' || manifest.state === 'processing')) found.push(manifest);
      }
      return found.sort((a, b) => a.createdAt - b.createdAt);
    },
  };
}
