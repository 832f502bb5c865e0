import { err, type Result } from '../../../src-shared/result';
import { idCardErrors, type IdCardFailure } from '../errors';
import { parseMrz, type Mrz } from '../mrz';
import { children, decodeTlv, findTlv } from '../tlv';

/** DG1 (tag 61): the MRZ as one string in 5F1F — 90 characters for TD1, 88 for TD3. */
export function parseDg1(bytes: Uint8Array): Result<Mrz, IdCardFailure> {
  const outer = decodeTlv(bytes);
  if (!outer.ok || outer.value.tag !== 0x61) return err(idCardErrors.ldsMalformed('DG1', 'outer tag 61 missing'));
  const inner = children(outer.value);
  const mrz = inner.ok ? findTlv(inner.value, 0x5f1f) : undefined;
  if (mrz === undefined) return err(idCardErrors.ldsMalformed('DG1', 'MRZ (5F1F) missing'));
  const text = new TextDecoder('latin1').decode(mrz.value);
  const width = text.length === 90 ? 30 : text.length === 88 ? 44 : text.length === 72 ? 36 : 0;
  if (width === 0) return err(idCardErrors.ldsMalformed('DG1', `MRZ of ${text.length} characters`));
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  const parsed = parseMrz(lines);
  return parsed.ok ? parsed : err(idCardErrors.ldsMalformed('DG1', parsed.error.messageEn));
}
