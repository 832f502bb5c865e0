import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCardAccess, buildDg1, buildDg13, buildDg15, buildDg2, syntheticFaceImage } from '../../simulators/virtual-cccd/lds-builder';
import { syntheticPerson } from '../../simulators/virtual-cccd/person';
import { fromHex, toHex } from '../bytes';
import { derInteger, derOid, derPrintable, derSequence, derUtf8 } from '../der';
import { encodeTlv } from '../tlv';
import { parseCom } from './com';
import { parseDg1 } from './dg1';
import { dg13DateToIso, parseDg13 } from './dg13';
import { parseDg2 } from './dg2';
import { parseDg15 } from './security-files';

// Vectors file §4.3: the synthetic CCCD's DG13.
const DG13_FIXTURE =
  '6D8201A9308201A5020101060628D316010008318201963011020101130C30303130393930313233343530140201020C0F4E677579E1BB856E2056C4836E2041300F020103130A31352F30312F3139393930080201040C034E616D300F0201050C0A5669E1BB8774204E616D30090201060C044B696E68300B0201070C064B68C3B46E67303C0201080C3758C3A3205468E1BBAD204E676869E1BB876D2C20487579E1BB876E204DE1BAAB752C2054E1BB896E68204769E1BAA320C490E1BB8B6E6830450201090C4053E1BB91203120C490C6B0E1BB9D6E67204DE1BAAB752C205068C6B0E1BB9D6E67205468E1BBAD2C205175E1BAAD6E204769E1BAA32C2048C3A0204EE1BB9969302A02010A0C254EE1BB9174207275E1BB936920433A31636D2064C6B0E1BB9B69206DC3A970207472C3A169300F02010B130A30312F30322F32303231300F02010C0C0A31352F30312F32303234302802010D30110C0F4E677579E1BB856E2056C4836E204230100C0E5472E1BAA76E205468E1BB8B2043300302010E300E02010F13093132333435363738393015020110131030313233343536373839414243444546';

describe('DG13 (CCCD personal data)', () => {
  it('parses the fixture by field number', () => {
    const dg13 = parseDg13(fromHex(DG13_FIXTURE));
    expect(dg13).toEqual({
      ok: true,
      value: {
        citizenId: '001099012345',
        fullName: 'Nguyễn Văn A',
        dateOfBirth: '15/01/1999',
        sex: 'Nam',
        nationality: 'Việt Nam',
        ethnicity: 'Kinh',
        religion: 'Không',
        placeOfOrigin: 'Xã Thử Nghiệm, Huyện Mẫu, Tỉnh Giả Định',
        placeOfResidence: 'Số 1 Đường Mẫu, Phường Thử, Quận Giả, Hà Nội',
        identifyingMarks: 'Nốt ruồi C:1cm dưới mép trái',
        issueDate: '01/02/2021',
        expiryDate: '15/01/2024',
        fatherName: 'Nguyễn Văn B',
        motherName: 'Trần Thị C',
        spouseName: undefined,
        oldId: '123456789',
        otherFields: [{ number: 16, values: ['0123456789ABCDEF'] }],
      },
    });
  });

  it('is what the virtual card writes, byte for byte', () => {
    expect(toHex(buildDg13(syntheticPerson))).toBe(DG13_FIXTURE);
  });

  it('tolerates other nestings of field 13 and fields out of order', () => {
    const variants = [
      derSequence(derInteger(13), derUtf8('Cha'), derUtf8('Mẹ')),
      derSequence(derInteger(13), derSequence(derUtf8('Cha'), derUtf8('Mẹ'))),
      derSequence(derInteger(13), derSequence(derSequence(derUtf8('Cha')), derSequence(derUtf8('Mẹ')))),
    ];
    for (const field13 of variants) {
      const set = encodeTlv(0x31, Uint8Array.from([...field13, ...derSequence(derInteger(2), derUtf8('Lê Thị D')), ...derSequence(derInteger(1), derPrintable('001099012345'))]));
      const dg13 = parseDg13(encodeTlv(0x6d, derSequence(derInteger(1), derOid('1.0.10646.1.0.8'), set)));
      expect(dg13.ok && [dg13.value.fatherName, dg13.value.motherName, dg13.value.fullName, dg13.value.citizenId]).toEqual(['Cha', 'Mẹ', 'Lê Thị D', '001099012345']);
    }
  });

  it('returns text in NFC even when the card stores decomposed Vietnamese', () => {
    const set = encodeTlv(0x31, derSequence(derInteger(2), derUtf8('Nguyễn Văn A'.normalize('NFD'))));
    const dg13 = parseDg13(encodeTlv(0x6d, derSequence(derInteger(1), derOid('1.0.10646.1.0.8'), set)));
    expect(dg13.ok && dg13.value.fullName).toBe('Nguyễn Văn A'.normalize('NFC'));
  });

  it('reports a malformed DG13 as a typed failure naming the file', () => {
    for (const hex of ['6D00', '6D03020101', DG13_FIXTURE.slice(0, 200), '7503300100']) {
      const r = parseDg13(fromHex(hex));
      expect(r.ok, hex).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: expect.stringMatching(/lds-malformed|tlv-malformed/u) as unknown });
    }
  });

  it('turns dd/MM/yyyy into ISO dates and leaves text alone', () => {
    expect(dg13DateToIso('15/01/1999')).toBe('1999-01-15');
    expect(dg13DateToIso('Không thời hạn')).toBeUndefined();
    expect(dg13DateToIso('31/02/2020')).toBeUndefined();
  });
});

describe('EF.COM, DG1, DG2, DG15', () => {
  it('lists data groups from EF.COM (Appendix D.4 plaintext)', () => {
    expect(parseCom(fromHex('60145F0104303130365F36063034303030305C026175'))).toEqual({
      ok: true,
      value: { ldsVersion: '0106', unicodeVersion: '040000', dataGroups: [1, 2] },
    });
  });
  it('parses DG1 as a TD1 MRZ with the CCCD number', () => {
    const dg1 = parseDg1(buildDg1(syntheticPerson));
    expect(dg1.ok && [dg1.value.format, dg1.value.citizenId, dg1.value.surname]).toEqual(['TD1', '001099012345', 'NGUYEN']);
  });
  it('extracts the face image and its format from DG2', () => {
    for (const format of ['jpeg', 'jpeg2000'] as const) {
      const image = syntheticFaceImage(20_000, format);
      const dg2 = parseDg2(buildDg2(image, format, 413, 531));
      expect(dg2.ok && [dg2.value.format, dg2.value.width, dg2.value.height, dg2.value.templateCount]).toEqual([format, 413, 531, 1]);
      expect(dg2.ok && toHex(dg2.value.image) === toHex(image)).toBe(true);
    }
  });
  it('refuses a DG2 without an image', () => {
    const r = parseDg2(fromHex('7503020101'));
    expect(r.ok ? undefined : r.error.code).toBe('id-card.lds-malformed');
  });
  it('reads the Active Authentication key from DG15', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const dg15 = parseDg15(buildDg15(Uint8Array.from(publicKey.export({ type: 'spki', format: 'der' }))));
    expect(dg15.ok && dg15.value.asymmetricKeyType).toBe('ec');
    expect(parseDg15(fromHex('6F0100')).ok).toBe(false);
  });
  it('writes the CCCD EF.CardAccess constant byte for byte', () => {
    expect(toHex(buildCardAccess())).toBe(
      '3134300D060804007F0007020202020101300F060A04007F000702020302020201013012060A04007F0007020204020202010202010D',
    );
  });
});
