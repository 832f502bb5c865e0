import { err, ok, type Result } from '../../../src-shared/result';
import { idCardErrors, type IdCardFailure } from '../errors';
import { children, decodeTlv, findTlv } from '../tlv';
import { dataGroupForTag, EF_COM, type DataGroupNumber } from './files';

/** EF.COM (tag 60): LDS version (5F01), Unicode version (5F36) and the list of present data groups (5C). */
export type EfCom = {
  readonly ldsVersion: string | undefined;
  readonly unicodeVersion: string | undefined;
  readonly dataGroups: readonly DataGroupNumber[];
};

export function parseCom(bytes: Uint8Array): Result<EfCom, IdCardFailure> {
  const outer = decodeTlv(bytes);
  if (!outer.ok || outer.value.tag !== EF_COM.tag) return err(idCardErrors.ldsMalformed('EF.COM', 'outer tag 60 missing'));
  const inner = children(outer.value);
  if (!inner.ok) return err(idCardErrors.ldsMalformed('EF.COM', inner.error.messageEn));
  const text = (tag: number): string | undefined => {
    const tlv = findTlv(inner.value, tag);
    return tlv === undefined ? undefined : new TextDecoder('latin1').decode(tlv.value);
  };
  const list = findTlv(inner.value, 0x5c);
  if (list === undefined) return err(idCardErrors.ldsMalformed('EF.COM', 'tag list 5C missing'));
  const dataGroups: DataGroupNumber[] = [];
  // Tags in 5C are one byte each (61, 75, 6D…): data group tags are all single-byte application tags.
  for (const tag of list.value) {
    const n = dataGroupForTag(tag);
    if (n !== undefined) dataGroups.push(n);
  }
  return ok({ ldsVersion: text(0x5f01), unicodeVersion: text(0x5f36), dataGroups });
}
