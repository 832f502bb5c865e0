import { ok, type Result } from '../../../src-shared/result';
import { SW, type CommandApdu, type ResponseApdu } from '../../id-card/apdu';
import { bytesEqual } from '../../id-card/bytes';
import type { IdCardFailure } from '../../id-card/errors';
import { dataGroup, EF_CARD_ACCESS, EF_COM, EF_SOD, EMRTD_AID, isDataGroupNumber, type LdsFileName } from '../../id-card/lds/files';
import type { CardActiveAuthentication } from './card-active-auth';
import type { CardChipAuthentication } from './card-chip-auth';
import { buildCardAccess, buildCom, buildDg1, buildDg13, buildDg14, buildDg15, buildDg2 } from './lds-builder';
import type { SyntheticPerson } from './person';
import { buildSod, type SodSignature } from './sod-builder';
import type { TestPki } from './test-pki';

/**
 * The chip's file system: EF.CardAccess in the master file, EF.COM, EF.SOD and the data groups inside the eMRTD
 * application, SELECT by AID or file id and READ BINARY by offset or short file id, with the access rule that
 * application files need a secure-messaging session.
 */
export type CardFile = {
  readonly name: LdsFileName;
  readonly fid: number;
  readonly sfi: number;
  readonly inApplication: boolean;
  bytes: Uint8Array;
};

export type CardContent = {
  readonly person: SyntheticPerson;
  readonly face: { readonly bytes: Uint8Array; readonly format: 'jpeg' | 'jpeg2000' };
  readonly pki: TestPki;
  readonly sodSignature: SodSignature | undefined;
  readonly activeAuthentication: CardActiveAuthentication | undefined;
  readonly chipAuthentication: Pick<CardChipAuthentication, 'securityInfos'> | undefined;
  readonly withCardAccess: boolean;
};

export function buildCardFiles(content: CardContent): Result<CardFile[], IdCardFailure> {
  const aa = content.activeAuthentication;
  const groups = new Map<number, Uint8Array>([
    [1, buildDg1(content.person)],
    [2, buildDg2(content.face.bytes, content.face.format)],
    [13, buildDg13(content.person)],
    [14, buildDg14(aa?.algorithm, content.chipAuthentication?.securityInfos)],
  ]);
  if (aa !== undefined) groups.set(15, buildDg15(aa.publicKeyInfo));
  const sod = buildSod({
    dataGroups: groups,
    documentSigner: content.pki.documentSigner,
    ...(content.sodSignature === undefined ? {} : { signature: content.sodSignature }),
  });
  if (!sod.ok) return sod;
  const present = [...groups.keys()].filter(isDataGroupNumber);
  const files: CardFile[] = [
    { ...EF_COM, inApplication: true, bytes: buildCom(present) },
    { ...EF_SOD, inApplication: true, bytes: sod.value },
    ...present.map((n) => ({ ...dataGroup(n), inApplication: true, bytes: groups.get(n) ?? new Uint8Array(0) })),
  ];
  if (content.withCardAccess) files.push({ ...EF_CARD_ACCESS, inApplication: false, bytes: buildCardAccess() });
  return ok(files);
}

/** What a fault decides when a file is read at an offset: carry on, leave the field, or lose the frame. */
export type ReadInterference = (file: CardFile, offset: number) => 'vanish' | 'drop' | undefined;

export type CardFileSystem = {
  select(command: CommandApdu): ResponseApdu;
  readBinary(command: CommandApdu, secured: boolean): ResponseApdu | 'vanish' | 'drop';
  readonly currentFile: () => LdsFileName | undefined;
  reset(): void;
};

const status = (sw: number): ResponseApdu => ({ data: new Uint8Array(0), sw });

export function createCardFileSystem(files: readonly CardFile[], maxReadLength: number, interfere: ReadInterference): CardFileSystem {
  let inApplication = false;
  let current: CardFile | undefined;

  const select = (command: CommandApdu): ResponseApdu => {
    const data = command.data ?? new Uint8Array(0);
    if (command.p1 === 0x04) {
      if (!bytesEqual(data, EMRTD_AID)) return status(SW.fileNotFound);
      inApplication = true;
      current = undefined;
      return status(SW.success);
    }
    const fid = data.length === 2 ? ((data[0] ?? 0) << 8) | (data[1] ?? 0) : undefined;
    if (command.p1 === 0x00 && (fid === undefined || fid === 0x3f00)) {
      inApplication = false;
      current = undefined;
      return status(SW.success);
    }
    if ((command.p1 !== 0x00 && command.p1 !== 0x02) || fid === undefined) return status(SW.wrongP1P2);
    const file = files.find((f) => f.fid === fid && f.inApplication === inApplication);
    if (file === undefined) return status(SW.fileNotFound);
    current = file;
    return status(SW.success);
  };

  const readBinary = (command: CommandApdu, secured: boolean): ResponseApdu | 'vanish' | 'drop' => {
    let offset = ((command.p1 & 0x7f) << 8) | command.p2;
    if ((command.p1 & 0x80) !== 0) {
      // Short file id in P1, offset in P2: selects the file as a side effect (ISO 7816-4 §11.3.3).
      const byShortId = files.find((f) => f.sfi === (command.p1 & 0x1f) && f.inApplication === inApplication);
      if (byShortId === undefined) return status(SW.fileNotFound);
      current = byShortId;
      offset = command.p2;
    }
    const file = current;
    if (file === undefined) return status(0x6986);
    if (file.inApplication && !secured) return status(SW.securityStatusNotSatisfied);
    const interference = interfere(file, offset);
    if (interference !== undefined) return interference;
    if (offset > file.bytes.length) return status(SW.wrongOffset);
    const wanted = command.ne ?? 256;
    const available = file.bytes.length - offset;
    const length = Math.min(wanted, available, maxReadLength);
    return { data: file.bytes.slice(offset, offset + length), sw: wanted > available ? SW.endOfFile : SW.success };
  };

  return {
    select,
    readBinary,
    currentFile: () => current?.name,
    reset: () => {
      inApplication = false;
      current = undefined;
    },
  };
}
