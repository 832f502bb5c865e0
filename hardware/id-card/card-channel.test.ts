import { describe, expect, it } from 'vitest';
import { err, failure, ok, type Result } from '../../src-shared/result';
import { fromHex, toHex } from './bytes';
import { createCardChannel } from './card-channel';
import { cardTransportCodes, type CardTransport } from './transport';

function scripted(replies: readonly (string | Error)[]): CardTransport & { sent: string[] } {
  const sent: string[] = [];
  let next = 0;
  return {
    sent,
    transmit: async (apdu): Promise<Result<Uint8Array>> => {
      sent.push(toHex(apdu));
      const reply = replies[next++] ?? '6F00';
      if (reply instanceof Error) throw reply;
      if (reply === 'removed') return err(failure(cardTransportCodes.removed, 'rút thẻ', 'removed'));
      if (reply === 'transient') return err(failure(cardTransportCodes.transient, 'lỗi tạm', 'glitch'));
      return ok(fromHex(reply));
    },
  };
}

describe('card channel (plain APDUs)', () => {
  it('follows 61xx with GET RESPONSE and concatenates', async () => {
    const card = scripted(['01026104', '030405069000']);
    const reply = await createCardChannel(card, false).send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 256 });
    expect(reply.ok && toHex(reply.value.data)).toBe('010203040506');
    expect(card.sent[1]).toBe('00C0000004');
  });
  it('repeats a command with the exact Le after 6Cxx', async () => {
    const card = scripted(['6C05', '01020304059000']);
    const reply = await createCardChannel(card, false).send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 8 });
    expect(reply.ok && toHex(reply.value.data)).toBe('0102030405');
    expect(card.sent).toEqual(['00B0000008', '00B0000005']);
  });
  it('maps transport failures to reader failures, including a throwing transport', async () => {
    const channel = createCardChannel(scripted(['removed', 'transient', new Error('driver crashed'), '90']), false);
    const command = { cla: 0, ins: 0x84, p1: 0, p2: 0, ne: 8 };
    const codes = [];
    for (let i = 0; i < 4; i += 1) {
      const reply = await channel.send(command);
      codes.push(reply.ok ? 'ok' : reply.error.code);
    }
    expect(codes).toEqual(['id-card.card-removed', 'id-card.transient', 'id-card.transport', 'id-card.response-malformed']);
  });
});
