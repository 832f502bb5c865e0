import type { X509Certificate } from 'node:crypto';
import { createLogger } from '../../src-shared/log';
import { err, ok, type Result } from '../../src-shared/result';
import { openApplication, reopenApplication, type AccessAttempt, type AccessKeys, type AccessReport } from './access';
import { performActiveAuthentication, type ActiveAuthResult } from './active-auth';
import { systemRandom, type Random } from './bac';
import { createCardChannel } from './card-channel';
import {
  chipAuthenticationOffers,
  chooseChipAuthentication,
  dataGroupMatchesSod,
  performChipAuthentication,
  type ChipAuthenticationOffer,
  type ChipAuthenticationResult,
} from './chip-auth';
import type { SecurityInfos } from './card-access';
import { idCardErrors, type IdCardFailure } from './errors';
import { readFile, SHORT_CHUNK, type FileProgress } from './file-reader';
import { parseCom, type EfCom } from './lds/com';
import { parseDg1 } from './lds/dg1';
import { parseDg13, type Dg13 } from './lds/dg13';
import { parseDg2, type FaceImage } from './lds/dg2';
import { dataGroup, EF_COM, EF_SOD, isDataGroupNumber, type DataGroupNumber, type LdsFileInfo, type LdsFileName } from './lds/files';
import { parseDg14, parseDg15 } from './lds/security-files';
import { mrzInformation, type Mrz, type MrzKeyFields } from './mrz';
import { verifyPassiveAuthentication, type PassiveAuthResult } from './passive-auth';
import type { VerifyEngine } from './signature';
import { parseSod } from './sod';
import type { CardTransport } from './transport';

/**
 * The whole reading procedure over any CardTransport: open the application (PACE-CAN → PACE-MRZ → BAC), read
 * EF.SOD, EF.COM, then DG14 and Chip Authentication when DG14 offers it and matches the SOD (so the other data
 * groups travel under the chip's own keys), the wanted data groups, Active Authentication when DG15 is there and
 * CA did not pass (Doc 9303-11 §6: CA is preferred), and Passive Authentication over everything read. Each step is timed. Only a card that cannot be opened or that leaves the
 * reader ends the read with an error; a malformed data group or a failed check is reported in the result.
 */
export type ReadOptions = {
  /** Card access number: the last 6 digits of the 12-digit ID (canFromCitizenId). */
  readonly can?: string;
  /** Document number, date of birth and expiry (YYMMDD) for PACE-MRZ and BAC. */
  readonly mrz?: MrzKeyFields;
  readonly trustedCscas?: readonly X509Certificate[];
  /** 'pure-ecdsa' verifies EC signatures in BigInt, for hosts whose crypto lacks brainpool (Electron). */
  readonly signatureEngine?: VerifyEngine;
  /** Default 1, 2, 13, 14, 15. Others (DG3 fingerprints needs EAC) are attempted and reported as denied. */
  readonly dataGroups?: readonly DataGroupNumber[];
  /** Only when the reader and the chip both support extended-length APDUs. */
  readonly extendedLength?: boolean;
  readonly chunkSize?: number;
  /** Session re-openings allowed per file after transient errors. */
  readonly maxRetries?: number;
  readonly activeAuthentication?: boolean;
  readonly onProgress?: (progress: FileProgress) => void;
  readonly random?: Random;
  readonly clock?: () => number;
};

export type StepRecord = {
  readonly step: string;
  readonly outcome: 'ok' | 'failed' | 'skipped';
  readonly durationMs: number;
  readonly detail?: string;
};

export type IdCardReadResult = {
  readonly access: { readonly method: AccessReport['method']; readonly attempts: readonly AccessAttempt[]; readonly cardAccess: SecurityInfos | undefined };
  readonly com: Result<EfCom, IdCardFailure> | undefined;
  readonly dg1: Result<Mrz, IdCardFailure> | undefined;
  readonly dg2: Result<FaceImage, IdCardFailure> | undefined;
  readonly dg13: Result<Dg13, IdCardFailure> | undefined;
  readonly dg14: Result<SecurityInfos, IdCardFailure> | undefined;
  readonly dg15Present: boolean;
  /** Raw bytes of every file read (personal data: keep in memory, never log). */
  readonly files: ReadonlyMap<LdsFileName, Uint8Array>;
  /** Data groups the chip refused to show without further authentication (e.g. DG3 under EAC). */
  readonly deniedDataGroups: readonly DataGroupNumber[];
  readonly passiveAuthentication: PassiveAuthResult;
  readonly activeAuthentication: ActiveAuthResult;
  readonly chipAuthentication: ChipAuthenticationResult;
  readonly steps: readonly StepRecord[];
  readonly totalMs: number;
};

const log = createLogger('hardware.id-card.reader');
const DEFAULT_GROUPS: readonly DataGroupNumber[] = [1, 2, 13, 14, 15];
const EXTENDED_CHUNK = 0x0800;

