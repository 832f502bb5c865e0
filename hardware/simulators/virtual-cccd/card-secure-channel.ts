import { err, ok, type Result } from '../../../src-shared/result';
import { encodeResponse, SW, type CommandApdu, type ResponseApdu } from '../../id-card/apdu';
import { concat, constantTimeEqual } from '../../id-card/bytes';
import { blockSizeOf } from '../../id-card/crypto/kdf';
import { padIso9797, unpadIso9797 } from '../../id-card/crypto/padding';
import { nextSsc, smDecrypt, smEncrypt, smMac, type SmKeys } from '../../id-card/sm-crypto';
import { decodeTlvList, encodeTlv, findTlv } from '../../id-card/tlv';

/**
 * The chip's side of secure messaging: check and decrypt a protected command, protect the response. Kept apart
 * from the reader's code (sharing only the cipher primitives) so the reader is tested against an independent
 * implementation of the framing, and both against the Appendix D.4 transcript.
 */
export type CardSecureChannel = {
  unwrapCommand(header: { cla: number; ins: number; p1: number; p2: number }, data: Uint8Array): Result<CommandApdu, number>;
  wrapResponse(response: ResponseApdu): Uint8Array;
};

export function createCardSecureChannel(keys: SmKeys, initialSsc: bigint): CardSecureChannel {
  let ssc = initialSsc;
  const block = blockSizeOf(keys.cipher);

  const unwrapCommand: CardSecureChannel['unwrapCommand'] = (header, data) => {
    ssc = nextSsc(keys.cipher, ssc);
    if ((header.cla & 0x0c) !== 0x0c) return err(SW.smObjectsMissing);
    const objects = decodeTlvList(data);
    if (!objects.ok) return err(SW.smObjectsIncorrect);
    const mac = findTlv(objects.value, 0x8e);
    if (mac === undefined) return err(SW.smObjectsMissing);
    const covered = objects.value.filter((object) => object.tag !== 0x8e).map((object) => object.raw);
    const headerBytes = Uint8Array.of(header.cla, header.ins, header.p1, header.p2);
    if (!constantTimeEqual(smMac(keys, ssc, padIso9797(headerBytes, block), ...covered), mac.value)) return err(SW.smObjectsIncorrect);

    let plain: Uint8Array = new Uint8Array(0);
    const do87 = findTlv(objects.value, 0x87);
    const do85 = findTlv(objects.value, 0x85);
    const cryptogram = do87 !== undefined ? do87.value.subarray(1) : do85?.value;
    if (cryptogram !== undefined) {
      if (cryptogram.length === 0 || cryptogram.length % block !== 0) return err(SW.smObjectsIncorrect);
      const unpadded = unpadIso9797(smDecrypt(keys, ssc, cryptogram));
      if (unpadded === undefined) return err(SW.smObjectsIncorrect);
      plain = unpadded;
    }
    const le = findTlv(objects.value, 0x97)?.value;
    const ne =
      le === undefined
        ? undefined
        : le.length === 1
          ? (le[0] ?? 0) || 256
          : (((le[0] ?? 0) << 8) | (le[1] ?? 0)) || 65536;
    const command: CommandApdu = {
      cla: header.cla & ~0x0c,
      ins: header.ins,
      p1: header.p1,
      p2: header.p2,
      ...(plain.length > 0 ? { data: plain } : {}),
      ...(ne === undefined ? {} : { ne }),
    };
    return ok(command);
  };

  const wrapResponse = (response: ResponseApdu): Uint8Array => {
    ssc = nextSsc(keys.cipher, ssc);
    const dataObject =
      response.data.length > 0
        ? encodeTlv(0x87, concat(Uint8Array.of(0x01), smEncrypt(keys, ssc, padIso9797(response.data, block))))
        : new Uint8Array(0);
    const status = encodeTlv(0x99, Uint8Array.of(response.sw >> 8, response.sw & 0xff));
    const mac = smMac(keys, ssc, dataObject, status);
    return encodeResponse({ data: concat(dataObject, status, encodeTlv(0x8e, mac)), sw: response.sw });
  };

  return { unwrapCommand, wrapResponse };
}
