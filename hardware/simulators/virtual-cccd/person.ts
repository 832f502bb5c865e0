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
