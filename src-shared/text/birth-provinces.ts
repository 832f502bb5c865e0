/**
 * The first three digits of a personal ID number: the province where the birth was registered, as coded for
 * the 63 provinces before the 2025 merger (Decree 137/2015/NĐ-CP art. 7, Circular 59/2021/TT-BCA; the codes
 * are the statistics office's province codes, zero-padded). `current` is the two-digit code of the province
 * that covers that area since 1 July 2025 (Resolution 202/2025/QH15); the merged provinces kept one of their
 * old codes, so a newborn registered after the merger carries a prefix from this same set.
 *
 * Codes for births registered abroad are not listed: no public source used here documents them. A deployment
 * that meets one can pass extra codes to validateCitizenId.
 */
export type BirthProvince = { readonly code: string; readonly name: string; readonly current: string };

const rows: ReadonlyArray<readonly [code: string, name: string, current: string]> = [
  ['001', 'Hà Nội', '01'],
  ['002', 'Hà Giang', '08'],
  ['004', 'Cao Bằng', '04'],
  ['006', 'Bắc Kạn', '19'],
  ['008', 'Tuyên Quang', '08'],
  ['010', 'Lào Cai', '15'],
  ['011', 'Điện Biên', '11'],
  ['012', 'Lai Châu', '12'],
  ['014', 'Sơn La', '14'],
  ['015', 'Yên Bái', '15'],
  ['017', 'Hoà Bình', '25'],
  ['019', 'Thái Nguyên', '19'],
  ['020', 'Lạng Sơn', '20'],
  ['022', 'Quảng Ninh', '22'],
  ['024', 'Bắc Giang', '24'],
  ['025', 'Phú Thọ', '25'],
  ['026', 'Vĩnh Phúc', '25'],
  ['027', 'Bắc Ninh', '24'],
  ['030', 'Hải Dương', '31'],
  ['031', 'Hải Phòng', '31'],
  ['033', 'Hưng Yên', '33'],
  ['034', 'Thái Bình', '33'],
  ['035', 'Hà Nam', '37'],
  ['036', 'Nam Định', '37'],
  ['037', 'Ninh Bình', '37'],
  ['038', 'Thanh Hoá', '38'],
  ['040', 'Nghệ An', '40'],
  ['042', 'Hà Tĩnh', '42'],
  ['044', 'Quảng Bình', '44'],
  ['045', 'Quảng Trị', '44'],
  ['046', 'Thừa Thiên Huế', '46'],
  ['048', 'Đà Nẵng', '48'],
  ['049', 'Quảng Nam', '48'],
  ['051', 'Quảng Ngãi', '51'],
  ['052', 'Bình Định', '52'],
  ['054', 'Phú Yên', '66'],
  ['056', 'Khánh Hoà', '56'],
  ['058', 'Ninh Thuận', '56'],
  ['060', 'Bình Thuận', '68'],
  ['062', 'Kon Tum', '51'],
  ['064', 'Gia Lai', '52'],
  ['066', 'Đắk Lắk', '66'],
  ['067', 'Đắk Nông', '68'],
  ['068', 'Lâm Đồng', '68'],
  ['070', 'Bình Phước', '75'],
  ['072', 'Tây Ninh', '80'],
  ['074', 'Bình Dương', '79'],
  ['075', 'Đồng Nai', '75'],
  ['077', 'Bà Rịa – Vũng Tàu', '79'],
  ['079', 'Hồ Chí Minh', '79'],
  ['080', 'Long An', '80'],
  ['082', 'Tiền Giang', '82'],
  ['083', 'Bến Tre', '86'],
  ['084', 'Trà Vinh', '86'],
  ['086', 'Vĩnh Long', '86'],
  ['087', 'Đồng Tháp', '82'],
  ['089', 'An Giang', '91'],
  ['091', 'Kiên Giang', '91'],
  ['092', 'Cần Thơ', '92'],
  ['093', 'Hậu Giang', '92'],
  ['094', 'Sóc Trăng', '92'],
  ['095', 'Bạc Liêu', '96'],
  ['096', 'Cà Mau', '96'],
];

export const birthProvinces: ReadonlyMap<string, BirthProvince> = new Map(
  rows.map(([code, name, current]) => [code, { code, name, current }]),
);
