import { checkDigit } from '../../id-card/mrz';
/**
 * The made-up citizen the virtual card carries by default: the synthetic CCCD of
 * ../shared/reference/icao9303-test-vectors.md §4.3 (NOT a real person; the ID, names and addresses are invented).
 */
export type SyntheticPerson = {
  readonly citizenId: string;
  readonly oldId: string | undefined;
  readonly fullName: string;
  /** dd/MM/yyyy, as DG13 stores it. */
  readonly dateOfBirth: string;
  readonly sex: string;
  readonly nationality: string;
  readonly ethnicity: string;
  readonly religion: string;
  readonly placeOfOrigin: string;
  readonly placeOfResidence: string;
  readonly identifyingMarks: string;
  readonly issueDate: string;
  readonly expiryDate: string;
  readonly fatherName: string | undefined;
  readonly motherName: string | undefined;
  readonly spouseName: string | undefined;
  /** DG13 field 16, meaning unpublished; present on the fixture. */
  readonly field16: string | undefined;
  /** TD1 MRZ, three lines of 30. */
  readonly mrz: readonly [string, string, string];
};

export const syntheticPerson: SyntheticPerson = {
  citizenId: '001099012345',
  oldId: '123456789',
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
  field16: '0123456789ABCDEF',
  mrz: ['IDVNM0990123459001099012345<<0', '9901155M2401151VNM<<<<<<<<<<<8', 'NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<'],
};

/** The synthetic CCCD's MRZ information (BAC / PACE-MRZ password) and CAN, from the vectors file. */
export const syntheticMrzInformation = '099012345999011552401151';
export const syntheticCan = '012345';

/** A TD1 MRZ with its check digits, for synthetic cards (Doc 9303-5 §4.2). */
export function syntheticTd1(fields: {
  readonly documentNumber: string;
  readonly citizenId: string;
  readonly dateOfBirth: string;
  readonly sex: 'M' | 'F';
  readonly dateOfExpiry: string;
  readonly surname: string;
  readonly givenNames: string;
}): readonly [string, string, string] {
  const digit = (text: string): string => String(checkDigit(text) ?? 0);
  // Optional data as observed on CCCDs (vectors §4.2): the 12-digit ID, '<<', then the ID's check digit.
  const line1 = `IDVNM${fields.documentNumber}${digit(fields.documentNumber)}${fields.citizenId}<<${digit(fields.citizenId)}`;
  const line2Start = `${fields.dateOfBirth}${digit(fields.dateOfBirth)}${fields.sex}${fields.dateOfExpiry}${digit(fields.dateOfExpiry)}VNM`.padEnd(29, '<');
  const composite = digit(line1.slice(5, 30) + line2Start.slice(0, 7) + line2Start.slice(8, 15) + line2Start.slice(18, 29));
  const line3 = `${fields.surname}<<${fields.givenNames.replace(/ /gu, '<')}`.padEnd(30, '<').slice(0, 30);
  return [line1, `${line2Start}${composite}`, line3];
}

/** A second made-up citizen, so the demo can show a face or data mismatch (NOT a real person). */
export const secondSyntheticPerson: SyntheticPerson = {
  citizenId: '079301006789',
  oldId: undefined,
  fullName: 'Trần Thị Bình',
  dateOfBirth: '02/09/2001',
  sex: 'Nữ',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Không',
  placeOfOrigin: 'Xã Mẫu Hai, Huyện Thử, Tỉnh Giả Định',
  placeOfResidence: 'Số 2 Đường Thử, Phường Mẫu, Quận Giả, TP. Hồ Chí Minh',
  identifyingMarks: 'Sẹo chấm C:1cm trên lông mày phải',
  issueDate: '10/05/2022',
  expiryDate: '02/09/2026',
  fatherName: 'Trần Văn D',
  motherName: 'Lê Thị E',
  spouseName: undefined,
  field16: undefined,
  mrz: syntheticTd1({ documentNumber: '301006789', citizenId: '079301006789', dateOfBirth: '010902', sex: 'F', dateOfExpiry: '260902', surname: 'TRAN', givenNames: 'THI BINH' }),
};
