import { describe, expect, it } from 'vitest';
import { createVirtualCccd, type VirtualCccd, type VirtualCccdOptions } from '../simulators/virtual-cccd';
import { createTestPki } from '../simulators/virtual-cccd/test-pki';
import type { FileProgress } from './file-reader';
import { readIdCard, type IdCardReadResult, type ReadOptions } from './reader';

// The synthetic CCCD of the vectors file: ID 001099012345, MRZ document number 099012345, DOB 990115, expiry 240115.
const mrz = { documentNumber: '099012345', dateOfBirth: '990115', dateOfExpiry: '240115' };
const pki = createTestPki();

function virtualCard(options: VirtualCccdOptions = {}): VirtualCccd {
  const card = createVirtualCccd({ pki, ...options });
  if (!card.ok) throw new Error(card.error.messageEn);
  return card.value;
}

async function read(card: VirtualCccd, options: ReadOptions): Promise<IdCardReadResult> {
  const result = await readIdCard(card, { trustedCscas: [card.pki.csca.certificate], ...options });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.messageEn}`);
  return result.value;
}

const gaCount = (card: VirtualCccd): number => card.commandLog.filter((c) => c.ins === 0x86).length;

describe('reader ↔ virtual CCCD, in process', () => {
  it('reads the whole card with PACE-CAN, passes chip and passive authentication, and prefers CA over AA', async () => {
    const card = virtualCard();
    const progress: FileProgress[] = [];
    const result = await read(card, { can: '012345', onProgress: (p) => progress.push(p) });

    expect(result.access.method).toBe('PACE-CAN');
    expect(result.access.attempts.map((a) => [a.method, a.outcome])).toEqual([['PACE-CAN', 'succeeded']]);
    expect(result.access.cardAccess?.pace[0]?.parameterId).toBe(13);
    expect(result.dg13?.ok && result.dg13.value.fullName).toBe('Nguyễn Văn A');
    expect(result.dg13?.ok && result.dg13.value.placeOfResidence).toBe('Số 1 Đường Mẫu, Phường Thử, Quận Giả, Hà Nội');
    expect(result.dg1?.ok && result.dg1.value.citizenId).toBe('001099012345');
    expect(result.dg2?.ok && [result.dg2.value.format, result.dg2.value.image.length]).toEqual(['jpeg', 20_000]);
    expect(result.passiveAuthentication).toMatchObject({ status: 'passed', checkedDataGroups: [1, 2, 13, 14, 15] });
    expect(result.chipAuthentication).toEqual({ status: 'passed', protocol: '0.4.0.127.0.7.2.2.3.2.2', cipher: 'aes128', curve: 'brainpoolP256r1' });
    expect(result.activeAuthentication.status).toBe('not-attempted');
    expect([...result.files.keys()]).toEqual(['EF.SOD', 'EF.COM', 'DG14', 'DG1', 'DG2', 'DG13', 'DG15']);

    // Progress: per file, monotonic, ending at the file size.
    const dg2 = progress.filter((p) => p.file === 'DG2');
    expect(dg2.at(-1)?.bytesRead).toBe(dg2.at(-1)?.totalBytes);
    expect(dg2.map((p) => p.bytesRead)).toEqual([...dg2.map((p) => p.bytesRead)].sort((a, b) => a - b));
    expect(new Set(progress.map((p) => p.file))).toEqual(new Set(['EF.SOD', 'EF.COM', 'DG1', 'DG2', 'DG13', 'DG14', 'DG15']));
    expect(result.steps.map((s) => s.step)).toEqual([
      'open-application',
      'read EF.SOD',
      'read EF.COM',
      'read DG14',
      'chip-authentication',
      'read DG1',
      'read DG2',
      'read DG13',
      'read DG15',
      'passive-authentication',
    ]);
    expect(result.steps.every((s) => s.durationMs >= 0)).toBe(true);
  });

  it('verifies the SOD with the pure BigInt engine when asked (hosts without brainpool)', async () => {
    const brainpool = createTestPki({ cscaAlgorithm: 'ec-brainpoolP512r1', documentSignerAlgorithm: 'ec-brainpoolP256r1' });
    const created = createVirtualCccd({ pki: brainpool, activeAuthentication: 'none' });
    if (!created.ok) throw new Error('card');
    const result = await read(created.value, { can: '012345', signatureEngine: 'pure-ecdsa' });
    expect(result.passiveAuthentication.status).toBe('passed');
  });

  it('reads a BAC-only chip with the MRZ', async () => {
    const card = virtualCard({ pace: false });
    const result = await read(card, { can: '012345', mrz });
    expect(result.access.method).toBe('BAC');
    expect(result.access.cardAccess).toBeUndefined();
    expect(result.dg13?.ok && result.dg13.value.citizenId).toBe('001099012345');
    expect(result.passiveAuthentication.status).toBe('passed');
  });

  it('uses PACE-MRZ when only the MRZ is known', async () => {
    const result = await read(virtualCard(), { mrz });
    expect(result.access.method).toBe('PACE-MRZ');
    expect(result.passiveAuthentication.status).toBe('passed');
  });

  it('reports a wrong CAN with the tries left, and falls back to the MRZ when it is known', async () => {
    const card = virtualCard();
    const wrong = await readIdCard(card, { can: '999999' });
    expect(wrong.ok ? undefined : wrong.error).toMatchObject({ code: 'id-card.wrong-password', sw: 0x63c2 });
    expect(wrong.ok ? '' : wrong.error.messageEn).toContain('2 tries left');

    const fallback = await read(virtualCard(), { can: '999999', mrz });
    expect(fallback.access.attempts.map((a) => [a.method, a.outcome])).toEqual([
      ['PACE-CAN', 'failed'],
      ['PACE-MRZ', 'succeeded'],
    ]);
  });

  it('reports a refused key (fault injection) as a wrong password, for PACE and for BAC', async () => {
    const paceCard = virtualCard();
    paceCard.inject({ kind: 'refuse-password' });
    const pace = await readIdCard(paceCard, { can: '012345' });
    expect(pace.ok ? undefined : pace.error).toMatchObject({ code: 'id-card.wrong-password', sw: 0x63c2 });
    const bacCard = virtualCard({ pace: false });
    bacCard.inject({ kind: 'refuse-password' });
    const bac = await readIdCard(bacCard, { mrz });
    expect(bac.ok ? undefined : bac.error).toMatchObject({ code: 'id-card.wrong-password', sw: 0x6300 });
    bacCard.clearFaults();
    expect((await readIdCard(bacCard, { mrz })).ok).toBe(true);
  });

  it('reports a blocked password once the tries are used up', async () => {
    const card = virtualCard({ passwordTries: 1 });
    const first = await readIdCard(card, { can: '999999' });
    expect(first.ok ? undefined : first.error.code).toBe('id-card.password-blocked');
    const second = await readIdCard(card, { can: '012345' });
    expect(second.ok ? undefined : second.error.code).toBe('id-card.password-blocked');
  });

  it('says which key is missing when none is given', async () => {
    const none = await readIdCard(virtualCard(), {});
    expect(none.ok ? undefined : none.error.code).toBe('id-card.no-access-key');
    const canOnBacChip = await readIdCard(virtualCard({ pace: false }), { can: '012345' });
    expect(canOnBacChip.ok ? undefined : canOnBacChip.error.code).toBe('id-card.no-access-key');
  });

  it('fails passive authentication on a corrupted data group and names it', async () => {
    const card = virtualCard();
    card.inject({ kind: 'corrupt-data-group', dataGroup: 2 });
    const result = await read(card, { can: '012345' });
    expect(result.passiveAuthentication).toMatchObject({ status: 'failed', check: 'dg-hash', dataGroup: 2 });
    expect(result.dg13?.ok).toBe(true);
  });

  it('reports no-trusted-csca without CSCAs and a chain failure with a stranger CSCA', async () => {
    const card = virtualCard();
    const none = await readIdCard(card, { can: '012345' });
    expect(none.ok && none.value.passiveAuthentication.status).toBe('no-trusted-csca');
    const stranger = createTestPki().csca.certificate;
    const wrong = await readIdCard(virtualCard(), { can: '012345', trustedCscas: [stranger] });
    expect(wrong.ok && wrong.value.passiveAuthentication).toMatchObject({ status: 'failed', check: 'chain' });
  });

  it('returns a typed error naming the file when the card vanishes mid-read', async () => {
    const card = virtualCard();
    card.inject({ kind: 'vanish', file: 'DG2', atOffset: 5_000 });
    const result = await readIdCard(card, { can: '012345' });
    expect(result.ok ? undefined : result.error).toMatchObject({ code: 'id-card.card-removed', file: 'DG2' });
    expect(result.ok ? '' : result.error.message).toContain('DG2');
    // Once back on the reader, it reads again.
    card.reinsert();
    expect((await readIdCard(card, { can: '012345' })).ok).toBe(true);
  });

  it('returns card-removed when the card leaves during PACE', async () => {
    const card = virtualCard();
    card.inject({ kind: 'vanish', afterCommands: 4 });
    const result = await readIdCard(card, { can: '012345' });
    expect(result.ok ? undefined : result.error.code).toBe('id-card.card-removed');
  });

  it('recovers from lost frames by re-opening the session and retrying the same offset', async () => {
    const card = virtualCard();
    card.inject({ kind: 'transient', file: 'DG2', count: 2 });
    const result = await read(card, { can: '012345' });
    expect(result.passiveAuthentication.status).toBe('passed');
    // One PACE (4 GA) + Chip Authentication (1 GA) for opening, and both again per recovery.
    expect(gaCount(card)).toBe(15);
  });

  it('gives up with a typed error after too many lost frames', async () => {
    const card = virtualCard();
    card.inject({ kind: 'transient', file: 'DG13', count: 10 });
    const result = await readIdCard(card, { can: '012345', maxRetries: 2 });
    expect(result.ok ? undefined : result.error).toMatchObject({ code: 'id-card.transient', file: 'DG13' });
  });

  it('reads in large chunks with extended length, and adapts to a chip that answers less', async () => {
    const short = virtualCard();
    await read(short, { can: '012345' });
    const extended = virtualCard();
    const big = await read(extended, { can: '012345', extendedLength: true });
    expect(big.passiveAuthentication.status).toBe('passed');
    const reads = (card: VirtualCccd): number => card.commandLog.filter((c) => c.ins === 0xb0 && c.file === 'DG2').length;
    expect(reads(short)).toBeGreaterThan(90);
    expect(reads(extended)).toBeLessThan(15);

    const stingy = virtualCard({ maxReadLength: 100 });
    const adaptive = await read(stingy, { can: '012345', extendedLength: true });
    expect(adaptive.passiveAuthentication.status).toBe('passed');
  });

  it('falls back to short reads when the chip refuses extended length', async () => {
    const card = virtualCard({ extendedLength: false });
    const result = await read(card, { can: '012345', extendedLength: true });
    expect(result.passiveAuthentication.status).toBe('passed');
    // Learnt once: one PACE to open, one to recover from the refused extended APDU (reading EF.SOD, before
    // Chip Authentication, which then adds its one GENERAL AUTHENTICATE).
    expect(gaCount(card)).toBe(9);
  });

  it('runs ECDSA Active Authentication and honours a disabled AA', async () => {
    const ecdsa = await read(virtualCard({ activeAuthentication: 'ecdsa', chipAuthentication: 'none' }), { can: '012345' });
    expect(ecdsa.activeAuthentication).toEqual({ status: 'passed', algorithm: 'ecdsa' });
    const rsa = await read(virtualCard({ chipAuthentication: 'none' }), { can: '012345' });
    expect(rsa.activeAuthentication).toEqual({ status: 'passed', algorithm: 'rsa-iso9796-2' });
    expect(rsa.chipAuthentication).toEqual({ status: 'not-offered', reason: 'DG14 offers no Chip Authentication' });
    const off = await read(virtualCard(), { can: '012345', activeAuthentication: false });
    expect(off.activeAuthentication.status).toBe('not-attempted');
    const noDg15 = await read(virtualCard({ activeAuthentication: 'none' }), { can: '012345' });
    expect(noDg15.activeAuthentication).toEqual({ status: 'not-attempted', reason: 'DG15 not present' });
    expect(noDg15.dg15Present).toBe(false);
  });

  it('reads a JPEG 2000 face and signs the SOD with RSA-PSS', async () => {
    const rsaPki = createTestPki({ documentSignerAlgorithm: 'rsa-2048' });
    const card = createVirtualCccd({ pki: rsaPki, sodSignature: 'rsa-pss', faceImage: { bytes: Uint8Array.of(0xff, 0x4f, 0xff, 0x51, 1, 2, 3, 4), format: 'jpeg2000' } });
    if (!card.ok) throw new Error('card');
    const result = await read(card.value, { can: '012345' });
    expect(result.dg2?.ok && result.dg2.value.format).toBe('jpeg2000');
    expect(result.passiveAuthentication.status).toBe('passed');
  });
});
