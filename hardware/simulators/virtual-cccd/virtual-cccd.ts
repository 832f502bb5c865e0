import { err, failure, ok, type Failure, type Result } from '../../../src-shared/result';
import { decodeCommand, encodeResponse, SW, type CommandApdu, type ResponseApdu } from '../../id-card/apdu';
import { systemRandom, type Random } from '../../id-card/bac';
import type { IdCardFailure } from '../../id-card/errors';
import type { DataGroupNumber, LdsFileName } from '../../id-card/lds/files';
import { cardTransportCodes, type CardTransport } from '../../id-card/transport';
import { createCardActiveAuthentication } from './card-active-auth';
import { createCardBac, type CardSession } from './card-bac';
import { createCardChipAuthentication, type CardChipAuthCipher } from './card-chip-auth';
import { createCardPace } from './card-pace';
import { createCardSecureChannel, type CardSecureChannel } from './card-secure-channel';
import { buildCardFiles, createCardFileSystem, type ReadInterference } from './card-files';
import { syntheticFaceImage } from './lds-builder';
import { syntheticPerson, type SyntheticPerson } from './person';
import type { SodSignature } from './sod-builder';
import { createTestPki, type TestPki } from './test-pki';

/**
 * A CCCD chip in process: it answers command APDUs the way a card does (SELECT, READ BINARY, GET CHALLENGE,
 * EXTERNAL AUTHENTICATE, MSE:Set AT, GENERAL AUTHENTICATE, INTERNAL AUTHENTICATE), with secure messaging and
 * access control, over files built from a synthetic person and a SOD signed by a test PKI. `transmit` is the
 * single entry point, so the same object can sit behind vpcd later. Faults can be injected at any time.
 */
export type VirtualCccdOptions = {
  readonly person?: SyntheticPerson;
  /** Defaults to a fresh ECDSA P-256 CSCA → document signer pair. */
  readonly pki?: TestPki;
  readonly sodSignature?: SodSignature;
  /** Defaults to the last 6 digits of the person's ID. */
  readonly can?: string;
  /** The MRZ information (document number, DOB, expiry with check digits) that BAC and PACE-MRZ use. */
  readonly mrzInformation?: string;
  /** false: no EF.CardAccess, no PACE (an older chip that only does BAC). */
  readonly pace?: boolean;
  readonly bac?: boolean;
  readonly activeAuthentication?: 'rsa' | 'ecdsa' | 'none';
  /**
   * Chip Authentication with an ECDH brainpoolP256r1 chip key in DG14: AES-128 (default, as the CCCD advertises)
   * or 3DES (MSE:Set KAT); 'none' announces CA in DG14 without a key, so a reader must skip it.
   */
  readonly chipAuthentication?: CardChipAuthCipher | 'none';
  /** DG14's key id for the chip key (absent by default, as with a single key). */
  readonly chipAuthenticationKeyId?: number;
  readonly faceImage?: { readonly bytes: Uint8Array; readonly format: 'jpeg' | 'jpeg2000' };
  readonly extendedLength?: boolean;
  /** Most bytes one READ BINARY answer carries (the chip's buffer). */
  readonly maxReadLength?: number;
  readonly passwordTries?: number;
  readonly random?: Random;
};

export type VirtualCccdFault =
  /** Flip a byte of a data group after the SOD was signed: passive authentication must name it. */
  | { readonly kind: 'corrupt-data-group'; readonly dataGroup: DataGroupNumber }
  /** Refuse every PACE and BAC attempt as if the password were wrong. */
  | { readonly kind: 'refuse-password' }
  /** Leave the field when `file` is read at or beyond `atOffset`, or after `afterCommands` more commands. */
  | { readonly kind: 'vanish'; readonly file?: LdsFileName; readonly atOffset?: number; readonly afterCommands?: number }
  /** Answer Chip Authentication with a key other than DG14's: a clone that copied the files, not the key. */
  | { readonly kind: 'chip-auth-wrong-key' }
  /** Drop the next `count` frames while `file` is being read (the card never sees them). */
  | { readonly kind: 'transient'; readonly file: LdsFileName; readonly count?: number };

export type VirtualCccd = CardTransport & {
  readonly pki: TestPki;
  readonly person: SyntheticPerson;
  readonly can: string;
  /** The files as stored, by name (after any corruption), for tests. */
  readonly files: ReadonlyMap<LdsFileName, Uint8Array>;
  inject(fault: VirtualCccdFault): void;
  clearFaults(): void;
  /** Put the card back after it vanished: power-on state, no session. */
  reinsert(): void;
  /** Commands received, by INS, for tests that count reads. */
  readonly commandLog: readonly { readonly ins: number; readonly file: LdsFileName | undefined; readonly sw: number }[];
};

