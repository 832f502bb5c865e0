import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lockVpcdSlot, startVpcdCardProcess, type VpcdCardCommand, type VpcdCardProcess, type VpcdSlotLock } from '../simulators/virtual-cccd/vpcd-bridge';
import { classifyPcscError, connectPcscCard, listPcscReaders, waitForPcscCard, type PcscCardConnection } from '../transports/pcsc';
import { readIdCard } from './reader';

/**
 * End to end over the real stack: reader → smartcard (N-API) → libpcsclite → pcscd → vsmartcard-vpcd → TCP →
 * vpcd bridge → virtual CCCD (in a child process: see startVpcdCardProcess for why). pcscd is started by scripts/start-pcscd.sh (idempotent), so no manual step.
 * vpcd slot 0 (port 35963, "Virtual PCD 00 00") belongs to this file; the CLI test uses slot 1 (35964) so the
 * two can run in parallel.
 */
const PORT = 35963;
const READER = 'Virtual PCD 00 00';
const pcscdInstalled = ['/usr/sbin/pcscd', '/usr/bin/pcscd', '/usr/local/sbin/pcscd'].some((path) => existsSync(path));

let card: VpcdCardProcess | undefined;
let connection: PcscCardConnection | undefined;

async function tell(target: VpcdCardProcess, command: VpcdCardCommand): Promise<number> {
  const done = await target.send(command);
  if (!done.ok) throw new Error(done.error.messageEn);
  return done.value;
}

