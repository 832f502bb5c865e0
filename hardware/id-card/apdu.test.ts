import { describe, expect, it } from 'vitest';
import { chainCommand, decodeCommand, encodeCommand, parseResponse, statusFailure, statusName, type CommandApdu } from './apdu';
import { fromHex, toHex } from './bytes';

const encode = (command: CommandApdu, extendedLength = false): string => {
  const result = encodeCommand(command, { extendedLength });
  if (!result.ok) throw new Error(result.error.messageEn);
  return toHex(result.value);
};

describe('command APDU encoding (ISO 7816-4 cases)', () => {
  it('case 1: header only', () => {
    expect(encode({ cla: 0, ins: 0xa4, p1: 0, p2: 0x0c })).toBe('00A4000C');
  });
  it('case 2S: Le 256 is written as 00', () => {
    expect(encode({ cla: 0, ins: 0x84, p1: 0, p2: 0, ne: 8 })).toBe('0084000008');
    expect(encode({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 256 })).toBe('00B0000000');
  });
  it('case 3S and 4S: Lc, data, Le', () => {
    expect(encode({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('011E') })).toBe('00A4020C02011E');
    expect(encode({ cla: 0x10, ins: 0x86, p1: 0, p2: 0, data: fromHex('7C00'), ne: 256 })).toBe('10860000027C0000');
  });
  it('case 2E, 3E, 4E when extended length is allowed', () => {
    expect(encode({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4096 }, true)).toBe('00B00000001000');
    expect(encode({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 65536 }, true)).toBe('00B00000000000');
    const data = new Uint8Array(300).fill(0xab);
    expect(encode({ cla: 0, ins: 0xd6, p1: 0, p2: 0, data }, true)).toBe(`00D60000${'00012C'}${'AB'.repeat(300)}`);
    expect(encode({ cla: 0, ins: 0x88, p1: 0, p2: 0, data: fromHex('0102'), ne: 512 }, true)).toBe('0088000000000201020200');
  });
  it('refuses extended length unless enabled, and out-of-range values', () => {
    const r1 = encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 1000 });
    expect(r1.ok ? undefined : r1.error.code).toBe('id-card.apdu-invalid');
    const r2 = encodeCommand({ cla: 256, ins: 0, p1: 0, p2: 0 });
    expect(r2.ok).toBe(false);
    const r3 = encodeCommand({ cla: 0, ins: 0, p1: 0, p2: 0, ne: 0 });
    expect(r3.ok).toBe(false);
  });
  it('decodes what it encodes, short and extended', () => {
    const commands: CommandApdu[] = [
      { cla: 0, ins: 0xa4, p1: 0, p2: 0x0c },
      { cla: 0, ins: 0x84, p1: 0, p2: 0, ne: 8 },
      { cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 256 },
      { cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('011E') },
      { cla: 0x0c, ins: 0xb0, p1: 0, p2: 0, data: fromHex('970104'), ne: 256 },
      { cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4096 },
      { cla: 0, ins: 0xd6, p1: 0, p2: 0, data: new Uint8Array(300) },
      { cla: 0, ins: 0x88, p1: 0, p2: 0, data: new Uint8Array(300), ne: 65536 },
    ];
    for (const command of commands) {
      const bytes = encodeCommand(command, { extendedLength: true });
      if (!bytes.ok) throw new Error('encode');
      const decoded = decodeCommand(bytes.value);
      expect(decoded.ok).toBe(true);
      if (decoded.ok) expect({ ...decoded.value, extended: undefined }).toEqual({ ...command, extended: undefined });
    }
    expect(decodeCommand(fromHex('00A4020C05011E')).ok).toBe(false);
  });
});

describe('command chaining', () => {
  it('sets the chaining bit on all parts but the last', () => {
    const parts = chainCommand({ cla: 0x00, ins: 0x2a, p1: 0, p2: 0, data: new Uint8Array(600), ne: 256 }, 255);
    expect(parts.map((p) => [p.cla, p.data?.length, p.ne])).toEqual([
      [0x10, 255, undefined],
      [0x10, 255, undefined],
      [0x00, 90, 256],
    ]);
  });
});

describe('responses and status words', () => {
  it('splits data and SW1SW2', () => {
    const r = parseResponse(fromHex('4608F919887022129000'));
    expect(r.ok && toHex(r.value.data)).toBe('4608F91988702212');
    expect(r.ok && r.value.sw).toBe(0x9000);
    expect(parseResponse(fromHex('90')).ok).toBe(false);
  });
  it('names status words in both languages', () => {
    expect(statusName(0x63c2).en).toBe('verification failed, 2 tries left');
    expect(statusName(0x6a82).vi).toBe('không tìm thấy tệp hoặc ứng dụng');
    const f = statusFailure(0x6982, 'READ BINARY');
    expect(f).toMatchObject({ code: 'id-card.status', sw: 0x6982 });
    expect(f.messageEn).toContain('SW 6982');
  });
});
