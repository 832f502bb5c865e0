import { describe, expect, it } from 'vitest';
import { toHex } from './bytes';
import { bacKeysFromMrz } from './bac';
import { cccdDocumentNumber, checkDigit, mrzInformation, mrzKeySeed, parseMrz } from './mrz';

const cccd = ['IDVNM0990123459001099012345<<0', '9901155M2401151VNM<<<<<<<<<<<8', 'NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<'];

describe('MRZ check digits (Doc 9303-3 §4.9)', () => {
  it('weights 7-3-1 with letters as 10–35 and < as 0', () => {
    expect(checkDigit('L898902C<')).toBe(3);
    expect(checkDigit('690806')).toBe(1);
    expect(checkDigit('940623')).toBe(6);
    expect(checkDigit('099012345')).toBe(9);
    expect(checkDigit('001099012345')).toBe(0);
    expect(checkDigit('ab')).toBeUndefined();
  });
});

describe('TD1', () => {
  it('parses the synthetic CCCD and finds the 12-digit ID', () => {
    const mrz = parseMrz(cccd.join('\n'));
    expect(mrz).toEqual({
      ok: true,
      value: {
        format: 'TD1',
        documentCode: 'ID',
        issuingState: 'VNM',
        documentNumber: '099012345',
        documentNumberCheckDigit: '9',
        dateOfBirth: '990115',
        sex: 'M',
        dateOfExpiry: '240115',
        nationality: 'VNM',
        optionalData: '001099012345<<0',
        surname: 'NGUYEN',
        givenNames: 'VAN A',
        citizenId: '001099012345',
      },
    });
  });
  it('derives the BAC key seed of the synthetic CCCD', () => {
    const info = mrzInformation({ documentNumber: cccdDocumentNumber('001099012345'), dateOfBirth: '990115', dateOfExpiry: '240115' });
    expect(info).toEqual({ ok: true, value: '099012345999011552401151' });
    expect(toHex(bacKeysFromMrz(info.ok ? info.value : '').kSeed)).toBe('7A2EF11A93C2679FEADCDD2002CDDB67');
    const seed = mrzKeySeed({ documentNumber: '099012345', dateOfBirth: '990115', dateOfExpiry: '240115' });
    expect(seed.ok && toHex(seed.value)).toBe('7A2EF11A93C2679FEADCDD2002CDDB67');
    expect(mrzKeySeed({ documentNumber: 'L898902C', dateOfBirth: '690806', dateOfExpiry: '940623' })).toMatchObject({ ok: true });
    expect(mrzKeySeed({ documentNumber: '099012345', dateOfBirth: '991315', dateOfExpiry: '240115' }).ok).toBe(false);
  });
  it('parses the Doc 9303 TD1 specimen', () => {
    const mrz = parseMrz(['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<']);
    expect(mrz.ok && [mrz.value.documentNumber, mrz.value.sex, mrz.value.dateOfExpiry]).toEqual(['D23145890', 'F', '120415']);
  });
  it('parses a long document number continued in the optional data', () => {
    // The mrz npm README's long-number line 1; its composite digit recomputed for that line (2).
    const mrz = parseMrz(['I<UTOD23145890<1233<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<2', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<']);
    expect(mrz.ok && [mrz.value.documentNumber, mrz.value.documentNumberCheckDigit, mrz.value.surname, mrz.value.givenNames]).toEqual([
      'D23145890123',
      '3',
      'ERIKSSON',
      'ANNA MARIA',
    ]);
    expect(mrz.ok && mrz.value.citizenId).toBeUndefined();
  });
  it('tolerates lower case, spaces and CRLF from a scanner', () => {
    expect(parseMrz(cccd.map((l) => ` ${l.toLowerCase()} `).join('\r\n')).ok).toBe(true);
  });
  it('names the field whose check digit fails, in both languages', () => {
    const broken = parseMrz([cccd[0]!, '9901165M2401151VNM<<<<<<<<<<<8', cccd[2]!]);
    expect(broken.ok ? undefined : broken.error.messageEn).toContain('date of birth');
    expect(broken.ok ? undefined : broken.error.message).toContain('ngày sinh');
    const composite = parseMrz([cccd[0]!, '9901155M2401151VNM<<<<<<<<<<<7', cccd[2]!]);
    expect(composite.ok ? undefined : composite.error.messageEn).toContain('composite');
    expect(parseMrz('IDVNM').ok).toBe(false);
  });
});

describe('TD3', () => {
  it('parses the Doc 9303 specimen passport', () => {
    const mrz = parseMrz(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10']);
    expect(mrz.ok && mrz.value).toMatchObject({ format: 'TD3', documentNumber: 'L898902C3', dateOfBirth: '740812', sex: 'F', surname: 'ERIKSSON' });
  });
  it('builds the Appendix D MRZ information', () => {
    expect(mrzInformation({ documentNumber: 'L898902C', dateOfBirth: '690806', dateOfExpiry: '940623' })).toEqual({ ok: true, value: 'L898902C<369080619406236' });
  });
});
