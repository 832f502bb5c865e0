import { failure, type Failure } from '../../src-shared/result';

/**
 * Every failure the scanner layer reports. The officer reads the Vietnamese message at the counter while the
 * citizen waits, so each says what happened and what to do; the English twin is for the technician's log.
 */
export type ScannerErrorCode =
  | 'scanner.bad-address'
  | 'scanner.unreachable'
  | 'scanner.timeout'
  | 'scanner.bad-response'
  | 'scanner.busy'
  | 'scanner.feeder-empty'
  | 'scanner.jam'
  | 'scanner.cover-open'
  | 'scanner.cancelled'
  | 'scanner.job-gone'
  | 'scanner.unsupported'
  | 'scanner.not-found'
  | 'scanner.sane-failed'
  | 'scanner.image-unreadable'
  | 'scanner.ocr-failed'
  | 'scanner.pdf-failed'
  | 'scanner.storage-failed'
  | 'scanner.no-pages';

export type ScannerFailure = Failure<ScannerErrorCode>;

export const scannerErrors = {
  badAddress: (address: string): ScannerFailure =>
    failure('scanner.bad-address', `Địa chỉ máy quét không hợp lệ: "${address}" (ví dụ http://192.168.1.60/eSCL hoặc sane:test:0).`, `Invalid scanner address: "${address}" (e.g. http://192.168.1.60/eSCL or sane:test:0).`),
  unreachable: (where: string): ScannerFailure =>
    failure('scanner.unreachable', `Không kết nối được máy quét (${where}). Kiểm tra nguồn điện và cáp mạng/USB của máy quét.`, `Cannot reach the scanner (${where}). Check its power and network/USB cable.`),
  timeout: (what: string): ScannerFailure =>
    failure('scanner.timeout', `Máy quét không trả lời (${what}). Kiểm tra máy quét đã bật.`, `The scanner does not answer (${what}). Check that it is on.`),
  badResponse: (detail: string): ScannerFailure =>
    failure('scanner.bad-response', `Máy quét trả lời không đúng chuẩn (${detail}).`, `The scanner's answer is not valid (${detail}).`),
  busy: (): ScannerFailure =>
    failure('scanner.busy', 'Máy quét đang bận với lệnh khác. Vui lòng chờ rồi quét lại.', 'The scanner is busy with another job. Wait and scan again.'),
  feederEmpty: (): ScannerFailure =>
    failure('scanner.feeder-empty', 'Khay nạp giấy trống. Đặt giấy tờ vào khay rồi quét lại.', 'The document feeder is empty. Load the papers and scan again.'),
  jam: (pagesKept: number): ScannerFailure =>
    failure('scanner.jam', `Kẹt giấy trong khay nạp. Đã giữ ${pagesKept} trang quét được; gỡ giấy kẹt rồi quét tiếp các trang còn lại.`, `Paper jam in the feeder. ${pagesKept} scanned page(s) kept; clear the jam and scan the remaining pages.`),
  coverOpen: (): ScannerFailure =>
    failure('scanner.cover-open', 'Nắp khay nạp giấy đang mở. Đóng nắp rồi quét lại.', 'The feeder hatch is open. Close it and scan again.'),
  cancelled: (): ScannerFailure => failure('scanner.cancelled', 'Đã huỷ lượt quét; không tạo tệp PDF.', 'The scan was cancelled; no PDF was made.'),
  jobGone: (): ScannerFailure =>
    failure('scanner.job-gone', 'Máy quét đã huỷ lệnh quét (có thể do người dùng bấm nút trên máy).', 'The scanner dropped the job (perhaps cancelled on its panel).'),
  unsupported: (what: string): ScannerFailure =>
    failure('scanner.unsupported', `Máy quét không hỗ trợ: ${what}.`, `The scanner does not support: ${what}.`),
  notFound: (id: string): ScannerFailure => failure('scanner.not-found', `Không tìm thấy máy quét "${id}".`, `No scanner "${id}".`),
  saneFailed: (detail: string): ScannerFailure =>
    failure('scanner.sane-failed', `Trình điều khiển SANE báo lỗi: ${detail}`, `The SANE driver failed: ${detail}`),
  imageUnreadable: (detail: string): ScannerFailure =>
    failure('scanner.image-unreadable', `Không đọc được ảnh trang quét (${detail}).`, `Cannot read the scanned page image (${detail}).`),
  ocrFailed: (detail: string): ScannerFailure =>
    failure('scanner.ocr-failed', `Không nhận dạng được chữ (${detail}); tệp PDF vẫn có ảnh trang nhưng không tìm kiếm được.`, `Text recognition failed (${detail}); the PDF keeps the page images but is not searchable.`),
  pdfFailed: (detail: string): ScannerFailure =>
    failure('scanner.pdf-failed', `Không tạo được tệp PDF (${detail}).`, `Could not build the PDF (${detail}).`),
  storageFailed: (detail: string): ScannerFailure =>
    failure('scanner.storage-failed', `Không ghi được trang quét xuống đĩa (${detail}).`, `Cannot save the scanned pages to disk (${detail}).`),
  noPages: (): ScannerFailure =>
    failure('scanner.no-pages', 'Không còn trang nào sau khi bỏ trang trắng; kiểm tra giấy tờ đã đặt đúng mặt.', 'No page left after removing blank pages; check the papers face the right way.'),
};

export const causeText = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));
