import { err, ok, type Result } from '../../src-shared/result';
import { encodeCommand, type CommandApdu, type EncodeOptions, type ResponseApdu } from './apdu';
import { concat, constantTimeEqual } from './bytes';
import { blockSizeOf } from './crypto/kdf';
import { padIso9797, unpadIso9797 } from './crypto/padding';
import { idCardErrors, type IdCardFailure } from './errors';
import { MAC_LENGTH, nextSsc, smDecrypt, smEncrypt, smMac, type SmKeys } from './sm-crypto';
import { decodeTlvList, encodeTlv, findTlv } from './tlv';

/**
 * The terminal side of secure messaging (Doc 9303-11 §9.8.4–9.8.6). Each command and each response advances
 * the send sequence counter (SSC) once, before it is MACed or checked, so the two sides stay in lock step; a
 * response that fails its MAC ends the session (the caller must authenticate again).
 */
export type ProtectedResponse = ResponseApdu & {
  /** False when the card answered with a bare status word (it does so on SM errors, ending the session). */
  readonly authenticated: boolean;
};

export type SecureChannel = {
  readonly keys: SmKeys;
  wrap(command: CommandApdu, options?: EncodeOptions): Result<Uint8Array, IdCardFailure>;
  unwrap(response: Uint8Array): Result<ProtectedResponse, IdCardFailure>;
};

const SM_CLA = 0x0c;
const TAG = { cryptogram: 0x87, cryptogramOddIns: 0x85, le: 0x97, status: 0x99, mac: 0x8e } as const;

/** DO97 carries Le: one byte for short (256 → 00), two for extended (65536 → 0000). */
function leObject(ne: number | undefined): Uint8Array {
  if (ne === undefined) return new Uint8Array(0);
  if (ne <= 256) return encodeTlv(TAG.le, Uint8Array.of(ne === 256 ? 0 : ne));
  return encodeTlv(TAG.le, Uint8Array.of((ne >> 8) & 0xff, ne === 65536 ? 0 : ne & 0xff));
}

export function createSecureChannel(keys: SmKeys, initialSsc: bigint): SecureChannel {
  let ssc = initialSsc;
  const block = blockSizeOf(keys.cipher);

  const wrap = (command: CommandApdu, options: EncodeOptions = {}): Result<Uint8Array, IdCardFailure> => {
    if ((command.cla & SM_CLA) !== 0) return err(idCardErrors.apduInvalid('command is already protected'));
    ssc = nextSsc(keys.cipher, ssc);
    const header = Uint8Array.of(command.cla | SM_CLA, command.ins, command.p1, command.p2);
    const data = command.data ?? new Uint8Array(0);
    let dataObject: Uint8Array = new Uint8Array(0);
    if (data.length > 0) {
      const cryptogram = smEncrypt(keys, ssc, padIso9797(data, block));
      // Odd INS (e.g. READ BINARY B1) carries BER-TLV data and uses DO85 without the padding-indicator byte.
      dataObject =
        (command.ins & 1) === 1 ? encodeTlv(TAG.cryptogramOddIns, cryptogram) : encodeTlv(TAG.cryptogram, concat(Uint8Array.of(0x01), cryptogram));
    }
    const le = leObject(command.ne);
    const mac = smMac(keys, ssc, padIso9797(header, block), dataObject, le);
    const body = concat(dataObject, le, encodeTlv(TAG.mac, mac));
    const wantsMore = command.ne !== undefined && command.ne > 256;
    return encodeCommand(
      { cla: header[0] ?? SM_CLA, ins: command.ins, p1: command.p1, p2: command.p2, data: body, ne: wantsMore ? 65536 : 256 },
      options,
    );
  };

  const unwrap = (bytes: Uint8Array): Result<ProtectedResponse, IdCardFailure> => {
    ssc = nextSsc(keys.cipher, ssc);
    if (bytes.length < 2) return err(idCardErrors.responseMalformed('no status word'));
    const outerSw = ((bytes[bytes.length - 2] ?? 0) << 8) | (bytes[bytes.length - 1] ?? 0);
    const body = bytes.subarray(0, bytes.length - 2);
    if (body.length === 0) return ok({ data: new Uint8Array(0), sw: outerSw, authenticated: false });

    const objects = decodeTlvList(body);
    if (!objects.ok) return err(idCardErrors.secureMessaging('response data objects are malformed'));
    const macObject = findTlv(objects.value, TAG.mac);
    const statusObject = findTlv(objects.value, TAG.status);
    if (macObject === undefined || statusObject === undefined || statusObject.value.length !== 2)
      return err(idCardErrors.secureMessaging('response lacks DO99 or DO8E'));
    const covered = objects.value.filter((object) => object.tag !== TAG.mac).map((object) => object.raw);
    const expected = smMac(keys, ssc, ...covered);
    if (macObject.value.length !== MAC_LENGTH || !constantTimeEqual(expected, macObject.value))
      return err(idCardErrors.secureMessaging('response MAC does not verify'));

    const sw = ((statusObject.value[0] ?? 0) << 8) | (statusObject.value[1] ?? 0);
    const encrypted = findTlv(objects.value, TAG.cryptogram);
    const encryptedOdd = findTlv(objects.value, TAG.cryptogramOddIns);
    if (encrypted === undefined && encryptedOdd === undefined) return ok({ data: new Uint8Array(0), sw, authenticated: true });
    const cryptogram = encrypted !== undefined ? encrypted.value.subarray(1) : (encryptedOdd?.value ?? new Uint8Array(0));
    if (encrypted !== undefined && encrypted.value[0] !== 0x01) return err(idCardErrors.secureMessaging('unknown padding indicator'));
    if (cryptogram.length === 0 || cryptogram.length % block !== 0) return err(idCardErrors.secureMessaging('cryptogram length'));
    const plain = unpadIso9797(smDecrypt(keys, ssc, cryptogram));
    if (plain === undefined) return err(idCardErrors.secureMessaging('bad padding in the decrypted response'));
    return ok({ data: plain, sw, authenticated: true });
  };

  return { keys, wrap, unwrap };
}
