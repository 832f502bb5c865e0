import { describe, expect, it } from 'vitest';
import { createVirtualCccd, type VirtualCccd, type VirtualCccdOptions } from '../simulators/virtual-cccd';
import { explicitEcSpki } from '../simulators/virtual-cccd/card-chip-auth';
import { createTestPki } from '../simulators/virtual-cccd/test-pki';
import { concat } from './bytes';
import { chipAuthenticationOffers, chooseChipAuthentication } from './chip-auth';
import { brainpoolP256r1 } from './crypto/curves';
import { encodePoint } from './crypto/ec';
import { derInteger, derOid, derSequence } from './der';
import { OID } from './oids';
import { readIdCard, type IdCardReadResult, type ReadOptions } from './reader';
import { encodeTlv } from './tlv';

const pki = createTestPki();
const mrz = { documentNumber: '099012345', dateOfBirth: '990115', dateOfExpiry: '240115' };

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

const commands = (card: VirtualCccd, ins: number): number => card.commandLog.filter((c) => c.ins === ins).length;
const dg14 = (...infos: Uint8Array[]): Uint8Array => encodeTlv(0x6e, encodeTlv(0x31, concat(...infos)));
const chipKey = explicitEcSpki(brainpoolP256r1, encodePoint(brainpoolP256r1, brainpoolP256r1.g));

describe('Chip Authentication (DG14) — reader ↔ virtual CCCD', () => {
  it('runs CA-ECDH-AES-128 after PACE, reads the rest under the new keys and skips AA', async () => {
    const card = virtualCard();
    const result = await read(card, { can: '012345' });
    expect(result.chipAuthentication).toMatchObject({ status: 'passed', cipher: 'aes128', curve: 'brainpoolP256r1' });
    expect(result.activeAuthentication.status).toBe('not-attempted');
    // The data groups after CA were read and verify against the SOD: the new session works both ways.
    expect(result.passiveAuthentication.status).toBe('passed');
    expect(result.dg13?.ok && result.dg13.value.citizenId).toBe('001099012345');
    // 4 GENERAL AUTHENTICATE for PACE, 1 for CA; one MSE:Set AT of each kind.
    expect(commands(card, 0x86)).toBe(5);
    expect(card.commandLog.filter((c) => c.ins === 0x22).map((c) => c.sw)).toEqual([0x9000, 0x9000]);
  });

  it('runs CA-ECDH-3DES with MSE:Set KAT and a key id, after BAC', async () => {
    const card = virtualCard({ pace: false, chipAuthentication: '3des', chipAuthenticationKeyId: 7 });
    const result = await read(card, { mrz });
    expect(result.access.method).toBe('BAC');
    expect(result.chipAuthentication).toEqual({ status: 'passed', protocol: `${OID.chipAuthentication}.2.1`, cipher: '3des', curve: 'brainpoolP256r1', keyId: 7 });
    expect(result.passiveAuthentication.status).toBe('passed');
    expect(commands(card, 0x86)).toBe(0);
  });

  it('fails CA on a clone (DG14 copied, private key not), re-opens the session and falls back to AA', async () => {
    const card = virtualCard();
    card.inject({ kind: 'chip-auth-wrong-key' });
    const result = await read(card, { can: '012345' });
    expect(result.chipAuthentication.status).toBe('failed');
    expect(result.chipAuthentication.status === 'failed' && result.chipAuthentication.detail).toMatch(/new keys/);
    expect(result.steps.find((s) => s.step === 'chip-authentication')?.outcome).toBe('failed');
    // The read went on under a fresh PACE session: PA and the RSA AA of this card still pass.
    expect(result.passiveAuthentication.status).toBe('passed');
    expect(result.activeAuthentication).toEqual({ status: 'passed', algorithm: 'rsa-iso9796-2' });
    expect(result.dg13?.ok).toBe(true);
  });

  it('refuses to run CA on a DG14 that does not match the SOD', async () => {
    const card = virtualCard();
    card.inject({ kind: 'corrupt-data-group', dataGroup: 14 });
    const result = await read(card, { can: '012345' });
    expect(result.chipAuthentication).toEqual({ status: 'failed', detail: 'DG14 does not match its hash in EF.SOD; its key is not trusted' });
    expect(result.steps.some((s) => s.step === 'chip-authentication')).toBe(false);
    expect(result.passiveAuthentication).toMatchObject({ status: 'failed', check: 'dg-hash', dataGroup: 14 });
  });

  it('says not-offered when DG14 has no CA, or when the card has no DG14', async () => {
    const none = await read(virtualCard({ chipAuthentication: 'none' }), { can: '012345' });
    expect(none.chipAuthentication).toEqual({ status: 'not-offered', reason: 'DG14 offers no Chip Authentication' });
    const without = await read(virtualCard(), { can: '012345', dataGroups: [1, 2, 13] });
    expect(without.chipAuthentication.status).toBe('not-offered');
  });

  it('repeats CA when a lost frame forces the session to be re-opened', async () => {
    const card = virtualCard();
    card.inject({ kind: 'transient', file: 'DG2', count: 1 });
    const result = await read(card, { can: '012345' });
    expect(result.chipAuthentication.status).toBe('passed');
    expect(result.passiveAuthentication.status).toBe('passed');
    // PACE + CA twice: once to open, once to recover.
    expect(commands(card, 0x86)).toBe(10);
  });
});

describe('DG14 Chip Authentication offers', () => {
  it('pairs the info and the key by key id and names the cipher', () => {
    const offers = chipAuthenticationOffers(
      dg14(
        derSequence(derOid(`${OID.chipAuthentication}.2.2`), derInteger(1), derInteger(2)),
        derSequence(derOid(`${OID.chipAuthenticationPublicKey}.2`), chipKey, derInteger(1)),
        derSequence(derOid(`${OID.chipAuthenticationPublicKey}.2`), chipKey, derInteger(2)),
      ),
    );
    expect(offers.ok && offers.value.map((o) => [o.cipher, o.keyId, o.publicKey?.curve.name])).toEqual([['aes128', 2, 'explicit']]);
  });

  it('implies CA-ECDH-3DES for a key without an info, and keeps DH keys as unsupported', () => {
    const implied = chipAuthenticationOffers(dg14(derSequence(derOid(`${OID.chipAuthenticationPublicKey}.2`), chipKey)));
    expect(implied.ok && implied.value.map((o) => [o.protocol, o.cipher])).toEqual([[`${OID.chipAuthentication}.2.1`, '3des']]);
    const dh = chipAuthenticationOffers(dg14(derSequence(derOid(`${OID.chipAuthentication}.1.2`), derInteger(1)), derSequence(derOid(`${OID.chipAuthenticationPublicKey}.1`), derSequence(derOid('1.2.840.10046.2.1')))));
    expect(dh.ok && dh.value.map((o) => o.agreement)).toEqual(['DH']);
    expect(dh.ok && chooseChipAuthentication(dh.value)).toBeUndefined();
  });

  it('rejects a DG14 without its outer tag', () => {
    const bad = chipAuthenticationOffers(encodeTlv(0x6f, new Uint8Array(0)));
    expect(!bad.ok && bad.error.code).toBe('id-card.lds-malformed');
  });
});
