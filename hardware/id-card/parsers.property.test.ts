import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCardAccess, buildCom, buildDg1, buildDg13, buildDg14, buildDg2, syntheticFaceImage } from '../simulators/virtual-cccd/lds-builder';
import { syntheticPerson } from '../simulators/virtual-cccd/person';
import { buildSod } from '../simulators/virtual-cccd/sod-builder';
import { createTestPki } from '../simulators/virtual-cccd/test-pki';
import { parseSecurityInfos } from './card-access';
import { parseCom } from './lds/com';
import { parseDg1 } from './lds/dg1';
import { parseDg13 } from './lds/dg13';
import { parseDg2 } from './lds/dg2';
import { parseDg14, parseDg15 } from './lds/security-files';
import { verifyPassiveAuthentication } from './passive-auth';
import { parseSod } from './sod';
import { decodeTlv } from './tlv';

/**
 * Everything the chip sends is untrusted. Every parser of chip data, fed valid files with random bytes
 * overwritten or cut short, must answer with a Result (never throw, never hang).
 */
const pki = createTestPki();
const groups = new Map<number, Uint8Array>([
  [1, buildDg1(syntheticPerson)],
  [2, buildDg2(syntheticFaceImage(600), 'jpeg')],
  [13, buildDg13(syntheticPerson)],
]);
const sod = buildSod({ dataGroups: groups, documentSigner: pki.documentSigner });
if (!sod.ok) throw new Error('sod');

const parsers: readonly [string, Uint8Array, (bytes: Uint8Array) => unknown][] = [
  ['EF.CardAccess', buildCardAccess(), parseSecurityInfos],
  ['EF.COM', buildCom([1, 2, 13]), parseCom],
  ['DG1', groups.get(1) ?? new Uint8Array(), parseDg1],
  ['DG2', groups.get(2) ?? new Uint8Array(), parseDg2],
  ['DG13', groups.get(13) ?? new Uint8Array(), parseDg13],
  ['DG14', buildDg14('0.4.0.127.0.7.1.1.4.1.3'), parseDg14],
  ['DG15', Uint8Array.of(0x6f, 0x03, 0x30, 0x01, 0x00), parseDg15],
  ['EF.SOD', sod.value, parseSod],
  [
    'passive authentication',
    sod.value,
    (bytes: Uint8Array) => verifyPassiveAuthentication({ sod: bytes, dataGroups: groups, trustedCscas: [pki.csca.certificate] }),
  ],
];

const mutation = (length: number) =>
  fc.record({
    edits: fc.array(fc.tuple(fc.nat(Math.max(0, length - 1)), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
    cut: fc.nat(length),
  });

function mutate(valid: Uint8Array, { edits, cut }: { edits: [number, number][]; cut: number }): Uint8Array {
  const bytes = valid.slice(0, Math.max(cut, 1));
  for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
  return bytes;
}

describe('chip data parsers on hostile input (property)', () => {
  for (const [name, valid, parse] of parsers) {
    it(`${name}: mutated or truncated bytes give a Result, never an exception`, () => {
      fc.assert(
        fc.property(mutation(valid.length), (m) => {
          const outcome = parse(mutate(valid, m));
          expect(typeof outcome).toBe('object');
        }),
        { numRuns: name === 'passive authentication' ? 300 : 1000 },
      );
    });
  }

  it('random bytes give a Result, never an exception, for every parser', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        for (const [, , parse] of parsers) expect(typeof parse(bytes)).toBe('object');
        expect(typeof decodeTlv(bytes)).toBe('object');
      }),
      { numRuns: 1000 },
    );
  });
});
