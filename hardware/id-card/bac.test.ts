import { describe, expect, it } from 'vitest';
import { ok, type Result } from '../../src-shared/result';
import { bacKeysFromMrz, performBac } from './bac';
import { fromHex, toHex } from './bytes';
import { createCardChannel } from './card-channel';
import type { CardTransport } from './transport';

/** Replays the card's side of Appendix D.3 and records what the reader sent. */
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

describe('BAC — Doc 9303-11 Appendix D.2/D.3', () => {
  it('derives KEnc and KMAC from the MRZ information', () => {
    const keys = bacKeysFromMrz('L898902C<369080619406236');
    expect(toHex(keys.kSeed)).toBe('239AB9CB282DAF66231DC5A4DF6BFBAE');
    expect(toHex(keys.kEnc)).toBe('AB94FDECF2674FDFB9B391F85D7F76F2');
    expect(toHex(keys.kMac)).toBe('7962D9ECE03D1ACD4C76089DCE131543');
  });

  it('runs the mutual authentication byte for byte and derives the session keys and SSC', async () => {
    const card = scriptedCard([
      '4608F919887022129000',
      '46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D74499000',
    ]);
    const randomness = [fromHex('781723860C06C226'), fromHex('0B795240CB7049B01C19B33E32804F0B')];
    const session = await performBac(createCardChannel(card, false), 'L898902C<369080619406236', () => randomness.shift() ?? new Uint8Array());
    expect(card.sent).toEqual([
      '0084000008',
      '008200002872C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A728',
    ]);
    expect(session.ok).toBe(true);
    if (!session.ok) return;
    expect(toHex(session.value.keys.kEnc)).toBe('979EC13B1CBFE9DCD01AB0FED307EAE5');
    expect(toHex(session.value.keys.kMac)).toBe('F1CB1F1FB5ADF208806B89DC579DC1F8');
    expect(session.value.ssc.toString(16).toUpperCase()).toBe('887022120C06C226');
    // The session continues with the D.4 SELECT EF.COM.
    const select = session.value.channel.wrap({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('011E') });
    expect(select.ok && toHex(select.value)).toBe('0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800');
  });

  it('reports a wrong MRZ as a typed failure', async () => {
    const card = scriptedCard(['4608F919887022129000', '6300']);
    const session = await performBac(createCardChannel(card, false), 'L898902C<369080619406236');
    expect(session.ok ? undefined : session.error.code).toBe('id-card.wrong-password');
  });

  it('refuses a chip whose answer does not carry our challenge', async () => {
    const card = scriptedCard([
      '4608F919887022139000',
      '46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D74499000',
    ]);
    const randomness = [fromHex('781723860C06C226'), fromHex('0B795240CB7049B01C19B33E32804F0B')];
    const session = await performBac(createCardChannel(card, false), 'L898902C<369080619406236', () => randomness.shift() ?? new Uint8Array());
    expect(session.ok ? undefined : session.error.code).toBe('id-card.authentication-failed');
  });
});
