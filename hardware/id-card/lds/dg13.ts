import { err, ok, type Result } from '../../../src-shared/result';
import { DER } from '../der';
import { idCardErrors, type IdCardFailure } from '../errors';
import { children, decodeTlv, type Tlv } from '../tlv';

/**
 * DG13 of the CCCD (tag 6D): SEQUENCE { INTEGER 1, OID 1.0.10646.1.0.8, SET { SEQUENCE { INTEGER n, value… } … } }.
 * Sources disagree on how field 13 (father, mother) nests, so fields are found by number and every string
 * beneath a field is collected depth-first, whatever the nesting. Text is returned NFC.
 */
export type Dg13 = {
  readonly citizenId: string | undefined;
  readonly fullName: string | undefined;
  /** dd/MM/yyyy as stored; see dg13DateToIso. */
  readonly dateOfBirth: string | undefined;
  readonly sex: string | undefined;
  readonly nationality: string | undefined;
  readonly ethnicity: string | undefined;
  readonly religion: string | undefined;
  readonly placeOfOrigin: string | undefined;
  readonly placeOfResidence: string | undefined;
  readonly identifyingMarks: string | undefined;
  readonly issueDate: string | undefined;
  /** A date, or text such as "Không thời hạn" (no expiry). */
  readonly expiryDate: string | undefined;
  readonly fatherName: string | undefined;
  readonly motherName: string | undefined;
  readonly spouseName: string | undefined;
  readonly oldId: string | undefined;
  /** Fields with numbers outside 1–15 (field 16 exists on some cards; its meaning is not published). */
  readonly otherFields: readonly { readonly number: number; readonly values: readonly string[] }[];
};

const STRING_TAGS: ReadonlySet<number> = new Set([DER.utf8String, DER.printableString, DER.ia5String, 0x14, 0x1e]);

function decodeString(tlv: Tlv): string {
  if (tlv.tag === 0x1e) {
    // BMPString: UTF-16BE.
    let text = '';
    for (let i = 0; i + 1 < tlv.value.length; i += 2) text += String.fromCharCode(((tlv.value[i] ?? 0) << 8) | (tlv.value[i + 1] ?? 0));
    return text;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(tlv.value);
  } catch {
    // A PrintableString or T61String with stray 8-bit bytes: keep the characters rather than lose the field.
    return new TextDecoder('latin1').decode(tlv.value);
  }
}

/** Depth-first strings under the given TLVs, bounded so a hostile nesting cannot recurse without end. */
function collectStrings(list: readonly Tlv[], out: string[], depth: number): void {
  for (const tlv of list) {
    if (STRING_TAGS.has(tlv.tag)) out.push(decodeString(tlv).normalize('NFC').trim());
    else if (tlv.constructed && depth < 8) {
      const inner = children(tlv);
      if (inner.ok) collectStrings(inner.value, out, depth + 1);
    }
  }
}

function fieldNumber(tlv: Tlv | undefined): number | undefined {
  if (tlv?.tag !== DER.integer || tlv.value.length === 0 || tlv.value.length > 2) return undefined;
  return tlv.value.reduce((n, byte) => n * 256 + byte, 0);
}

/** The SET (or, on some cards, SEQUENCE) of field SEQUENCEs: the constructed child after the OID. */
function fieldContainer(body: readonly Tlv[]): readonly Tlv[] | undefined {
  const oidIndex = body.findIndex((tlv) => tlv.tag === DER.oid);
  const candidates = oidIndex >= 0 ? body.slice(oidIndex + 1) : body;
  for (const tlv of candidates) {
    if (tlv.tag === DER.set || tlv.tag === DER.sequence) {
      const inner = children(tlv);
      if (inner.ok) return inner.value;
    }
  }
  return undefined;
}

export function parseDg13(bytes: Uint8Array): Result<Dg13, IdCardFailure> {
  const fail = (detail: string): Result<never, IdCardFailure> => err(idCardErrors.ldsMalformed('DG13', detail));
  const outer = decodeTlv(bytes);
  if (!outer.ok || outer.value.tag !== 0x6d) return fail('outer tag 6D missing');
  const top = children(outer.value);
  if (!top.ok) return fail(top.error.messageEn);
  const sequence = top.value.find((tlv) => tlv.tag === DER.sequence);
  const body = sequence === undefined ? undefined : children(sequence);
  if (body === undefined || !body.ok) return fail('SEQUENCE missing');
  const fields = fieldContainer(body.value);
  if (fields === undefined) return fail('no field set');

  const values = new Map<number, string[]>();
  for (const field of fields) {
    if (field.tag !== DER.sequence) continue;
    const parts = children(field);
    if (!parts.ok) return fail(parts.error.messageEn);
    const number = fieldNumber(parts.value[0]);
    if (number === undefined) continue;
    const strings: string[] = [];
    collectStrings(parts.value.slice(1), strings, 0);
    values.set(number, [...(values.get(number) ?? []), ...strings.filter((s) => s !== '')]);
  }
  const one = (n: number): string | undefined => values.get(n)?.[0];
  return ok({
    citizenId: one(1),
    fullName: one(2),
    dateOfBirth: one(3),
    sex: one(4),
    nationality: one(5),
    ethnicity: one(6),
    religion: one(7),
    placeOfOrigin: one(8),
    placeOfResidence: one(9),
    identifyingMarks: one(10),
    issueDate: one(11),
    expiryDate: one(12),
    fatherName: values.get(13)?.[0],
    motherName: values.get(13)?.[1],
    spouseName: one(14),
    oldId: one(15),
    otherFields: [...values.entries()].filter(([n]) => n < 1 || n > 15).map(([number, list]) => ({ number, values: list })),
  });
}

/** 'dd/MM/yyyy' → 'yyyy-MM-dd'; undefined for anything else (e.g. "Không thời hạn"). */
export function dg13DateToIso(text: string | undefined): string | undefined {
  const match = text === undefined ? null : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(text.trim());
  if (match === null) return undefined;
  const [, d = '', m = '', y = ''] = match;
  const day = Number(d);
  const month = Number(m);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(Number(y), month, 0)).getUTCDate()) return undefined;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}