async function waitForEmptyReader(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const readers = await listPcscReaders();
    if (readers.ok && !readers.value.some((r) => r.name === READER && r.cardPresent)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${READER} still shows a card`);
}

/** A fresh virtual card in the vpcd reader, once pcscd has seen it, and a PC/SC connection to it. */
async function insertCard(): Promise<{ card: VpcdCardProcess; csca: X509Certificate; connection: PcscCardConnection }> {
  const started = await startVpcdCardProcess({ port: PORT });
  if (!started.ok) throw new Error(started.error.messageEn);
  card = started.value;
  await tell(card, { op: 'insert' });
  const seen = await waitForPcscCard({ reader: READER, timeoutMs: 10_000 });
  if (!seen.ok) throw new Error(seen.error.messageEn);
  const connected = await connectPcscCard(READER);
  if (!connected.ok) throw new Error(connected.error.messageEn);
  connection = connected.value;
  return { card, csca: new X509Certificate(card.cscaPem), connection };
}

afterEach(async () => {
  connection?.disconnect();
  await card?.stop();
  connection = undefined;
  card = undefined;
  if (pcscdInstalled) await waitForEmptyReader();
});

describe.skipIf(!pcscdInstalled)('ID card over real pcscd + vsmartcard-vpcd + smartcard (PC/SC end to end)', () => {
  let slot: VpcdSlotLock | undefined;
  beforeAll(async () => {
    execFileSync('sh', [join(import.meta.dirname, '../../scripts/start-pcscd.sh')], { stdio: 'pipe', timeout: 15_000 });
    const locked = await lockVpcdSlot(PORT);
    if (!locked.ok) throw new Error(locked.error.messageEn);
    slot = locked.value;
  }, 200_000);
  afterAll(() => slot?.release());

  it('lists the vpcd reader, sees the card arrive with a contactless ATR, and sees it leave', async () => {
    const before = await listPcscReaders();
    expect(before.ok && before.value.some((r) => r.name === READER)).toBe(true);
    const { card: vc } = await insertCard();
    const readers = await listPcscReaders();
    const reader = readers.ok ? readers.value.find((r) => r.name === READER) : undefined;
    expect(reader?.cardPresent).toBe(true);
    expect(reader?.atr).toBe('3B88800100000000778181007E');
    connection?.disconnect();
    await tell(vc, { op: 'remove' });
    await waitForEmptyReader();
  });

  it('reads the whole card with PACE-CAN through pcscd and passes passive authentication', async () => {
    const { connection: c, csca } = await insertCard();
    const read = await readIdCard(c, { can: '012345', trustedCscas: [csca] });
    if (!read.ok) throw new Error(`${read.error.code}: ${read.error.messageEn}`);
    expect(read.value.access.method).toBe('PACE-CAN');
    expect(read.value.dg1?.ok && read.value.dg1.value.citizenId).toBe('001099012345');
    expect(read.value.dg13?.ok && read.value.dg13.value.fullName).toBe('Nguyễn Văn A');
    expect(read.value.dg2?.ok && [read.value.dg2.value.format, read.value.dg2.value.image.length]).toEqual(['jpeg', 20_000]);
    expect(read.value.passiveAuthentication.status).toBe('passed');
    // Chip Authentication through the real PC/SC stack, then the data groups under the chip's keys.
    expect(read.value.chipAuthentication.status).toBe('passed');
    expect(read.value.activeAuthentication.status).toBe('not-attempted');
  });

  it('reports a wrong CAN with the tries left', async () => {
    const { connection: c } = await insertCard();
    const read = await readIdCard(c, { can: '999999' });
    expect(read.ok ? undefined : read.error).toMatchObject({ code: 'id-card.wrong-password', sw: 0x63c2 });
  });

  it('reports a card pulled out in the middle of DG2, then reads it after it is put back', async () => {
    const { card: vc, csca, connection: c } = await insertCard();
    let pulled = false;
    const read = await readIdCard(c, {
      can: '012345',
      onProgress: ({ file, bytesRead }) => {
        if (file === 'DG2' && bytesRead > 4000 && !pulled) {
          pulled = true;
          void vc.send({ op: 'remove' });
        }
      },
    });
    expect(pulled).toBe(true);
    expect(read.ok ? undefined : read.error).toMatchObject({ code: 'id-card.card-removed', file: 'DG2' });
    c.disconnect();
    await waitForEmptyReader();

    // The same card goes back on the reader: a new PC/SC connection reads it from the start.
    await tell(vc, { op: 'reinsert' });
    await tell(vc, { op: 'insert' });
    expect((await waitForPcscCard({ reader: READER, timeoutMs: 10_000 })).ok).toBe(true);
    const again = await connectPcscCard(READER);
    if (!again.ok) throw new Error(again.error.messageEn);
    connection = again.value;
    const second = await readIdCard(again.value, { can: '012345', trustedCscas: [csca] });
    expect(second.ok && second.value.passiveAuthentication.status).toBe('passed');
  });

  it('turns the chip leaving the field (virtual card fault) into a removed card', async () => {
    const { card: vc, connection: c } = await insertCard();
    await tell(vc, { op: 'inject', fault: { kind: 'vanish', file: 'DG13' } });
    const read = await readIdCard(c, { can: '012345' });
    expect(read.ok ? undefined : { code: read.error.code, file: read.error.file, message: read.error.messageEn }).toMatchObject({ code: 'id-card.card-removed', file: 'DG13' });
  });

  it('recovers from lost frames (pcscd reports a transient error, the reader re-opens PACE)', async () => {
    const { card: vc, csca, connection: c } = await insertCard();
    await tell(vc, { op: 'inject', fault: { kind: 'transient', file: 'DG1', count: 1 } });
    const read = await readIdCard(c, { can: '012345', trustedCscas: [csca] });
    if (!read.ok) throw new Error(`${read.error.code}: ${read.error.messageEn}`);
    expect(read.value.passiveAuthentication.status).toBe('passed');
    expect(await tell(vc, { op: 'count', ins: 0x22 })).toBeGreaterThanOrEqual(2);
  });

  it('says "no card" for an empty reader and classifies PC/SC errors', async () => {
    const none = await waitForPcscCard({ reader: READER, timeoutMs: 300 });
    expect(none.ok ? undefined : none.error.code).toBe('pcsc.no-card');
    const missing = await connectPcscCard('No Such Reader 99');
    expect(missing.ok ? undefined : missing.error.code).toBe('pcsc.no-reader');
    expect(classifyPcscError('Card was removed')).toBe('card-transport.removed');
    expect(classifyPcscError('Reader unavailable')).toBe('card-transport.removed');
    expect(classifyPcscError('Transaction failed')).toBe('card-transport.transient');
    expect(classifyPcscError('Operation timed out')).toBe('card-transport.transient');
  });
});
