import { err, ok, type Result } from '../../src-shared/result';
import { statusFailure, SW, type CommandApdu } from './apdu';
import { bigIntFromBytes, bigIntToBytes, concat, constantTimeEqual } from './bytes';
import type { Random } from './bac';
import { systemRandom } from './bac';
import type { CardChannel, CardReply } from './card-channel';
import type { PaceInfo } from './card-access';
import { curveForParameterId } from './crypto/curves';
import {
  decodePoint,
  encodePoint,
  keyPairOn,
  pointAdd,
  randomScalar,
  scalarMultiply,
  type AffinePoint,
  type Curve,
} from './crypto/ec';
import { derOid } from './der';
import { idCardErrors, type IdCardFailure } from './errors';
import { authenticationToken, decryptNonce, passwordKey, passwordReference, sessionKeys, type PacePassword } from './pace-crypto';
import { createSecureChannel, type SecureChannel } from './secure-messaging';
import type { SmKeys } from './sm-crypto';
import { children, decodeTlv, encodeTlv, findTlv } from './tlv';

/**
 * PACE with ECDH Generic Mapping (Doc 9303-11 §4.4, BSI TR-03110-2): MSE:Set AT, then four GENERAL
 * AUTHENTICATE steps carrying dynamic authentication data (tag 7C): the encrypted nonce, the mapping keys, the
 * ephemeral keys on the mapped generator G̃ = s·G + H, and the authentication tokens. The first three are
 * sent with the chaining bit in CLA, as the protocol requires. Afterwards secure messaging starts with SSC 0.
 */
export type PaceSession = {
  readonly channel: SecureChannel;
  readonly keys: SmKeys;
  readonly password: PacePassword['kind'];
  readonly info: PaceInfo;
};

const methodName = (password: PacePassword): string => (password.kind === 'can' ? 'PACE-CAN' : 'PACE-MRZ');

/** Dynamic authentication data: 7C { tag value }. */
const dynamicData = (tag: number, value: Uint8Array): Uint8Array => encodeTlv(0x7c, encodeTlv(tag, value));

function generalAuthenticate(data: Uint8Array, last: boolean): CommandApdu {
  return { cla: last ? 0x00 : 0x10, ins: 0x86, p1: 0, p2: 0, data, ne: 256 };
}

/** Maps PACE status words: 63Cx / 6300 / 6982 = wrong password (x tries left), 6983 = blocked. */
function statusError(password: PacePassword, reply: CardReply, step: string): IdCardFailure {
  const sw = reply.sw;
  const method = methodName(password);
  if (sw >> 4 === 0x63c) return idCardErrors.wrongPassword(method, sw, sw & 0x0f);
  if (sw === 0x6300 || sw === SW.securityStatusNotSatisfied) return idCardErrors.wrongPassword(method, sw, undefined);
  if (sw === SW.authenticationBlocked) return idCardErrors.passwordBlocked(method, sw);
  return statusFailure(sw, step);
}

function responseObject(reply: CardReply, tag: number, step: string): Result<Uint8Array, IdCardFailure> {
  const outer = decodeTlv(reply.data);
  if (!outer.ok || outer.value.tag !== 0x7c) return err(idCardErrors.responseMalformed(`${step}: no dynamic authentication data`));
  const inner = children(outer.value);
  const object = inner.ok ? findTlv(inner.value, tag) : undefined;
  return object === undefined ? err(idCardErrors.responseMalformed(`${step}: tag ${tag.toString(16)} missing`)) : ok(object.value);
}

async function step(
  card: CardChannel,
  password: PacePassword,
  data: Uint8Array,
  last: boolean,
  expectTag: number,
  name: string,
): Promise<Result<Uint8Array, IdCardFailure>> {
  const reply = await card.send(generalAuthenticate(data, last));
  if (!reply.ok) return reply;
  if (reply.value.sw !== SW.success) return err(statusError(password, reply.value, name));
  return responseObject(reply.value, expectTag, name);
}

function cardPoint(curve: Curve, bytes: Uint8Array, own: AffinePoint, what: string): Result<AffinePoint, IdCardFailure> {
  const point = decodePoint(curve, bytes);
  if (!point.ok) return err(idCardErrors.authenticationFailed('PACE', `${what}: ${point.error.messageEn}`));
  // TR-03110: the chip's key must differ from ours, or a reflected key would pass as agreement.
  if (point.value.x === own.x && point.value.y === own.y) return err(idCardErrors.authenticationFailed('PACE', `${what} reflects ours`));
  return point;
}

