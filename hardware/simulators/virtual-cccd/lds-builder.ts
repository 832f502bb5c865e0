import { ascii, concat, u16, u32 } from '../../id-card/bytes';
import { derInteger, derOid, derPrintable, derSequence, derUtf8 } from '../../id-card/der';
import { dataGroup, type DataGroupNumber } from '../../id-card/lds/files';
import { OID } from '../../id-card/oids';
import { encodeTlv } from '../../id-card/tlv';
import type { SyntheticPerson } from './person';

/** Writes the LDS files of the virtual card from a synthetic person, in the layouts the reader parses. */

export function buildCom(dataGroups: readonly DataGroupNumber[]): Uint8Array {
  const tags = dataGroups.map((n) => dataGroup(n).tag ?? 0);
  return encodeTlv(0x60, concat(encodeTlv(0x5f01, ascii('0107')), encodeTlv(0x5f36, ascii('040000')), encodeTlv(0x5c, Uint8Array.from(tags))));
}

export function buildDg1(person: SyntheticPerson): Uint8Array {
  return encodeTlv(0x61, encodeTlv(0x5f1f, ascii(person.mrz.join(''))));
}

/**
 * DG13 as in the vectors' fixture: PrintableString for fields 1, 3, 11, 15, 16 and UTF8String otherwise; father
 * and mother each in their own SEQUENCE under field 13; an empty spouse as a bare field number. The SET keeps
 * field order (the fixture is not DER-sorted), so it is written directly rather than with derSetOf.
 */
export function buildDg13(person: SyntheticPerson): Uint8Array {
  const field = (n: number, ...values: Uint8Array[]): Uint8Array => derSequence(derInteger(n), ...values);
  const text = (value: string | undefined): Uint8Array[] => (value === undefined ? [] : [derUtf8(value)]);
  const printable = (value: string | undefined): Uint8Array[] => (value === undefined ? [] : [derPrintable(value)]);
  const parents = [person.fatherName, person.motherName].filter((name): name is string => name !== undefined).map((name) => derSequence(derUtf8(name)));
  const fields = [
    field(1, ...printable(person.citizenId)),
    field(2, ...text(person.fullName)),
    field(3, ...printable(person.dateOfBirth)),
    field(4, ...text(person.sex)),
    field(5, ...text(person.nationality)),
    field(6, ...text(person.ethnicity)),
    field(7, ...text(person.religion)),
    field(8, ...text(person.placeOfOrigin)),
    field(9, ...text(person.placeOfResidence)),
    field(10, ...text(person.identifyingMarks)),
    field(11, ...printable(person.issueDate)),
    field(12, ...text(person.expiryDate)),
    field(13, ...parents),
    field(14, ...text(person.spouseName)),
    field(15, ...printable(person.oldId)),
    ...(person.field16 === undefined ? [] : [field(16, ...printable(person.field16))]),
  ];
  return encodeTlv(0x6d, derSequence(derInteger(1), derOid(OID.cccdDg13), encodeTlv(0x31, concat(...fields))));
}

/**
 * A stand-in face image of about `size` bytes: a JPEG (or JPEG 2000) signature, filler, an end marker. It is
 * not a decodable picture: the reader only extracts bytes and reports the format.
 */
export function syntheticFaceImage(size = 20_000, format: 'jpeg' | 'jpeg2000' = 'jpeg'): Uint8Array {
  const head =
    format === 'jpeg'
      ? Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00)
      : Uint8Array.of(0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a);
  const body = new Uint8Array(Math.max(0, size - head.length - 2));
  let state = 0x2545f491;
  for (let i = 0; i < body.length; i += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    body[i] = state >>> 24;
  }
  return concat(head, body, Uint8Array.of(0xff, 0xd9));
}

/** DG2: biometric information template around an ISO/IEC 19794-5:2005 facial record. */
export function buildDg2(image: Uint8Array, format: 'jpeg' | 'jpeg2000', width = 480, height = 640): Uint8Array {
  const imageInfo = concat(Uint8Array.of(0x01, format === 'jpeg' ? 0x00 : 0x01), u16(width), u16(height), Uint8Array.of(0x01, 0x02), u16(0), u16(0));
  const faceInfo = concat(u16(0), Uint8Array.of(0x01, 0x00, 0x00, 0x00, 0x00, 0x00), new Uint8Array(2 + 3 + 3));
  const recordLength = 4 + faceInfo.length + imageInfo.length + image.length;
  const record = concat(u32(recordLength), faceInfo, imageInfo, image);
  const facialRecord = concat(ascii('FAC\0'), ascii('010\0'), u32(14 + record.length), u16(1), record);
  const header = encodeTlv(0xa1, concat(encodeTlv(0x80, Uint8Array.of(1, 1)), encodeTlv(0x81, Uint8Array.of(2)), encodeTlv(0x87, Uint8Array.of(1, 1)), encodeTlv(0x88, Uint8Array.of(0, 8))));
  const template = encodeTlv(0x7f60, concat(header, encodeTlv(0x5f2e, facialRecord)));
  return encodeTlv(0x75, encodeTlv(0x7f61, concat(encodeTlv(0x02, Uint8Array.of(1)), template)));
}

/** The CCCD's EF.CardAccess: TA, CA and PACE-ECDH-GM-AES-128 on brainpoolP256r1 (vectors §4.1). */
export function buildCardAccess(): Uint8Array {
  return encodeTlv(
    0x31,
    concat(
      derSequence(derOid(OID.terminalAuthentication), derInteger(1)),
      derSequence(derOid(`${OID.chipAuthentication}.2.2`), derInteger(1)),
      derSequence(derOid(`${OID.paceEcdhGm}.2`), derInteger(2), derInteger(13)),
    ),
  );
}

/**
 * DG14: the chip's Chip Authentication infos (key and protocol; without a chip key, only the protocol, as a chip
 * whose reader must then skip CA) and, for ECDSA Active Authentication, its algorithm.
 */
export function buildDg14(activeAuthenticationAlgorithm: string | undefined, chipAuthenticationInfos?: readonly Uint8Array[]): Uint8Array {
  const infos = [
    ...(chipAuthenticationInfos ?? [derSequence(derOid(`${OID.chipAuthentication}.2.2`), derInteger(1))]),
    ...(activeAuthenticationAlgorithm === undefined ? [] : [derSequence(derOid(OID.activeAuthentication), derInteger(1), derOid(activeAuthenticationAlgorithm))]),
  ];
  return encodeTlv(0x6e, encodeTlv(0x31, concat(...infos)));
}

export function buildDg15(subjectPublicKeyInfo: Uint8Array): Uint8Array {
  return encodeTlv(0x6f, subjectPublicKeyInfo);
}
