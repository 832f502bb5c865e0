import { formatInstant } from '../../../src-shared/domain/calendar';
import type { ResultPickup } from '../slip-schema';

/** `09:15 ngày 03/03/2026`: form 01 writes times as hh:mm then the date, in Vietnamese time. */
export function formatSlipTime(at: number): string {
  // formatInstant already converts to UTC+7 (never the host's zone): "2026-03-03T09:15:00+07:00".
  const iso = formatInstant(at);
  const [year, month, day] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  return `${iso.slice(11, 16)} ngày ${day}/${month}/${year}`;
}

/** `8.000 đồng`: Vietnamese groups thousands with dots; no locale data needed, so every host prints the same. */
export function formatVnd(amount: number): string {
  const digits = String(Math.trunc(Math.abs(amount)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${grouped} đồng`;
}

export function formatFee(fee: { readonly amountVnd: number; readonly paid: boolean }): string {
  if (fee.amountVnd === 0) return 'Không thu phí, lệ phí';
  return `${formatVnd(fee.amountVnd)} (${fee.paid ? 'đã nộp' : 'chưa nộp'})`;
}

export function formatPickup(pickup: ResultPickup): string {
  switch (pickup.kind) {
    case 'counter':
      return pickup.place ?? 'Tại Bộ phận tiếp nhận và trả kết quả';
    case 'post':
      return 'Qua dịch vụ bưu chính công ích';
  }
}

/** Copies are printed as counts; a zero stays visible as "0" so the table reads as a checked form, not a gap. */
export const count = (n: number): string => String(n);
