import { createPublicKey, type KeyObject } from 'node:crypto';
import { err, ok, type Result } from '../../../src-shared/result';
import { parseSecurityInfos, type SecurityInfos } from '../card-access';
import { idCardErrors, type IdCardFailure } from '../errors';
import { decodeTlv } from '../tlv';

/**
 * DG14 (tag 6E) wraps the SecurityInfos for Chip Authentication; DG15 (tag 6F) wraps the Active Authentication
 * public key as a SubjectPublicKeyInfo.
 */
export function parseDg14(bytes: Uint8Array): Result<SecurityInfos, IdCardFailure> {
  const outer = decodeTlv(bytes);
  if (!outer.ok || outer.value.tag !== 0x6e) return err(idCardErrors.ldsMalformed('DG14', 'outer tag 6E missing'));
  const infos = parseSecurityInfos(outer.value.value);
  return infos.ok ? infos : err(idCardErrors.ldsMalformed('DG14', infos.error.messageEn));
}

export function parseDg15(bytes: Uint8Array): Result<KeyObject, IdCardFailure> {
  const outer = decodeTlv(bytes);
  if (!outer.ok || outer.value.tag !== 0x6f) return err(idCardErrors.ldsMalformed('DG15', 'outer tag 6F missing'));
  try {
    return ok(createPublicKey({ key: Buffer.from(outer.value.value), format: 'der', type: 'spki' }));
  } catch (caught) {
    return err(idCardErrors.ldsMalformed('DG15', caught instanceof Error ? caught.message : 'unreadable public key'));
  }
}
