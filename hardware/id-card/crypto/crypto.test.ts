import { createECDH } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ascii, bigIntFromBytes, fromHex, toHex } from '../bytes';
import { aesCmac, aesDecryptCbc } from './aes';
import { retailMac, tdesDecryptCbc, tdesEncryptCbc } from './des';
import { brainpoolP256r1, brainpoolP384r1, brainpoolP512r1, secp256r1, secp384r1 } from './curves';
import { decodePoint, encodePoint, isOnCurve, pointAdd, pointDouble, scalarMultiply } from './ec';
import { adjustParity, deriveKey, KDF_COUNTER, sha1 } from './kdf';
import { padIso9797, unpadIso9797 } from './padding';

describe('ICAO KDF (Doc 9303-11 Appendix D.2)', () => {
  const kseed = fromHex('239AB9CB282DAF66231DC5A4DF6BFBAE');
  it('derives parity-adjusted 3DES keys', () => {
    expect(toHex(sha1(ascii('L898902C<369080619406236')))).toBe('239AB9CB282DAF66231DC5A4DF6BFBAEDF477565');
    expect(toHex(deriveKey(kseed, KDF_COUNTER.enc, '3des'))).toBe('AB94FDECF2674FDFB9B391F85D7F76F2');
    expect(toHex(deriveKey(kseed, KDF_COUNTER.mac, '3des'))).toBe('7962D9ECE03D1ACD4C76089DCE131543');
  });
  it('derives the PACE password key K_pi with SHA-1 truncated (AES-128)', () => {
    const k = sha1(ascii('T22000129364081251010318'));
    expect(toHex(k)).toBe('7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD');
    expect(toHex(deriveKey(k, KDF_COUNTER.pace, 'aes128'))).toBe('89DED1B26624EC1E634C1989302849DD');
  });
  it('adjusts parity to odd', () => {
    expect(toHex(adjustParity(fromHex('969EC03B1CBFE9DDD11AB1FED206EBE4')))).toBe('979EC13B1CBFE9DCD01AB0FED307EAE5');
  });
});

describe('3DES and the retail MAC (Appendix D.3)', () => {
  const kEnc = fromHex('AB94FDECF2674FDFB9B391F85D7F76F2');
  const kMac = fromHex('7962D9ECE03D1ACD4C76089DCE131543');
  const s = fromHex('781723860C06C2264608F919887022120B795240CB7049B01C19B33E32804F0B');
  it('encrypts S to E.IFD and back', () => {
    const eIfd = tdesEncryptCbc(kEnc, s);
    expect(toHex(eIfd)).toBe('72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2');
    expect(toHex(tdesDecryptCbc(kEnc, eIfd))).toBe(toHex(s));
  });
  it('computes M.IFD', () => {
    const eIfd = fromHex('72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2');
    expect(toHex(retailMac(kMac, padIso9797(eIfd, 8)))).toBe('5F1448EEA8AD90A7');
  });
});

describe('padding', () => {
  it('pads with 80 00.. and strips it', () => {
    expect(toHex(padIso9797(fromHex('0102'), 8))).toBe('0102800000000000');
    expect(toHex(padIso9797(new Uint8Array(8), 8)).length).toBe(32);
    expect(toHex(unpadIso9797(fromHex('0102800000000000')) ?? new Uint8Array())).toBe('0102');
    expect(unpadIso9797(fromHex('0102000000000000'))).toBeUndefined();
  });
});

describe('AES-CMAC (RFC 4493 examples)', () => {
  const key = fromHex('2b7e151628aed2a6abf7158809cf4f3c');
  it('matches the four RFC 4493 vectors', () => {
    expect(toHex(aesCmac(key, new Uint8Array()))).toBe('BB1D6929E95937287FA37D129B756746');
    expect(toHex(aesCmac(key, fromHex('6bc1bee22e409f96e93d7e117393172a')))).toBe('070A16B46B4D4144F79BDD9DD04A287C');
    expect(toHex(aesCmac(key, fromHex('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411')))).toBe(
      'DFA66747DE9AE63030CA32611497C827',
    );
    expect(
      toHex(
        aesCmac(
          key,
          fromHex(
            '6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710',
          ),
        ),
      ),
    ).toBe('51F0BEBF7E3B9D92FC49741779363CFE');
  });
  it('decrypts the PACE nonce of the worked example', () => {
    const kPi = fromHex('89DED1B26624EC1E634C1989302849DD');
    expect(toHex(aesDecryptCbc(kPi, fromHex('95A3A016522EE98D01E76CB6B98B42C3')))).toBe('3F00C4D39D153F2B2A214A078D899B22');
  });
});

