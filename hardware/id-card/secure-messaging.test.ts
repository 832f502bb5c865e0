import { describe, expect, it } from 'vitest';
import { createCardSecureChannel } from '../simulators/virtual-cccd/card-secure-channel';
import { fromHex, toHex } from './bytes';
import { createSecureChannel } from './secure-messaging';
import type { SmKeys } from './sm-crypto';

// Doc 9303-11 Appendix D.4: session keys and SSC from D.3.
const keys: SmKeys = {
  cipher: '3des',
  kEnc: fromHex('979EC13B1CBFE9DCD01AB0FED307EAE5'),
  kMac: fromHex('F1CB1F1FB5ADF208806B89DC579DC1F8'),
};
const ssc = 0x887022120c06c226n;

const transcript = [
  {
    plain: { cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: fromHex('011E') },
    command: '0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800',
    response: '990290008E08FA855A5D4C50A8ED9000',
    data: '',
  },
  {
    plain: { cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 },
    command: '0CB000000D9701048E08ED6705417E96BA5500',
    response: '8709019FF0EC34F992265199029000' + '8E08AD55CC17140B2DED9000',
    data: '60145F01',
  },
  {
    plain: { cla: 0, ins: 0xb0, p1: 0, p2: 4, ne: 0x12 },
    command: '0CB000040D9701128E082EA28A70F3C7B53500',
    response: '871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A99029000' + '8E08C8B2787EAEA07D749000',
    data: '04303130365F36063034303030305C026175',
  },
];

describe('3DES secure messaging — Doc 9303-11 Appendix D.4, byte for byte', () => {
  it('protects the commands and verifies and decrypts the responses (terminal side)', () => {
    const channel = createSecureChannel(keys, ssc);
    for (const step of transcript) {
      const wrapped = channel.wrap(step.plain);
      expect(wrapped.ok && toHex(wrapped.value)).toBe(step.command);
      const unwrapped = channel.unwrap(fromHex(step.response));
      expect(unwrapped.ok).toBe(true);
      if (unwrapped.ok) {
        expect(toHex(unwrapped.value.data)).toBe(step.data);
        expect(unwrapped.value.sw).toBe(0x9000);
        expect(unwrapped.value.authenticated).toBe(true);
      }
    }
  });

  it('checks the commands and produces the same responses (card side)', () => {
    const card = createCardSecureChannel(keys, ssc);
    for (const step of transcript) {
      const bytes = fromHex(step.command);
      const command = card.unwrapCommand(
        { cla: bytes[0] ?? 0, ins: bytes[1] ?? 0, p1: bytes[2] ?? 0, p2: bytes[3] ?? 0 },
        bytes.subarray(5, 5 + (bytes[4] ?? 0)),
      );
      expect(command.ok).toBe(true);
      if (command.ok) expect(command.value).toEqual(step.plain);
      expect(toHex(card.wrapResponse({ data: fromHex(step.data), sw: 0x9000 }))).toBe(step.response);
    }
  });

  it('rejects a response whose MAC was tampered with', () => {
    const channel = createSecureChannel(keys, ssc);
    channel.wrap(transcript[0]!.plain);
    const tampered = fromHex(transcript[0]!.response);
    tampered[8] = (tampered[8] ?? 0) ^ 0x01;
    const result = channel.unwrap(tampered);
    expect(result.ok ? undefined : result.error.code).toBe('id-card.secure-messaging');
  });

  it('passes a bare status word through as unauthenticated', () => {
    const channel = createSecureChannel(keys, ssc);
    channel.wrap(transcript[0]!.plain);
    expect(channel.unwrap(fromHex('6988'))).toEqual({ ok: true, value: { data: new Uint8Array(0), sw: 0x6988, authenticated: false } });
  });

  it('round-trips AES-128 messages with the card side, incl. extended Le', () => {
    const aesKeys: SmKeys = { cipher: 'aes128', kEnc: fromHex('F5F0E35C0D7161EE6724EE513A0D9A7F'), kMac: fromHex('FE251C7858B356B24514B3BD5F4297D1') };
    const terminal = createSecureChannel(aesKeys, 0n);
    const card = createCardSecureChannel(aesKeys, 0n);
    const payload = new Uint8Array(3000).map((_, i) => i & 0xff);
    for (const plain of [
      { cla: 0, ins: 0xa4, p1: 4, p2: 0x0c, data: fromHex('A0000002471001') },
      { cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 3000 },
    ]) {
      const wrapped = terminal.wrap(plain, { extendedLength: true });
      if (!wrapped.ok) throw new Error(wrapped.error.messageEn);
      const bytes = wrapped.value;
      const extended = bytes[4] === 0;
      const lc = extended ? ((bytes[5] ?? 0) << 8) | (bytes[6] ?? 0) : (bytes[4] ?? 0);
      const command = card.unwrapCommand({ cla: bytes[0] ?? 0, ins: bytes[1] ?? 0, p1: bytes[2] ?? 0, p2: bytes[3] ?? 0 }, bytes.subarray(extended ? 7 : 5, (extended ? 7 : 5) + lc));
      expect(command).toEqual({ ok: true, value: plain });
      const data = plain.ins === 0xb0 ? payload : new Uint8Array(0);
      const response = terminal.unwrap(card.wrapResponse({ data, sw: 0x9000 }));
      expect(response.ok && response.value.data).toEqual(data);
    }
  });
});
