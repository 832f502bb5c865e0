import { describe, expect, it } from 'vitest';
import { buildDg1, buildDg13, buildDg2, syntheticFaceImage } from '../simulators/virtual-cccd/lds-builder';
import { syntheticPerson } from '../simulators/virtual-cccd/person';
import { buildSod, type SodSignature } from '../simulators/virtual-cccd/sod-builder';
import { createTestPki, type KeyAlgorithm } from '../simulators/virtual-cccd/test-pki';
import { fromHex } from './bytes';
import { loadCscaCertificates, verifyPassiveAuthentication } from './passive-auth';
import { parseSod } from './sod';

const groups = new Map<number, Uint8Array>([
  [1, buildDg1(syntheticPerson)],
  [2, buildDg2(syntheticFaceImage(), 'jpeg')],
  [13, buildDg13(syntheticPerson)],
]);

function signedSod(algorithm: KeyAlgorithm = 'ec-p256', signature?: SodSignature) {
  const pki = createTestPki({ documentSignerAlgorithm: algorithm });
  const sod = buildSod({ dataGroups: groups, documentSigner: pki.documentSigner, ...(signature === undefined ? {} : { signature }) });
  if (!sod.ok) throw new Error(sod.error.messageEn);
  return { pki, sod: sod.value };
}

describe('EF.SOD parsing', () => {
  it('reads the hashes, the signer and the embedded certificate', () => {
    const { sod } = signedSod();
    const parsed = parseSod(sod);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect([...parsed.value.dataGroupHashes.keys()]).toEqual([1, 2, 13]);
    expect(parsed.value.hashAlgorithm).toBe('2.16.840.1.101.3.4.2.1');
    expect(parsed.value.certificates).toHaveLength(1);
    expect(parsed.value.signer.kind).toBe('issuer-serial');
  });
  it('reports garbage as malformed', () => {
    for (const hex of ['', '7700', '77023000', '7703060100']) {
      const r = parseSod(fromHex(hex));
      expect(r.ok ? undefined : r.error.code, hex).toBe('id-card.sod-malformed');
    }
  });
});

describe('passive authentication', () => {
  it('passes with ECDSA, RSA PKCS#1 v1.5 and RSA-PSS document signers chained to the CSCA', () => {
    const cases: [KeyAlgorithm, SodSignature | undefined][] = [
      ['ec-p256', undefined],
      ['ec-brainpoolP256r1', undefined],
      ['rsa-2048', 'rsa-pkcs1'],
      ['rsa-2048', 'rsa-pss'],
    ];
    for (const [algorithm, signature] of cases) {
      const { pki, sod } = signedSod(algorithm, signature);
      const result = verifyPassiveAuthentication({ sod, dataGroups: groups, trustedCscas: [pki.csca.certificate] });
      expect(result, `${algorithm} ${signature ?? ''}`).toMatchObject({ status: 'passed', checkedDataGroups: [1, 2, 13], hashAlgorithm: 'sha256' });
    }
  });

  it('passes with the pure BigInt ECDSA engine (for hosts without brainpool), and still catches a stranger CSCA', () => {
    for (const [cscaAlgorithm, documentSignerAlgorithm] of [
      ['ec-brainpoolP512r1', 'ec-brainpoolP256r1'],
      ['ec-p256', 'ec-p256'],
    ] as const) {
      const pki = createTestPki({ cscaAlgorithm, documentSignerAlgorithm });
      const sod = buildSod({ dataGroups: groups, documentSigner: pki.documentSigner });
      if (!sod.ok) throw new Error('sod');
      const input = { sod: sod.value, dataGroups: groups, engine: 'pure-ecdsa' } as const;
      expect(verifyPassiveAuthentication({ ...input, trustedCscas: [pki.csca.certificate] }).status).toBe('passed');
      expect(verifyPassiveAuthentication({ ...input, trustedCscas: [createTestPki({ cscaAlgorithm }).csca.certificate] })).toMatchObject({ check: 'chain' });
    }
  });

  it('names the data group whose hash does not match', () => {
    const { pki, sod } = signedSod();
    const tampered = new Map(groups);
    const dg13 = Uint8Array.from(groups.get(13) ?? []);
    dg13[40] = (dg13[40] ?? 0) ^ 0x20;
    tampered.set(13, dg13);
    expect(verifyPassiveAuthentication({ sod, dataGroups: tampered, trustedCscas: [pki.csca.certificate] })).toMatchObject({
      status: 'failed',
      check: 'dg-hash',
      dataGroup: 13,
    });
  });

  it('reports no-trusted-csca when no CSCA is configured, and a chain failure for a stranger CSCA', () => {
    const { sod } = signedSod();
    expect(verifyPassiveAuthentication({ sod, dataGroups: groups, trustedCscas: [] }).status).toBe('no-trusted-csca');
    const stranger = createTestPki();
    expect(verifyPassiveAuthentication({ sod, dataGroups: groups, trustedCscas: [stranger.csca.certificate] })).toMatchObject({ status: 'failed', check: 'chain' });
  });

  it('detects a forged signature', () => {
    const { pki, sod } = signedSod();
    const forged = Uint8Array.from(sod);
    // The signature is the last OCTET STRING of the file: flip a byte near the end.
    forged[forged.length - 5] = (forged[forged.length - 5] ?? 0) ^ 0x01;
    expect(verifyPassiveAuthentication({ sod: forged, dataGroups: groups, trustedCscas: [pki.csca.certificate] })).toMatchObject({ status: 'failed', check: 'signature' });
  });

  it('loads CSCA certificates from PEM bundles and refuses junk', () => {
    const a = createTestPki();
    const b = createTestPki();
    const loaded = loadCscaCertificates([a.csca.pem + b.csca.pem, a.csca.der]);
    expect(loaded.ok && loaded.value.length).toBe(3);
    expect(loadCscaCertificates(['not a certificate']).ok).toBe(false);
    expect(loadCscaCertificates(['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----']).ok).toBe(false);
  });
});
