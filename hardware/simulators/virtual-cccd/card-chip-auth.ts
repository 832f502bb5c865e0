import { SW, type ResponseApdu } from '../../id-card/apdu';
import type { Random } from '../../id-card/bac';
import { bigIntToBytes, constantTimeEqual } from '../../id-card/bytes';
import { brainpoolP256r1 } from '../../id-card/crypto/curves';
import { decodePoint, encodePoint, keyPairOn, randomScalar, scalarMultiply, type Curve, type EcKeyPair } from '../../id-card/crypto/ec';
import type { SessionCipher } from '../../id-card/crypto/kdf';
import { derBitString, derInteger, derOctetString, derOid, derSequence } from '../../id-card/der';
import { OID } from '../../id-card/oids';
import { sessionKeys } from '../../id-card/pace-crypto';
import { children, decodeTlv, decodeTlvList, findTlv } from '../../id-card/tlv';
import type { CardSession } from './card-bac';

/**
 * The chip's side of Chip Authentication with ECDH (Doc 9303-11 §6.2): a static key pair whose public half DG14
 * publishes (as real chips do, with explicit curve parameters), MSE:Set AT + GENERAL AUTHENTICATE for the AES
 * protocols and MSE:Set KAT for 3DES. On success the answer still goes out under the old keys; the new session
 * (SSC 0) starts right after. `useWrongKey` makes it behave like a clone that copied DG14 without the private key.
 */
export type CardChipAuthCipher = '3des' | 'aes128';

export type CardChipAuthentication = {
  /** The SecurityInfo entries DG14 carries: ChipAuthenticationInfo and ChipAuthenticationPublicKeyInfo. */
  readonly securityInfos: readonly Uint8Array[];
  setAt(data: Uint8Array): ResponseApdu;
  setKat(data: Uint8Array): { readonly response: ResponseApdu; readonly session?: CardSession };
  generalAuthenticate(data: Uint8Array): { readonly response: ResponseApdu; readonly session?: CardSession };
  /** GENERAL AUTHENTICATE belongs to CA (not PACE) only after a CA MSE:Set AT. */
  readonly armed: () => boolean;
  useWrongKey(wrong: boolean): void;
};

export type CardChipAuthOptions = { readonly cipher: CardChipAuthCipher; readonly keyId?: number; readonly random: Random; readonly curve?: Curve };

const status = (sw: number): ResponseApdu => ({ data: new Uint8Array(0), sw });
const sessionCipher = (cipher: CardChipAuthCipher): SessionCipher => cipher;

/** ECParameters with the curve spelled out (RFC 3279 §2.3.5), which is how eMRTD chips publish their CA key. */
export function explicitEcSpki(curve: Curve, point: Uint8Array): Uint8Array {
  const parameters = derSequence(
    derInteger(1),
    derSequence(derOid('1.2.840.10045.1.1'), derInteger(curve.p)),
    derSequence(derOctetString(bigIntToBytes(curve.a, curve.size)), derOctetString(bigIntToBytes(curve.b, curve.size))),
    derOctetString(encodePoint(curve, curve.g)),
    derInteger(curve.n),
    derInteger(1),
  );
  return derSequence(derSequence(derOid(OID.ecPublicKey), parameters), derBitString(point));
}

export function createCardChipAuthentication(options: CardChipAuthOptions): CardChipAuthentication {
  const curve = options.curve ?? brainpoolP256r1;
  const protocol = `${OID.chipAuthentication}.2.${options.cipher === '3des' ? 1 : 2}`;
  const generate = (): EcKeyPair => {
    const pair = keyPairOn(curve, curve.g, randomScalar(curve, options.random));
    if (!pair.ok) throw new Error('the virtual chip could not make its key pair');
    return pair.value;
  };
  const key = generate();
  const impostor = generate();
  let wrongKey = false;
  let armed = false;
  const keyId = options.keyId === undefined ? [] : [derInteger(options.keyId)];
  const securityInfos = [
    derSequence(derOid(protocol), derInteger(1), ...keyId),
    derSequence(derOid(`${OID.chipAuthenticationPublicKey}.2`), explicitEcSpki(curve, encodePoint(curve, key.publicKey)), ...keyId),
  ];

  const keyIdMatches = (objects: ReturnType<typeof findTlv>): boolean => {
    if (objects === undefined) return true;
    const value = objects.value.reduce((acc, byte) => acc * 256 + byte, 0);
    return options.keyId === undefined || value === options.keyId;
  };

  /** Agreement on the terminal's ephemeral key; undefined when the key is not a point of the curve. */
  const agree = (terminalKey: Uint8Array | undefined): CardSession | undefined => {
    const point = decodePoint(curve, terminalKey ?? new Uint8Array(0));
    if (!point.ok) return undefined;
    const shared = scalarMultiply(curve, (wrongKey ? impostor : key).privateKey, point.value);
    if (shared.kind !== 'affine') return undefined;
    return { keys: sessionKeys(sessionCipher(options.cipher), bigIntToBytes(shared.x, curve.size)), ssc: 0n };
  };

  return {
    securityInfos,
    setAt(data) {
      armed = false;
      const list = decodeTlvList(data);
      const objects = list.ok ? list.value : [];
      const oid = findTlv(objects, 0x80)?.value;
      if (options.cipher === '3des' || oid === undefined || !constantTimeEqual(oid, derOid(protocol).subarray(2))) return status(SW.wrongData);
      if (!keyIdMatches(findTlv(objects, 0x84))) return status(SW.referenceNotFound);
      armed = true;
      return status(SW.success);
    },
    setKat(data) {
      armed = false;
      const list = decodeTlvList(data);
      const objects = list.ok ? list.value : [];
      if (options.cipher !== '3des') return { response: status(SW.wrongData) };
      if (!keyIdMatches(findTlv(objects, 0x84))) return { response: status(SW.referenceNotFound) };
      const session = agree(findTlv(objects, 0x91)?.value);
      return session === undefined ? { response: status(SW.wrongData) } : { response: status(SW.success), session };
    },
    generalAuthenticate(data) {
      if (!armed) return { response: status(SW.conditionsNotSatisfied) };
      armed = false;
      const outer = decodeTlv(data);
      const inner = outer.ok && outer.value.tag === 0x7c ? children(outer.value) : undefined;
      const session = agree(inner?.ok ? findTlv(inner.value, 0x80)?.value : undefined);
      return session === undefined ? { response: status(SW.wrongData) } : { response: { data: Uint8Array.of(0x7c, 0x00), sw: SW.success }, session };
    },
    armed: () => armed,
    useWrongKey(wrong) {
      wrongKey = wrong;
    },
  };
}