export async function readIdCard(transport: CardTransport, options: ReadOptions): Promise<Result<IdCardReadResult, IdCardFailure>> {
  const clock = options.clock ?? (() => performance.now());
  const random = options.random ?? systemRandom;
  const started = clock();
  const steps: StepRecord[] = [];
  const timed = async <T>(step: string, run: () => Promise<T>, outcome: (value: T) => Pick<StepRecord, 'outcome' | 'detail'>): Promise<T> => {
    const at = clock();
    const value = await run();
    steps.push({ step, durationMs: clock() - at, ...outcome(value) });
    return value;
  };

  let mrzInfo: string | undefined;
  if (options.mrz !== undefined) {
    const info = mrzInformation(options.mrz);
    if (!info.ok) return info;
    mrzInfo = info.value;
  }
  const keys: AccessKeys = { ...(options.can === undefined ? {} : { can: options.can }), ...(mrzInfo === undefined ? {} : { mrzInformation: mrzInfo }) };
  const card = createCardChannel(transport, options.extendedLength ?? false);
  const accessOptions = { random, clock };

  const access = await timed('open-application', () => openApplication(card, keys, accessOptions), (r) =>
    r.ok ? { outcome: 'ok', detail: r.value.method } : { outcome: 'failed', detail: r.error.code },
  );
  if (!access.ok) {
    log.warn('chip could not be opened', { code: access.error.code, attempts: access.error.attempts?.map((a) => `${a.method}:${a.outcome}`) });
    return err(access.error);
  }

  const files = new Map<LdsFileName, Uint8Array>();
  const denied: DataGroupNumber[] = [];
  // Set once Chip Authentication passed: a session re-opened after a transient error must redo it.
  let chipKeyOffer: ChipAuthenticationOffer | undefined;
  const recover = async (): Promise<Result<void, IdCardFailure>> => {
    const reopened = await reopenApplication(card, keys, access.value, accessOptions);
    if (!reopened.ok || chipKeyOffer === undefined) return reopened;
    const again = await performChipAuthentication(card, chipKeyOffer, random);
    if (!again.ok) return again;
    return again.value.status === 'passed' ? ok(undefined) : err(idCardErrors.transient('Chip Authentication could not be repeated'));
  };
  const fileOptions = {
    link: { chunkSize: options.chunkSize ?? (card.extendedLength ? EXTENDED_CHUNK : SHORT_CHUNK) },
    maxRetries: options.maxRetries ?? 2,
    recover,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  };
  const read = async (file: LdsFileInfo): Promise<Result<void, IdCardFailure>> => {
    const outcome = await timed(`read ${file.name}`, () => readFile(card, file, fileOptions), (r) =>
      r.ok ? { outcome: r.value.kind === 'read' ? 'ok' : 'skipped', detail: r.value.kind } : { outcome: 'failed', detail: r.error.code },
    );
    if (!outcome.ok) return outcome;
    if (outcome.value.kind === 'read') files.set(file.name, outcome.value.bytes);
    const number = Number(file.name.slice(2));
    if (outcome.value.kind === 'denied' && file.name.startsWith('DG') && isDataGroupNumber(number)) denied.push(number);
    return ok(undefined);
  };

  for (const file of [EF_SOD, EF_COM]) {
    const done = await read(file);
    if (!done.ok) return failWith(done.error, steps);
  }
  const sodBytes = files.get('EF.SOD');
  const sod = sodBytes === undefined ? undefined : parseSod(sodBytes);
  const com = files.get('EF.COM');
  const comParsed = com === undefined ? undefined : parseCom(com);
  // Read what is wanted and announced by EF.COM or the SOD; with neither readable, try every wanted group.
  const announced = new Set<number>([...(comParsed?.ok ? comParsed.value.dataGroups : []), ...(sod?.ok ? sod.value.dataGroupHashes.keys() : [])]);
  const wanted = (options.dataGroups ?? DEFAULT_GROUPS).filter((n) => announced.size === 0 || announced.has(n));
  // DG14 first: Chip Authentication follows it at once, so every other data group is read under the new keys.
  const ordered = wanted.includes(14) ? [14 as const, ...wanted.filter((n) => n !== 14)] : wanted;

  let chipAuthentication: ChipAuthenticationResult = { status: 'not-offered', reason: 'DG14 not read' };
  const runChipAuthentication = async (): Promise<Result<ChipAuthenticationResult, IdCardFailure>> => {
    const dg14Bytes = files.get('DG14');
    if (dg14Bytes === undefined) return ok({ status: 'not-offered', reason: 'DG14 not present' });
    const offers = chipAuthenticationOffers(dg14Bytes);
    if (!offers.ok) return ok({ status: 'failed', detail: offers.error.messageEn });
    if (offers.value.length === 0) return ok({ status: 'not-offered', reason: 'DG14 offers no Chip Authentication' });
    // Passive authentication of DG14 (its hash; the SOD signature is checked with the rest at the end).
    if (sod === undefined || !sod.ok || !dataGroupMatchesSod(sod.value, 14, dg14Bytes))
      return ok({ status: 'failed', detail: 'DG14 does not match its hash in EF.SOD; its key is not trusted' });
    const offer = chooseChipAuthentication(offers.value);
    const first = offers.value[0];
    if (offer === undefined)
      return ok({ status: 'not-supported', protocol: first?.protocol ?? '', reason: first?.keyProblem ?? `unsupported Chip Authentication variant ${first?.protocol ?? ''}` });
    const outcome = await timed('chip-authentication', () => performChipAuthentication(card, offer, random), (r) =>
      r.ok ? { outcome: r.value.status === 'passed' ? 'ok' : 'failed', detail: r.value.status } : { outcome: 'failed', detail: r.error.code },
    );
    if (!outcome.ok) return outcome;
    if (outcome.value.status === 'passed') chipKeyOffer = offer;
    else {
      // The chip dropped the session (or never switched keys): open it again as before and read on without CA.
      const reopened = await reopenApplication(card, keys, access.value, accessOptions);
      if (!reopened.ok) return reopened;
    }
    return outcome;
  };

  for (const n of ordered) {
    const done = await read(dataGroup(n));
    if (!done.ok) return failWith(done.error, steps);
    if (n === 14) {
      const ca = await runChipAuthentication();
      if (!ca.ok) return failWith(ca.error, steps);
      chipAuthentication = ca.value;
    }
  }

  const bytesOf = (n: DataGroupNumber): Uint8Array | undefined => files.get(`DG${n}`);
  const parsed = <T>(n: DataGroupNumber, parse: (bytes: Uint8Array) => Result<T, IdCardFailure>): Result<T, IdCardFailure> | undefined => {
    const bytes = bytesOf(n);
    return bytes === undefined ? undefined : parse(bytes);
  };
  const dg14 = parsed(14, parseDg14);
  const dg15 = parsed(15, parseDg15);

  let activeAuthentication: ActiveAuthResult = { status: 'not-attempted', reason: 'DG15 not present' };
  if (dg15 !== undefined && chipAuthentication.status === 'passed')
    activeAuthentication = { status: 'not-attempted', reason: 'Chip Authentication passed (preferred over Active Authentication, Doc 9303-11 §6)' };
  else if (dg15 !== undefined && !dg15.ok) activeAuthentication = { status: 'failed', detail: dg15.error.messageEn };
  else if (dg15?.ok && options.activeAuthentication === false) activeAuthentication = { status: 'not-attempted', reason: 'disabled by configuration' };
  else if (dg15?.ok) {
    const key = dg15.value;
    const aa = await timed('active-authentication', () => performActiveAuthentication(card, key, dg14?.ok ? dg14.value : undefined, random), (r) =>
      r.ok ? { outcome: r.value.status === 'passed' ? 'ok' : 'failed', detail: r.value.status } : { outcome: 'failed', detail: r.error.code },
    );
    if (!aa.ok) return failWith(aa.error, steps);
    activeAuthentication = aa.value;
  }

  const dataGroups = new Map<number, Uint8Array>();
  for (const [name, bytes] of files) if (name.startsWith('DG')) dataGroups.set(Number(name.slice(2)), bytes);
  const passiveAuthentication = await timed(
    'passive-authentication',
    async () =>
      sodBytes === undefined
        ? ({ status: 'failed', check: 'malformed', detail: 'EF.SOD is missing' } as const)
        : verifyPassiveAuthentication({ sod: sodBytes, dataGroups, trustedCscas: options.trustedCscas ?? [], engine: options.signatureEngine ?? 'auto' }),
    (r) => ({ outcome: r.status === 'passed' ? 'ok' : 'failed', detail: r.status === 'failed' ? r.check : r.status }),
  );

  const result: IdCardReadResult = {
    access: { method: access.value.method, attempts: access.value.attempts, cardAccess: access.value.cardAccess },
    com: comParsed,
    dg1: parsed(1, parseDg1),
    dg2: parsed(2, parseDg2),
    dg13: parsed(13, parseDg13),
    dg14,
    dg15Present: dg15 !== undefined,
    files,
    deniedDataGroups: denied,
    passiveAuthentication,
    activeAuthentication,
    chipAuthentication,
    steps,
    totalMs: clock() - started,
  };
  log.info('chip read', {
    method: result.access.method,
    files: [...files.keys()],
    passive: passiveAuthentication.status,
    active: activeAuthentication.status,
    chip: chipAuthentication.status,
    totalMs: Math.round(result.totalMs),
  });
  return ok(result);
}

function failWith(failure: IdCardFailure, steps: readonly StepRecord[]): Result<never, IdCardFailure> {
  log.warn('chip read stopped', { code: failure.code, file: failure.file, steps: steps.length });
  return err(failure);
}