export async function performPace(
  card: CardChannel,
  info: PaceInfo,
  password: PacePassword,
  random: Random = systemRandom,
): Promise<Result<PaceSession, IdCardFailure>> {
  const curve = info.parameterId === undefined ? undefined : curveForParameterId(info.parameterId);
  if (info.mapping !== 'ECDH-GM' || info.cipher === 'unknown' || curve === undefined)
    return err(idCardErrors.authenticationFailed('PACE', `unsupported variant ${info.oid}`));
  const cipher = info.cipher;
  const method = methodName(password);

  // MSE:Set AT — 80 protocol OID (value only), 83 password reference, 84 domain parameter id.
  const oidValue = derOid(info.oid).subarray(2);
  const setAt = concat(encodeTlv(0x80, oidValue), encodeTlv(0x83, Uint8Array.of(passwordReference(password))), encodeTlv(0x84, Uint8Array.of(info.parameterId ?? 0)));
  const mse = await card.send({ cla: 0, ins: 0x22, p1: 0xc1, p2: 0xa4, data: setAt });
  if (!mse.ok) return mse;
  // 63Cx here is a warning (tries left), not a refusal: TR-03110-3 §B.11.1.
  if (mse.value.sw !== SW.success && mse.value.sw >> 4 !== 0x63c) {
    if (mse.value.sw === SW.authenticationBlocked) return err(idCardErrors.passwordBlocked(method, mse.value.sw));
    return err(statusFailure(mse.value.sw, 'MSE:Set AT'));
  }

  // 1. Encrypted nonce.
  const z = await step(card, password, encodeTlv(0x7c, new Uint8Array(0)), false, 0x80, 'GENERAL AUTHENTICATE (nonce)');
  if (!z.ok) return z;
  if (z.value.length === 0 || z.value.length % (cipher === '3des' ? 8 : 16) !== 0)
    return err(idCardErrors.responseMalformed('PACE nonce length'));
  const s = bigIntFromBytes(decryptNonce(cipher, passwordKey(password, cipher), z.value));

  // 2. Generic Mapping: H = sk·PK_IC, G̃ = s·G + H.
  const mapping = keyPairOn(curve, curve.g, randomScalar(curve, random));
  if (!mapping.ok) return mapping;
  const mapIcBytes = await step(card, password, dynamicData(0x81, encodePoint(curve, mapping.value.publicKey)), false, 0x82, 'GENERAL AUTHENTICATE (map)');
  if (!mapIcBytes.ok) return mapIcBytes;
  const mapIc = cardPoint(curve, mapIcBytes.value, mapping.value.publicKey, 'mapping key');
  if (!mapIc.ok) return mapIc;
  const h = scalarMultiply(curve, mapping.value.privateKey, mapIc.value);
  const mapped = pointAdd(curve, scalarMultiply(curve, s, curve.g), h);
  if (mapped.kind !== 'affine') return err(idCardErrors.authenticationFailed('PACE', 'mapped generator at infinity'));

  // 3. Key agreement on G̃.
  const ephemeral = keyPairOn(curve, mapped, randomScalar(curve, random));
  if (!ephemeral.ok) return ephemeral;
  const ephIcBytes = await step(card, password, dynamicData(0x83, encodePoint(curve, ephemeral.value.publicKey)), false, 0x84, 'GENERAL AUTHENTICATE (key agreement)');
  if (!ephIcBytes.ok) return ephIcBytes;
  const ephIc = cardPoint(curve, ephIcBytes.value, ephemeral.value.publicKey, 'ephemeral key');
  if (!ephIc.ok) return ephIc;
  const shared = scalarMultiply(curve, ephemeral.value.privateKey, ephIc.value);
  if (shared.kind !== 'affine') return err(idCardErrors.authenticationFailed('PACE', 'shared secret at infinity'));
  const keys = sessionKeys(cipher, bigIntToBytes(shared.x, curve.size));

  // 4. Mutual authentication: our token covers the chip's key, the chip's covers ours.
  const tIfd = authenticationToken(keys, info.oid, curve, ephIc.value);
  const tIc = await step(card, password, dynamicData(0x85, tIfd), true, 0x86, 'GENERAL AUTHENTICATE (mutual authentication)');
  if (!tIc.ok) return tIc;
  if (!constantTimeEqual(authenticationToken(keys, info.oid, curve, ephemeral.value.publicKey), tIc.value))
    return err(idCardErrors.authenticationFailed('PACE', 'the chip authentication token does not verify'));

  return ok({ channel: createSecureChannel(keys, 0n), keys, password: password.kind, info });
}
