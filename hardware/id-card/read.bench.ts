import { bench, describe } from 'vitest';
import { createVirtualCccd, type VirtualCccd, type VirtualCccdOptions } from '../simulators/virtual-cccd';
import { buildDg1, buildDg13, buildDg2, syntheticFaceImage } from '../simulators/virtual-cccd/lds-builder';
import { syntheticPerson } from '../simulators/virtual-cccd/person';
import { buildSod } from '../simulators/virtual-cccd/sod-builder';
import { createTestPki } from '../simulators/virtual-cccd/test-pki';
import { verifyPassiveAuthentication } from './passive-auth';
import { readIdCard, type ReadOptions } from './reader';

/**
 * Host CPU time of a full in-process read: EF.CardAccess, PACE (or BAC), SOD, COM, DG1, DG2 (~20 KB face),
 * DG13 and passive authentication. Both the reader's and the virtual chip's work are counted (PACE runs its
 * elliptic-curve arithmetic on both sides in the same process); a real read adds the radio time of ~100
 * APDUs, which dominates on real hardware.
 */
const pki = createTestPki();
const mrz = { documentNumber: '099012345', dateOfBirth: '990115', dateOfExpiry: '240115' };

function card(options: VirtualCccdOptions = {}): VirtualCccd {
  const created = createVirtualCccd({ pki, activeAuthentication: 'none', ...options });
  if (!created.ok) throw new Error(created.error.messageEn);
  return created.value;
}

async function fullRead(target: VirtualCccd, options: ReadOptions): Promise<void> {
  target.reinsert();
  const result = await readIdCard(target, { trustedCscas: [pki.csca.certificate], dataGroups: [1, 2, 13], ...options });
  if (!result.ok || result.value.passiveAuthentication.status !== 'passed') throw new Error('read failed');
}

const paceCard = card({ chipAuthentication: 'none' });
const chipAuthCard = card();
const bacCard = card({ pace: false });
const groups = new Map<number, Uint8Array>([
  [1, buildDg1(syntheticPerson)],
  [2, buildDg2(syntheticFaceImage(), 'jpeg')],
  [13, buildDg13(syntheticPerson)],
]);
const sod = buildSod({ dataGroups: groups, documentSigner: pki.documentSigner });
if (!sod.ok) throw new Error('sod');

describe('chip ID card: full in-process read (DG1 + 20 KB DG2 + DG13 + SOD + passive auth)', () => {
  bench('PACE-CAN, short APDUs (0xDF chunks)', async () => {
    await fullRead(paceCard, { can: '012345' });
  });
  bench('PACE-CAN, extended length (2 KB chunks)', async () => {
    await fullRead(paceCard, { can: '012345', extendedLength: true });
  });
  bench('PACE-CAN + DG14 + Chip Authentication (ECDH brainpoolP256r1), short APDUs', async () => {
    await fullRead(chipAuthCard, { can: '012345', dataGroups: [1, 2, 13, 14] });
  });
  bench('PACE-CAN + DG14 + Chip Authentication, extended length', async () => {
    await fullRead(chipAuthCard, { can: '012345', dataGroups: [1, 2, 13, 14], extendedLength: true });
  });
  bench('BAC, short APDUs', async () => {
    await fullRead(bacCard, { mrz });
  });
  bench('passive authentication alone (ECDSA P-256 DS, 3 DGs)', () => {
    verifyPassiveAuthentication({ sod: sod.value, dataGroups: groups, trustedCscas: [pki.csca.certificate] });
  });
});
