import { err, ok, type Err, type Result } from '../../src-shared/result';
import { statusFailure, SW, type CommandApdu } from './apdu';
import { concat } from './bytes';
import type { CardChannel } from './card-channel';
import { idCardErrors, type IdCardFailure } from './errors';
import type { LdsFileInfo, LdsFileName } from './lds/files';
import { totalLengthFromHeader } from './tlv';

/**
 * Reads one elementary file: SELECT by file id, READ BINARY of the first bytes to learn the TLV length, then
 * the rest in chunks as large as the link allows (0xDF under short APDUs — the largest that still fits 256
 * bytes once secure messaging pads and MACs it — or a few KB with extended length). A chip may answer with
 * fewer bytes than asked; reading simply continues from where it stopped.
 *
 * Transient trouble (a lost frame, a garbled MAC, 6F00/6281) ends the secure-messaging session on both sides,
 * so recovery re-opens the session through `recover` and retries the same offset, a bounded number of times.
 */
export type FileProgress = { readonly file: LdsFileName; readonly bytesRead: number; readonly totalBytes: number };

/** Shared by the reads of one session, so a chip's refusal of extended length is learnt once. */
export type LinkState = { chunkSize: number };

export type FileReadOptions = {
  readonly link: LinkState;
  readonly maxRetries: number;
  readonly recover: () => Promise<Result<void, IdCardFailure>>;
  readonly onProgress?: (progress: FileProgress) => void;
};

export const SHORT_CHUNK = 0xdf;
const HEADER_READ = 8;
/** READ BINARY with even INS addresses 15 bits; larger files would need the odd-INS variant (not implemented). */
const MAX_OFFSET = 0x7fff;
const TRANSIENT_SW: ReadonlySet<number> = new Set([0x6281, SW.noPreciseDiagnosis, SW.smObjectsMissing, SW.smObjectsIncorrect]);

export type FileReadOutcome = { readonly kind: 'read'; readonly bytes: Uint8Array } | { readonly kind: 'absent' } | { readonly kind: 'denied' };

type Answer = 'transient' | Err<IdCardFailure> | { readonly sw: number; readonly data: Uint8Array; readonly authenticated: boolean };

const isTransient = (failure: IdCardFailure): boolean => failure.code === 'id-card.transient' || failure.code === 'id-card.secure-messaging';
const withFile = (failure: IdCardFailure, file: LdsFileName): IdCardFailure =>
  failure.code === 'id-card.card-removed' ? idCardErrors.cardRemoved(file) : { ...failure, file };

export async function readFile(card: CardChannel, file: LdsFileInfo, options: FileReadOptions): Promise<Result<FileReadOutcome, IdCardFailure>> {
  const link = options.link;
  let retriesLeft = options.maxRetries;

  /** Runs one command; transient trouble comes back as 'transient' so the loop can recover and retry. */
  const run = async (command: CommandApdu): Promise<Answer> => {
    const reply = await card.send(command);
    if (!reply.ok) return isTransient(reply.error) ? 'transient' : err(withFile(reply.error, file.name));
    if (TRANSIENT_SW.has(reply.value.sw)) return 'transient';
    return { sw: reply.value.sw, data: reply.value.data, authenticated: reply.value.authenticated };
  };

  const recover = async (): Promise<Result<void, IdCardFailure>> => {
    if (retriesLeft <= 0) return err({ ...idCardErrors.transient(`${file.name}: too many communication errors`), file: file.name });
    retriesLeft -= 1;
    const reopened = await options.recover();
    return reopened.ok ? reopened : err(withFile(reopened.error, file.name));
  };

  const select = async (): Promise<Result<'selected' | 'absent', IdCardFailure>> => {
    for (;;) {
      const answer = await run({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: Uint8Array.of(file.fid >> 8, file.fid & 0xff) });
      if (answer === 'transient') {
        const recovered = await recover();
        if (!recovered.ok) return recovered;
        continue;
      }
      if ('ok' in answer) return answer;
      if (answer.sw === SW.fileNotFound) return ok('absent');
      if (answer.sw !== SW.success) return err({ ...statusFailure(answer.sw, `SELECT ${file.name}`), file: file.name });
      return ok('selected');
    }
  };

  const selected = await select();
  if (!selected.ok) return selected;
  if (selected.value === 'absent') return ok({ kind: 'absent' });

  let data: Uint8Array = new Uint8Array(0);
  let total: number | undefined;
  while (total === undefined || data.length < total) {
    const offset = data.length;
    if (offset > MAX_OFFSET) return err(idCardErrors.ldsMalformed(file.name, 'file larger than 32 KB (needs READ BINARY B1)'));
    const wanted = total === undefined ? HEADER_READ : Math.min(link.chunkSize, total - offset);
    const answer = await run({ cla: 0, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, ne: wanted });
    if (answer === 'transient') {
      const recovered = await recover();
      if (!recovered.ok) return recovered;
      const reselected = await select();
      if (!reselected.ok) return reselected;
      continue;
    }
    if ('ok' in answer) return answer;
    if (answer.sw === SW.securityStatusNotSatisfied && offset === 0) return ok({ kind: 'denied' });
    if (answer.sw === SW.wrongLength && link.chunkSize > SHORT_CHUNK && wanted > SHORT_CHUNK) {
      // The chip refused an extended APDU: short reads from now on. A bare status word under secure messaging
      // means the chip dropped the session, so it is re-opened first.
      link.chunkSize = SHORT_CHUNK;
      if (card.secured() && !answer.authenticated) {
        const recovered = await recover();
        if (!recovered.ok) return recovered;
        const reselected = await select();
        if (!reselected.ok) return reselected;
      }
      continue;
    }
    if ((answer.sw !== SW.success && answer.sw !== SW.endOfFile) || answer.data.length === 0)
      return err({ ...statusFailure(answer.sw, `READ BINARY ${file.name}`), file: file.name });
    data = concat(data, answer.data);
    if (total === undefined) {
      const length = totalLengthFromHeader(data);
      if (!length.ok || length.value === undefined) return err(idCardErrors.ldsMalformed(file.name, 'unreadable TLV header'));
      total = length.value;
      if (data.length > total) data = data.slice(0, total);
    }
    options.onProgress?.({ file: file.name, bytesRead: data.length, totalBytes: total });
  }
  return ok({ kind: 'read', bytes: data });
}
