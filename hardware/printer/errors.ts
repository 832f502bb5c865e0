import { failure, type Failure } from '../../src-shared/result';

/**
 * Every failure the printer layer reports, in one place so callers can switch on the code. Messages are the
 * officer's words first (Vietnamese) and the technician's second (English): what happened and what to do.
 */
export type PrinterErrorCode =
  | 'printer.paper-out'
  | 'printer.cover-open'
  | 'printer.offline'
  | 'printer.hardware-error'
  | 'printer.unreachable'
  | 'printer.timeout'
  | 'printer.bad-status'
  | 'printer.closed'
  | 'printer.write-failed'
  | 'printer.read-unsupported'
  | 'printer.invalid-slip'
  | 'printer.font-missing'
  | 'printer.render-failed'
  | 'printer.text-mode-uncalibrated'
  | 'printer.unencodable-text'
  | 'printer.interrupted'
  | 'printer.cancelled'
  | 'printer.queue-unreadable'
  | 'printer.queue-write-failed'
  | 'printer.queue-stopped'
  | 'printer.job-not-found'
  | 'printer.job-wrong-state'
  | 'printer.bad-url'
  | 'printer.bad-text-mode';

export type PrinterFailure = Failure<PrinterErrorCode>;

export const printerErrors = {
  badTextMode: (text: string): PrinterFailure =>
    failure(
      'printer.bad-text-mode',
      `Cấu hình chế độ văn bản không hợp lệ: "${text}" (ví dụ windows-1258:52, số ESC t đã in đúng phiếu hiệu chỉnh).`,
      `Invalid text-mode setting: "${text}" (e.g. windows-1258:52, the ESC t number the calibration slip printed right with).`,
    ),
  badUrl: (url: string): PrinterFailure =>
    failure('printer.bad-url', `Địa chỉ máy in không hợp lệ: "${url}" (ví dụ tcp://192.168.1.50:9100).`, `Invalid printer address: "${url}" (e.g. tcp://192.168.1.50:9100).`),
  paperOut: (): PrinterFailure =>
    failure('printer.paper-out', 'Máy in hết giấy. Vui lòng lắp cuộn giấy mới; phiếu sẽ được in tiếp.', 'Printer out of paper. Load a new roll; the slip will print then.'),
  coverOpen: (): PrinterFailure =>
    failure('printer.cover-open', 'Nắp máy in đang mở. Vui lòng đóng nắp; phiếu sẽ được in tiếp.', 'Printer cover is open. Close it; the slip will print then.'),
  offline: (): PrinterFailure =>
    failure('printer.offline', 'Máy in đang tạm ngừng (offline). Kiểm tra đèn báo và nút nguồn của máy in.', 'Printer is offline. Check its lights and power button.'),
  hardwareError: (): PrinterFailure =>
    failure('printer.hardware-error', 'Máy in báo lỗi (dao cắt hoặc cơ khí). Tắt rồi bật lại máy in; nếu vẫn lỗi, gọi kỹ thuật viên.', 'Printer reports an error (cutter or mechanism). Switch it off and on; if it persists, call a technician.'),
  unreachable: (where: string): PrinterFailure =>
    failure('printer.unreachable', `Không kết nối được máy in (${where}). Kiểm tra cáp và nguồn điện của máy in.`, `Cannot reach the printer (${where}). Check its cable and power.`),
  timeout: (): PrinterFailure =>
    failure('printer.timeout', 'Máy in không trả lời. Kiểm tra máy in đã bật và đã nối cáp.', 'The printer does not answer. Check that it is on and connected.'),
  badStatus: (byte: number): PrinterFailure =>
    failure('printer.bad-status', `Máy in trả lời không đúng chuẩn ESC/POS (0x${byte.toString(16).padStart(2, '0')}).`, `The printer's status reply is not ESC/POS (0x${byte.toString(16).padStart(2, '0')}).`),
  closed: (): PrinterFailure =>
    failure('printer.closed', 'Mất kết nối với máy in.', 'The connection to the printer is closed.'),
  writeFailed: (detail: string): PrinterFailure =>
    failure('printer.write-failed', `Gửi dữ liệu tới máy in không thành công (${detail}).`, `Sending data to the printer failed (${detail}).`),
  readUnsupported: (): PrinterFailure =>
    failure('printer.read-unsupported', 'Kết nối này chỉ gửi được dữ liệu, không đọc được trạng thái máy in.', 'This connection is write-only: the printer status cannot be read.'),
  /** Takes whole sentences: the zod validation failure already words them in both languages. */
  invalidSlip: (messageVi: string, messageEn: string, path?: string): PrinterFailure => failure('printer.invalid-slip', messageVi, messageEn, path),
  fontMissing: (path: string): PrinterFailure =>
    failure('printer.font-missing', `Không nạp được phông chữ tiếng Việt (${path}); không thể in phiếu.`, `Cannot load the Vietnamese font (${path}); slips cannot be printed.`),
  renderFailed: (detail: string): PrinterFailure =>
    failure('printer.render-failed', `Không dựng được hình ảnh phiếu in (${detail}).`, `Could not render the slip image (${detail}).`),
  textModeUncalibrated: (): PrinterFailure =>
    failure('printer.text-mode-uncalibrated', 'Chế độ in chữ chỉ dùng khi kỹ thuật viên đã in phiếu hiệu chỉnh cho máy in này; hãy in dạng ảnh.', 'Text mode needs a calibration slip printed by a technician for this printer; print as an image instead.'),
  unencodableText: (character: string): PrinterFailure =>
    failure('printer.unencodable-text', `Bảng mã của máy in không có ký tự "${character}".`, `The printer's code page has no "${character}".`),
  interrupted: (detailVi: string, detailEn: string): PrinterFailure =>
    failure('printer.interrupted', `Chưa rõ phiếu đã in xong chưa: ${detailVi} Vui lòng kiểm tra và xác nhận.`, `Unknown whether the slip printed: ${detailEn} Please check and confirm.`),
  cancelled: (): PrinterFailure => failure('printer.cancelled', 'Cán bộ đã huỷ lệnh in.', 'The officer cancelled the print job.'),
  queueUnreadable: (aside: string): PrinterFailure =>
    failure('printer.queue-unreadable', `Tệp hàng đợi in bị hỏng, đã được cất sang ${aside}; hãy kiểm tra các phiếu in gần đây.`, `The print queue file was unreadable and was set aside as ${aside}; check recent slips.`),
  queueWriteFailed: (): PrinterFailure =>
    failure('printer.queue-write-failed', 'Không ghi được hàng đợi in vào đĩa; tạm dừng in để tránh in trùng.', 'Cannot save the print queue to disk; printing paused to avoid duplicates.'),
  queueStopped: (): PrinterFailure => failure('printer.queue-stopped', 'Hàng đợi in đã dừng.', 'The print queue is stopped.'),
  jobNotFound: (id: string): PrinterFailure => failure('printer.job-not-found', `Không tìm thấy lệnh in ${id}.`, `No print job ${id}.`),
  jobWrongState: (state: string): PrinterFailure =>
    failure('printer.job-wrong-state', `Lệnh in đang ở trạng thái "${state}", không thực hiện được thao tác này.`, `The print job is "${state}"; this action does not apply.`),
};