const removed = (): Failure => failure(cardTransportCodes.removed, 'Thẻ ảo đã rời đầu đọc.', 'The virtual card left the reader.');
const transient = (): Failure => failure(cardTransportCodes.transient, 'Mất khung truyền (giả lập).', 'Frame lost (simulated).');
const status = (sw: number): ResponseApdu => ({ data: new Uint8Array(0), sw });

export function createVirtualCccd(options: VirtualCccdOptions = {}): Result<VirtualCccd, IdCardFailure> {
  const person = options.person ?? syntheticPerson;
  const random = options.random ?? systemRandom;
  const pki = options.pki ?? createTestPki();
  const can = options.can ?? person.citizenId.slice(-6);
  const mrzInformation = options.mrzInformation ?? defaultMrzInformation(person);
  const supportsPace = options.pace ?? true;
  const supportsBac = options.bac ?? true;
  const extendedLength = options.extendedLength ?? true;
  const maxReadLength = options.maxReadLength ?? 4096;
  const aa = options.activeAuthentication === 'none' ? undefined : createCardActiveAuthentication(options.activeAuthentication ?? 'rsa', random);
  const ca =
    options.chipAuthentication === 'none'
      ? undefined
      : createCardChipAuthentication({
          cipher: options.chipAuthentication ?? 'aes128',
          random,
          ...(options.chipAuthenticationKeyId === undefined ? {} : { keyId: options.chipAuthenticationKeyId }),
        });
  const face = options.faceImage ?? { bytes: syntheticFaceImage(), format: 'jpeg' as const };

  const built = buildCardFiles({
    person,
    face,
    pki,
    sodSignature: options.sodSignature,
    activeAuthentication: aa,
    // 'none': DG14 without any Chip Authentication info, as a chip that does not offer it.
    chipAuthentication: ca === undefined ? { securityInfos: [] } : ca,
    withCardAccess: supportsPace,
  });
  if (!built.ok) return built;
  const files = built.value;

  const pace = createCardPace({ can, mrzInformation, tries: options.passwordTries ?? 3, random });
  const bac = createCardBac(mrzInformation, random);
  const faults: VirtualCccdFault[] = [];
  const commandLog: { ins: number; file: LdsFileName | undefined; sw: number }[] = [];

  let vanished = false;
  let sm: CardSecureChannel | undefined;
  let commandsSeen = 0;

  const interfere: ReadInterference = (file, offset) => {
    for (const fault of faults) {
      if (fault.kind === 'vanish' && fault.file === file.name && offset >= (fault.atOffset ?? 0)) return 'vanish';
      if (fault.kind === 'transient' && fault.file === file.name) {
        const left = (fault.count ?? 1) - 1;
        faults.splice(faults.indexOf(fault), 1, ...(left > 0 ? [{ ...fault, count: left }] : []));
        return 'drop';
      }
    }
    return undefined;
  };
  const fileSystem = createCardFileSystem(files, maxReadLength, interfere);
  const startSession = (session: CardSession): void => {
    sm = createCardSecureChannel(session.keys, session.ssc);
  };
  const refusing = (): boolean => faults.some((fault) => fault.kind === 'refuse-password');

  /** Runs one plain command; `session` is set when it opened secure messaging (after this answer). */
  const dispatch = (command: CommandApdu): { response: ResponseApdu; session?: CardSession } | 'vanish' | 'drop' => {
    switch (command.ins) {
      case 0xa4:
        return { response: fileSystem.select(command) };
      case 0xb0: {
        const answer = fileSystem.readBinary(command, sm !== undefined);
        return answer === 'vanish' || answer === 'drop' ? answer : { response: answer };
      }
      case 0x84:
        return { response: supportsBac ? bac.getChallenge() : status(SW.insNotSupported) };
      case 0x82:
        return supportsBac ? bac.externalAuthenticate(command.data ?? new Uint8Array(0), refusing()) : { response: status(SW.insNotSupported) };
      case 0x22:
        // MSE with P1 41 (set for internal authentication) inside a session is Chip Authentication.
        if (command.p1 === 0x41) {
          if (ca === undefined) return { response: status(SW.insNotSupported) };
          if (sm === undefined) return { response: status(SW.securityStatusNotSatisfied) };
          if (command.p2 === 0xa4) return { response: ca.setAt(command.data ?? new Uint8Array(0)) };
          if (command.p2 === 0xa6) return ca.setKat(command.data ?? new Uint8Array(0));
          return { response: status(SW.wrongP1P2) };
        }
        if (!supportsPace) return { response: status(SW.insNotSupported) };
        if (command.p1 !== 0xc1 || command.p2 !== 0xa4) return { response: status(SW.wrongP1P2) };
        sm = undefined;
        return { response: pace.setAt(command.data ?? new Uint8Array(0), refusing()) };
      case 0x86:
        if (ca?.armed() === true && sm !== undefined) return ca.generalAuthenticate(command.data ?? new Uint8Array(0));
        return supportsPace ? pace.generalAuthenticate(command.data ?? new Uint8Array(0)) : { response: status(SW.insNotSupported) };
      case 0x88:
        if (aa === undefined) return { response: status(SW.insNotSupported) };
        if (sm === undefined) return { response: status(SW.securityStatusNotSatisfied) };
        return { response: { data: aa.sign(command.data ?? new Uint8Array(0)), sw: SW.success } };
      default:
        return { response: status(SW.insNotSupported) };
    }
  };

  const transmit = async (apdu: Uint8Array): Promise<Result<Uint8Array, Failure>> => {
    if (vanished) return err(removed());
    commandsSeen += 1;
    const countdown = faults.find((fault) => fault.kind === 'vanish' && fault.afterCommands !== undefined && commandsSeen > fault.afterCommands);
    if (countdown !== undefined) {
      vanished = true;
      return err(removed());
    }
    const decoded = decodeCommand(apdu);
    if (!decoded.ok) return ok(encodeResponse(status(SW.wrongLength)));
    if (decoded.value.extended && !extendedLength) return ok(encodeResponse(status(SW.wrongLength)));

    // A protected command needs a session; a plain one during a session ends it (Doc 9303-11 §9.8.6).
    const secured = sm;
    let command: CommandApdu = decoded.value;
    if ((decoded.value.cla & 0x0c) === 0x0c) {
      if (secured === undefined) return ok(encodeResponse(status(SW.smObjectsMissing)));
      const unwrapped = secured.unwrapCommand(decoded.value, decoded.value.data ?? new Uint8Array(0));
      if (!unwrapped.ok) {
        sm = undefined;
        return ok(encodeResponse(status(unwrapped.error)));
      }
      command = unwrapped.value;
    } else if (secured !== undefined) {
      sm = undefined;
    }

    const outcome = dispatch(command);
    if (outcome === 'vanish') {
      vanished = true;
      return err(removed());
    }
    if (outcome === 'drop') {
      // A frame lost on the radio link: the reader's and the chip's counters no longer agree, so the chip's
      // session is gone and the reader must authenticate again.
      sm = undefined;
      return err(transient());
    }
    commandLog.push({ ins: command.ins, file: fileSystem.currentFile(), sw: outcome.response.sw });
    const answer = secured !== undefined && sm === secured ? secured.wrapResponse(outcome.response) : encodeResponse(outcome.response);
    if (outcome.session !== undefined) startSession(outcome.session);
    return ok(answer);
  };

  const filesByName = new Map<LdsFileName, Uint8Array>();
  const refreshFiles = (): void => {
    for (const file of files) filesByName.set(file.name, file.bytes);
  };
  refreshFiles();

  return ok({
    transmit,
    pki,
    person,
    can,
    files: filesByName,
    commandLog,
    inject: (fault) => {
      if (fault.kind === 'chip-auth-wrong-key') {
        ca?.useWrongKey(true);
        return;
      }
      if (fault.kind === 'corrupt-data-group') {
        const file = files.find((f) => f.name === `DG${fault.dataGroup}`);
        if (file !== undefined) {
          const bytes = Uint8Array.from(file.bytes);
          const at = bytes.length - 1;
          bytes[at] = (bytes[at] ?? 0) ^ 0x01;
          file.bytes = bytes;
          refreshFiles();
        }
        return;
      }
      faults.push(fault);
    },
    clearFaults: () => {
      faults.length = 0;
      ca?.useWrongKey(false);
    },
    reinsert: () => {
      vanished = false;
      commandsSeen = 0;
      faults.splice(0, faults.length, ...faults.filter((fault) => fault.kind !== 'vanish'));
      fileSystem.reset();
      sm = undefined;
    },
  });
}

/** Document number (last 9 digits of the ID), DOB and expiry from the person's TD1 MRZ, with check digits. */
function defaultMrzInformation(person: SyntheticPerson): string {
  const [line1, line2] = person.mrz;
  return line1.slice(5, 15) + line2.slice(0, 7) + line2.slice(8, 15);
}
