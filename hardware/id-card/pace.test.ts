import { describe, expect, it } from 'vitest';
import { ok, type Result } from '../../src-shared/result';
import { fromHex, toHex } from './bytes';
import { createCardChannel } from './card-channel';
import { parseSecurityInfos, choosePace } from './card-access';
import { performPace } from './pace';
import { passwordKey } from './pace-crypto';
import type { CardTransport } from './transport';

function scriptedCard(replies: readonly string[]): CardTransport & { sent: string[] } {
  const sent: string[] = [];
  let next = 0;
  return {
    sent,
    transmit: async (apdu): Promise<Result<Uint8Array>> => {
      sent.push(toHex(apdu));
      return ok(fromHex(replies[next++] ?? '6F00'));
    },
  };
}

const infos = parseSecurityInfos(fromHex('31143012060A04007F0007020204020202010202010D'));
const info = infos.ok ? choosePace(infos.value) : undefined;

// The worked example of gmrtd pace_test.go ("Appendix G1"): ECDH-GM, brainpoolP256r1, AES-128, MRZ password.
const cardReplies = [
  '9000',
  '7C12801095A3A016522EE98D01E76CB6B98B42C39000',
  '7C438241048' +
    '24FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54' +
    '9000',
  '7C438441049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094' +
    '9000',
  '7C0A86083ABB9674BCE93C089000',
];
const terminalPrivates = [
  fromHex('7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99'),
  fromHex('A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595'),
];

describe('PACE ECDH-GM brainpoolP256r1 AES-128 — worked example, byte for byte', () => {
  it('derives K_pi for MRZ and CAN passwords', () => {
    expect(toHex(passwordKey({ kind: 'mrz', mrzInformation: 'T22000129364081251010318' }, 'aes128'))).toBe('89DED1B26624EC1E634C1989302849DD');
    // The synthetic CCCD's CAN (self-computed value in the vectors file).
    expect(toHex(passwordKey({ kind: 'can', can: '012345' }, 'aes128'))).toBe('5E5CD537047973C8F8BFDEA168324EC0');
  });

  it('sends the published commands and derives the published session keys', async () => {
    if (info === undefined) throw new Error('no PACE info');
    const card = scriptedCard(cardReplies);
    const privates = [...terminalPrivates];
    const session = await performPace(createCardChannel(card, false), info, { kind: 'mrz', mrzInformation: 'T22000129364081251010318' }, () => privates.shift() ?? new Uint8Array(32));
    expect(card.sent).toEqual([
      '0022C1A412800A04007F0007020204020283010184010D',
      '10860000027C0000',
      '10860000457C438141047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D00',
      '10860000457C438341042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB3646200',
      '008600000C7C0A8508C2B0BD78D94BA86600',
    ]);
    expect(session.ok).toBe(true);
    if (!session.ok) return;
    expect(toHex(session.value.keys.kEnc)).toBe('F5F0E35C0D7161EE6724EE513A0D9A7F');
    expect(toHex(session.value.keys.kMac)).toBe('FE251C7858B356B24514B3BD5F4297D1');
  });

  it('refuses a chip token that does not verify', async () => {
    if (info === undefined) throw new Error('no PACE info');
    const replies = [...cardReplies];
    replies[4] = '7C0A86083ABB9674BCE93C099000';
    const privates = [...terminalPrivates];
    const session = await performPace(createCardChannel(scriptedCard(replies), false), info, { kind: 'mrz', mrzInformation: 'T22000129364081251010318' }, () => privates.shift() ?? new Uint8Array(32));
    expect(session.ok ? undefined : session.error.code).toBe('id-card.authentication-failed');
  });

  it('maps 63Cx on the last step to a wrong password with tries left', async () => {
    if (info === undefined) throw new Error('no PACE info');
    const replies = [...cardReplies];
    replies[4] = '63C2';
    const privates = [...terminalPrivates];
    const session = await performPace(createCardChannel(scriptedCard(replies), false), info, { kind: 'can', can: '000000' }, () => privates.shift() ?? new Uint8Array(32));
    expect(session.ok ? undefined : session.error).toMatchObject({ code: 'id-card.wrong-password', sw: 0x63c2 });
  });

  it('refuses an off-curve mapping key from the chip', async () => {
    if (info === undefined) throw new Error('no PACE info');
    const replies = [...cardReplies];
    replies[2] = replies[2]!.replace('CCD13C549000', 'CCD13C559000');
    const session = await performPace(createCardChannel(scriptedCard(replies), false), info, { kind: 'mrz', mrzInformation: 'T22000129364081251010318' });
    expect(session.ok ? undefined : session.error.code).toBe('id-card.authentication-failed');
  });
});
