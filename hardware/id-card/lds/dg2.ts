import { err, ok, type Result } from '../../../src-shared/result';
import { idCardErrors, type IdCardFailure } from '../errors';
import { children, decodeTlv, findTlv, type Tlv } from '../tlv';

/**
 * DG2 (tag 75): the face, an ISO/IEC 19794-5 record inside the biometric information template
 * 75 { 7F61 { 02 count, 7F60 { A1 header, 5F2E|7F2E data block } … } }. This extracts the first image's bytes
 * and says whether it is JPEG or JPEG 2000; decoding JPEG 2000 is left to the face-verification side.
 */
export type FaceImageFormat = 'jpeg' | 'jpeg2000' | 'unknown';

export type FaceImage = {
  readonly format: FaceImageFormat;
  readonly image: Uint8Array;
  readonly width: number | undefined;
  readonly height: number | undefined;
  /** Number of biometric templates in DG2 (normally 1). */
  readonly templateCount: number;
};

const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const JP2_MAGIC = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a];
const J2K_MAGIC = [0xff, 0x4f, 0xff, 0x51];

const startsWith = (bytes: Uint8Array, at: number, magic: readonly number[]): boolean => magic.every((b, i) => bytes[at + i] === b);

function formatAt(bytes: Uint8Array, at: number): FaceImageFormat {
  if (startsWith(bytes, at, JPEG_MAGIC)) return 'jpeg';
  if (startsWith(bytes, at, JP2_MAGIC) || startsWith(bytes, at, J2K_MAGIC)) return 'jpeg2000';
  return 'unknown';
}

const u16At = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u32At = (b: Uint8Array, at: number): number => ((b[at] ?? 0) * 0x1000000 + ((b[at + 1] ?? 0) << 16) + ((b[at + 2] ?? 0) << 8) + (b[at + 3] ?? 0));

/** ISO/IEC 19794-5:2005 ("FAC\0" "010\0"): 14-byte header, 20-byte face block, 8 bytes per feature point, 12-byte image info. */
function parseFacialRecord(block: Uint8Array): Omit<FaceImage, 'templateCount'> | undefined {
  if (!startsWith(block, 0, [0x46, 0x41, 0x43, 0x00])) return undefined;
  const recordStart = 14;
  const recordLength = u32At(block, recordStart);
  const featurePoints = u16At(block, recordStart + 4);
  const imageInfo = recordStart + 20 + featurePoints * 8;
  const imageStart = imageInfo + 12;
  const imageEnd = recordStart + recordLength;
  if (imageEnd > block.length || imageStart >= imageEnd) return undefined;
  const image = block.slice(imageStart, imageEnd);
  const declared = block[imageInfo + 1];
  const sniffed = formatAt(image, 0);
  const format: FaceImageFormat = sniffed !== 'unknown' ? sniffed : declared === 0 ? 'jpeg' : declared === 1 ? 'jpeg2000' : 'unknown';
  return { format, image, width: u16At(block, imageInfo + 2), height: u16At(block, imageInfo + 4) };
}

/** Other 19794-5 versions: fall back to the first JPEG or JPEG 2000 signature in the block. */
function sniffImage(block: Uint8Array): Omit<FaceImage, 'templateCount'> | undefined {
  for (let at = 0; at < block.length - 4; at += 1) {
    const format = formatAt(block, at);
    if (format !== 'unknown') return { format, image: block.slice(at), width: undefined, height: undefined };
  }
  return undefined;
}

export function parseDg2(bytes: Uint8Array): Result<FaceImage, IdCardFailure> {
  const fail = (detail: string): Result<never, IdCardFailure> => err(idCardErrors.ldsMalformed('DG2', detail));
  const outer = decodeTlv(bytes);
  if (!outer.ok || outer.value.tag !== 0x75) return fail('outer tag 75 missing');
  const group = children(outer.value);
  const bitGroup = group.ok ? findTlv(group.value, 0x7f61) : undefined;
  if (bitGroup === undefined) return fail('biometric information group 7F61 missing');
  const templates = children(bitGroup);
  if (!templates.ok) return fail(templates.error.messageEn);
  const count = templates.value.find((t) => t.tag === 0x02)?.value[0] ?? 0;
  const first = templates.value.find((t) => t.tag === 0x7f60);
  if (first === undefined) return fail('no biometric template 7F60');
  const parts = children(first);
  if (!parts.ok) return fail(parts.error.messageEn);
  const dataBlock: Tlv | undefined = findTlv(parts.value, 0x5f2e) ?? findTlv(parts.value, 0x7f2e);
  if (dataBlock === undefined) return fail('no biometric data block 5F2E/7F2E');
  const face = parseFacialRecord(dataBlock.value) ?? sniffImage(dataBlock.value);
  if (face === undefined) return fail('no JPEG or JPEG 2000 image in the facial record');
  return ok({ ...face, templateCount: count });
}