describe('elliptic curve arithmetic', () => {
  it('agrees with OpenSSL on k·G for every curve it knows', () => {
    for (const [curve, name] of [
      [brainpoolP256r1, 'brainpoolP256r1'],
      [secp256r1, 'prime256v1'],
      [brainpoolP384r1, 'brainpoolP384r1'],
      [brainpoolP512r1, 'brainpoolP512r1'],
      [secp384r1, 'secp384r1'],
    ] as const) {
      for (let i = 0; i < 3; i += 1) {
        const ecdh = createECDH(name);
        ecdh.generateKeys();
        const k = bigIntFromBytes(ecdh.getPrivateKey());
        const mine = scalarMultiply(curve, k, curve.g);
        if (mine.kind !== 'affine') throw new Error('infinity');
        expect(toHex(encodePoint(curve, mine))).toBe(toHex(ecdh.getPublicKey()));
      }
    }
  });
  it('keeps group laws: 2P = P + P, P + (−P) = ∞, n·G = ∞', () => {
    const c = brainpoolP256r1;
    const p = scalarMultiply(c, 12345n, c.g);
    expect(pointDouble(c, p)).toEqual(pointAdd(c, p, p));
    expect(pointDouble(c, p)).toEqual(scalarMultiply(c, 24690n, c.g));
    if (p.kind !== 'affine') throw new Error('infinity');
    expect(pointAdd(c, p, { kind: 'affine', x: p.x, y: c.p - p.y }).kind).toBe('infinity');
    expect(scalarMultiply(c, c.n - 1n, c.g)).toEqual({ kind: 'affine', x: c.g.x, y: c.p - c.g.y });
    expect(isOnCurve(c, c.g)).toBe(true);
  });
  it('computes the Generic Mapping of the PACE worked example: G~ = s·G + H', () => {
    const c = brainpoolP256r1;
    const s = 0x3f00c4d39d153f2b2a214a078d899b22n;
    const pkIc = decodePoint(
      c,
      fromHex(
        '04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54',
      ),
    );
    if (!pkIc.ok) throw new Error(pkIc.error.messageEn);
    const h = scalarMultiply(c, 0x7f4ef07b9ea82fd78ad689b38d0bc78cf21f249d953bc46f4c6e19259c010f99n, pkIc.value);
    expect(h).toEqual({
      kind: 'affine',
      x: 0x60332ef2450b5d247ef6d3868397d398852ed6e8caf6ffeef6bf85ca57057fd5n,
      y: 0x0840ca7415baf3e43bd414d35aa4608b93a2caf3a4e3ea4e82c9c13d03eb7181n,
    });
    const mapped = pointAdd(c, scalarMultiply(c, s, c.g), h);
    expect(mapped).toEqual({
      kind: 'affine',
      x: 0x8ced63c91426d4f0eb1435e7cb1d74a46723a0af21c89634f65a9ae87a9265e2n,
      y: 0x8c879506743f8611ac33645c5b985c80b5f09a0b83407c1b6a4d857ae76fe522n,
    });
  });
  it('decodes compressed points and refuses off-curve ones', () => {
    const c = brainpoolP256r1;
    const p = scalarMultiply(c, 987654321n, c.g);
    if (p.kind !== 'affine') throw new Error('infinity');
    const full = encodePoint(c, p);
    const compressed = Uint8Array.of(2 + Number(p.y & 1n), ...full.subarray(1, 33));
    expect(decodePoint(c, compressed)).toEqual({ ok: true, value: p });
    const bad = Uint8Array.from(full);
    bad[64] = (bad[64] ?? 0) ^ 1;
    const r = decodePoint(c, bad);
    expect(r.ok ? undefined : r.error.code).toBe('id-card.crypto');
    expect(decodePoint(c, fromHex('00')).ok).toBe(false);
  });
});
