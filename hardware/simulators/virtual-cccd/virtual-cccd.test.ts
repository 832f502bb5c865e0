import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../id-card/bytes';
import { createVirtualCccd, type VirtualCccd } from './virtual-cccd';

function card(): VirtualCccd {
  const created = createVirtualCccd({ activeAuthentication: 'none' });
  if (!created.ok) throw new Error(created.error.messageEn);
  return created.value;
}

async function send(target: VirtualCccd, hex: string): Promise<string> {
  const reply = await target.transmit(fromHex(hex));
  if (!reply.ok) return reply.error.code;
  return toHex(reply.value);
}

describe('virtual CCCD: plain APDUs and access control', () => {
  it('serves EF.CardAccess without authentication', async () => {
    const c = card();
    expect(await send(c, '00A4020C02011C')).toBe('9000');
    expect(await send(c, '00B0000004')).toBe('3134300D9000');
  });
  it('selects the eMRTD application but refuses to read data groups without a session', async () => {
    const c = card();
    expect(await send(c, '00A4040C07A0000002471001')).toBe('9000');
    expect(await send(c, '00A4020C020101')).toBe('9000');
    expect(await send(c, '00B0000004')).toBe('6982');
    expect(await send(c, '00A4020C020103')).toBe('6A82');
  });
  it('answers unknown instructions and malformed APDUs with status words', async () => {
    const c = card();
    expect(await send(c, '00CA000000')).toBe('6D00');
    expect(await send(c, '00A4')).toBe('6700');
    expect(await send(c, '0CB000000D9701048E08ED6705417E96BA5500')).toBe('6987');
  });
  it('gives an 8-byte challenge and rejects a bad EXTERNAL AUTHENTICATE', async () => {
    const c = card();
    expect((await send(c, '0084000008')).length).toBe(20);
    expect(await send(c, `0082000028${'00'.repeat(40)}28`)).toBe('6300');
  });
  it('leaves the reader on command and comes back on reinsert', async () => {
    const c = card();
    c.inject({ kind: 'vanish', afterCommands: 1 });
    expect(await send(c, '00A4020C02011C')).toBe('9000');
    expect(await send(c, '00A4020C02011C')).toBe('card-transport.removed');
    expect(await send(c, '00A4020C02011C')).toBe('card-transport.removed');
    c.reinsert();
    expect(await send(c, '00A4020C02011C')).toBe('9000');
  });
  it('corrupts a data group on command, after the SOD was signed', () => {
    const c = card();
    const before = c.files.get('DG13');
    c.inject({ kind: 'corrupt-data-group', dataGroup: 13 });
    expect(toHex(c.files.get('DG13') ?? new Uint8Array())).not.toBe(toHex(before ?? new Uint8Array()));
    expect(c.files.get('DG13')?.length).toBe(before?.length);
  });
});

describe('synthetic people', () => {
  it('writes TD1 MRZs whose check digits the reader accepts, and reproduces the vectors person', async () => {
    const { parseMrz } = await import('../../id-card/mrz');
    const { secondSyntheticPerson, syntheticPerson, syntheticTd1 } = await import('./person');
    expect(syntheticTd1({ documentNumber: '099012345', citizenId: '001099012345', dateOfBirth: '990115', sex: 'M', dateOfExpiry: '240115', surname: 'NGUYEN', givenNames: 'VAN A' })).toEqual(syntheticPerson.mrz);
    const second = parseMrz(secondSyntheticPerson.mrz.join('\n'));
    expect(second.ok && [second.value.citizenId, second.value.dateOfBirth, second.value.sex]).toEqual(['079301006789', '010902', 'F']);
  });
});
