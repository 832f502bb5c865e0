import { err, ok, type Result } from '../../src-shared/result';
import { curveForParameterId } from './crypto/curves';
import type { SessionCipher } from './crypto/kdf';
import { DER, expectConstructed, readOid, readSmallInteger } from './der';
import { idCardErrors, type IdCardFailure } from './errors';
import { OID } from './oids';
import { decodeTlv } from './tlv';

/**
 * SecurityInfos (Doc 9303-11 §9.2) as found in EF.CardAccess and DG14: which PACE variants the chip offers,
 * and whether it has Chip Authentication and Terminal Authentication. The reader picks PACE only when it
 * supports the variant (ECDH Generic Mapping on a curve it knows); otherwise it falls back to BAC.
 */
export type PaceMapping = 'DH-GM' | 'ECDH-GM' | 'DH-IM' | 'ECDH-IM' | 'ECDH-CAM';

export type PaceInfo = {
  readonly oid: string;
  readonly version: number;
  readonly parameterId: number | undefined;
  readonly mapping: PaceMapping | 'unknown';
  readonly cipher: SessionCipher | 'unknown';
};

export type SecurityInfos = {
  readonly pace: readonly PaceInfo[];
  readonly chipAuthentication: readonly string[];
  readonly terminalAuthentication: boolean;
  readonly activeAuthentication: readonly string[];
  readonly otherProtocols: readonly string[];
};

const mappings: Readonly<Record<string, PaceMapping>> = { '1': 'DH-GM', '2': 'ECDH-GM', '3': 'DH-IM', '4': 'ECDH-IM', '6': 'ECDH-CAM' };
const ciphers: Readonly<Record<string, SessionCipher>> = { '1': '3des', '2': 'aes128', '3': 'aes192', '4': 'aes256' };

function describePace(oid: string, version: number, parameterId: number | undefined): PaceInfo {
  const [mappingArc = '', cipherArc = ''] = oid.slice(OID.pace.length + 1).split('.');
  return { oid, version, parameterId, mapping: mappings[mappingArc] ?? 'unknown', cipher: ciphers[cipherArc] ?? 'unknown' };
}

const under = (oid: string, prefix: string): boolean => oid.startsWith(`${prefix}.`);

export function parseSecurityInfos(bytes: Uint8Array): Result<SecurityInfos, IdCardFailure> {
  const outer = decodeTlv(bytes);
  if (!outer.ok) return err(idCardErrors.cardAccessMalformed(outer.error.messageEn));
  const entries = expectConstructed(outer.value, DER.set, 'SecurityInfos');
  if (!entries.ok) return err(idCardErrors.cardAccessMalformed(entries.error.messageEn));

  const pace: PaceInfo[] = [];
  const chipAuthentication: string[] = [];
  const activeAuthentication: string[] = [];
  const otherProtocols: string[] = [];
  let terminalAuthentication = false;
  for (const entry of entries.value) {
    const fields = expectConstructed(entry, DER.sequence, 'SecurityInfo');
    if (!fields.ok) return err(idCardErrors.cardAccessMalformed(fields.error.messageEn));
    const oid = readOid(fields.value[0], 'SecurityInfo protocol');
    if (!oid.ok) return err(idCardErrors.cardAccessMalformed(oid.error.messageEn));
    const protocol = oid.value;
    // PACEInfo has exactly OID.pace.x.y; PACEDomainParameterInfo (OID.pace.x) describes explicit parameters.
    if (under(protocol, OID.pace) && protocol.split('.').length === OID.pace.split('.').length + 2) {
      const version = readSmallInteger(fields.value[1], 'PACEInfo version');
      if (!version.ok) return err(idCardErrors.cardAccessMalformed(version.error.messageEn));
      const parameter = fields.value[2] === undefined ? undefined : readSmallInteger(fields.value[2], 'PACEInfo parameterId');
      if (parameter !== undefined && !parameter.ok) return err(idCardErrors.cardAccessMalformed(parameter.error.messageEn));
      pace.push(describePace(protocol, version.value, parameter?.value));
    } else if (under(protocol, OID.chipAuthentication) || under(protocol, OID.chipAuthenticationPublicKey)) {
      chipAuthentication.push(protocol);
    } else if (protocol === OID.terminalAuthentication || under(protocol, OID.terminalAuthentication)) {
      terminalAuthentication = true;
    } else if (protocol === OID.activeAuthentication) {
      // ActiveAuthenticationInfo: version, then the signature algorithm for ECDSA Active Authentication.
      const algorithm = readOid(fields.value[2], 'ActiveAuthenticationInfo algorithm');
      activeAuthentication.push(algorithm.ok ? algorithm.value : protocol);
    } else {
      otherProtocols.push(protocol);
    }
  }
  return ok({ pace, chipAuthentication, terminalAuthentication, activeAuthentication, otherProtocols });
}

/** The first PACE variant this reader can run: ECDH Generic Mapping on a supported standardized curve. */
export function choosePace(infos: SecurityInfos): PaceInfo | undefined {
  return infos.pace.find(
    (info) =>
      info.mapping === 'ECDH-GM' && info.cipher !== 'unknown' && info.version === 2 && info.parameterId !== undefined && curveForParameterId(info.parameterId) !== undefined,
  );
}
