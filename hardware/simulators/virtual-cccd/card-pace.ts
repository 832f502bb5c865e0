import { SW, type ResponseApdu } from '../../id-card/apdu';
import type { Random } from '../../id-card/bac';
import { bigIntFromBytes, bigIntToBytes, constantTimeEqual } from '../../id-card/bytes';
import { brainpoolP256r1 } from '../../id-card/crypto/curves';
import { decodePoint, encodePoint, keyPairOn, pointAdd, randomScalar, scalarMultiply, type AffinePoint } from '../../id-card/crypto/ec';
import type { SessionCipher } from '../../id-card/crypto/kdf';
import { OID } from '../../id-card/oids';
import { authenticationToken, encryptNonce, passwordKey, sessionKeys, type PacePassword } from '../../id-card/pace-crypto';
import { children, decodeTlv, decodeTlvList, encodeTlv, findTlv } from '../../id-card/tlv';
import { derOid } from '../../id-card/der';
import type { CardSession } from './card-bac';

/**
 * The chip's side of PACE-ECDH-GM-AES-128 on brainpoolP256r1 (the CCCD's only variant): it picks the nonce,
 * maps the generator, agrees the key and checks the terminal's token. A wrong password surfaces at the
 * last step, as on real chips; each failure costs a try and is answered 63Cx (x = tries left), then 6983.
 */
export type CardPace = {
  setAt(data: Uint8Array, refuse: boolean): ResponseApdu;
  generalAuthenticate(data: Uint8Array): { readonly response: ResponseApdu; readonly session?: CardSession };
  readonly triesLeft: () => number;
};

export type CardPaceOptions = { readonly can: string; readonly mrzInformation: string; readonly tries: number; readonly random: Random };

const PROTOCOL = `${OID.paceEcdhGm}.2`;
const CIPHER: SessionCipher = 'aes128';
const curve = brainpoolP256r1;

type State =
  | { readonly step: 'idle' }
  | { readonly step: 'ready'; readonly password: PacePassword; readonly refuse: boolean }
  | { readonly step: 'nonce-sent'; readonly password: PacePassword; readonly refuse: boolean; readonly s: bigint }
  | { readonly step: 'mapped'; readonly password: PacePassword; readonly refuse: boolean; readonly generator: AffinePoint }
  | {
      readonly step: 'agreed';
      readonly refuse: boolean;
      readonly own: AffinePoint;
      readonly terminal: AffinePoint;
      readonly shared: Uint8Array;
    };

const reply = (data: Uint8Array, sw: number = SW.success): ResponseApdu => ({ data, sw });
const dynamic = (tag: number, value: Uint8Array): Uint8Array => encodeTlv(0x7c, encodeTlv(tag, value));
const status = (sw: number): ResponseApdu => ({ data: new Uint8Array(0), sw });

function requestObject(data: Uint8Array, tag: number): Uint8Array | undefined {
  const outer = decodeTlv(data);
  if (!outer.ok || outer.value.tag !== 0x7c) return undefined;
  const inner = children(outer.value);
  return inner.ok ? findTlv(inner.value, tag)?.value : undefined;
}

export function createCardPace(options: CardPaceOptions): CardPace {
  let state: State = { step: 'idle' };
  let tries = options.tries;

  const setAt = (data: Uint8Array, refuse: boolean): ResponseApdu => {
    state = { step: 'idle' };
    if (tries <= 0) return status(SW.authenticationBlocked);
    const list = decodeTlvList(data);
    const objects = list.ok ? list.value : [];
    const protocol = findTlv(objects, 0x80)?.value;
    const reference = findTlv(objects, 0x83)?.value[0];
    if (protocol === undefined || !constantTimeEqual(protocol, derOid(PROTOCOL).subarray(2))) return status(SW.wrongData);
    const parameter = findTlv(objects, 0x84)?.value[0];
    if (parameter !== undefined && parameter !== 13) return status(SW.wrongData);
    const password: PacePassword | undefined =
      reference === 0x02 ? { kind: 'can', can: options.can } : reference === 0x01 ? { kind: 'mrz', mrzInformation: options.mrzInformation } : undefined;
    if (password === undefined) return status(SW.referenceNotFound);
    state = { step: 'ready', password, refuse };
    return status(SW.success);
  };

  const fail = (): { response: ResponseApdu } => {
    state = { step: 'idle' };
    tries = Math.max(0, tries - 1);
    return { response: status(tries === 0 ? SW.authenticationBlocked : 0x63c0 | tries) };
  };

  const generalAuthenticate = (data: Uint8Array): { response: ResponseApdu; session?: CardSession } => {
    const current = state;
    switch (current.step) {
      case 'idle':
        return { response: status(SW.conditionsNotSatisfied) };
      case 'ready': {
        const nonce = options.random(16);
        state = { ...current, step: 'nonce-sent', s: bigIntFromBytes(nonce) };
        return { response: reply(dynamic(0x80, encryptNonce(CIPHER, passwordKey(current.password, CIPHER), nonce))) };
      }
      case 'nonce-sent': {
        const terminal = decodePoint(curve, requestObject(data, 0x81) ?? new Uint8Array(0));
        if (!terminal.ok) return fail();
        const own = keyPairOn(curve, curve.g, randomScalar(curve, options.random));
        if (!own.ok) return fail();
        const h = scalarMultiply(curve, own.value.privateKey, terminal.value);
        const generator = pointAdd(curve, scalarMultiply(curve, current.s, curve.g), h);
        if (generator.kind !== 'affine') return fail();
        state = { step: 'mapped', password: current.password, refuse: current.refuse, generator };
        return { response: reply(dynamic(0x82, encodePoint(curve, own.value.publicKey))) };
      }
      case 'mapped': {
        const terminal = decodePoint(curve, requestObject(data, 0x83) ?? new Uint8Array(0));
        if (!terminal.ok) return fail();
        const own = keyPairOn(curve, current.generator, randomScalar(curve, options.random));
        if (!own.ok) return fail();
        const shared = scalarMultiply(curve, own.value.privateKey, terminal.value);
        if (shared.kind !== 'affine') return fail();
        state = { step: 'agreed', refuse: current.refuse, own: own.value.publicKey, terminal: terminal.value, shared: bigIntToBytes(shared.x, curve.size) };
        return { response: reply(dynamic(0x84, encodePoint(curve, own.value.publicKey))) };
      }
      case 'agreed': {
        const keys = sessionKeys(CIPHER, current.shared);
        const token = requestObject(data, 0x85);
        const expected = authenticationToken(keys, PROTOCOL, curve, current.own);
        if (current.refuse || token === undefined || !constantTimeEqual(expected, token)) return fail();
        state = { step: 'idle' };
        tries = options.tries;
        return {
          response: reply(dynamic(0x86, authenticationToken(keys, PROTOCOL, curve, current.terminal))),
          session: { keys, ssc: 0n },
        };
      }
    }
  };

  return { setAt, generalAuthenticate, triesLeft: () => tries };
}
