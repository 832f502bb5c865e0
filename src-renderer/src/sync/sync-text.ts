import type { SyncStatus } from '../../../src-shared/sync/engine';

/** The sync texts in both languages (kept here, beside the only components that use them). */
export const syncTexts = {
  vi: {
    notConfigured: 'Chưa kết nối máy chủ đồng bộ',
    online: 'Đã kết nối',
    offline: 'Mất kết nối',
    unknown: 'Đang kết nối…',
    syncing: 'Đang đồng bộ…',
    lastSync: 'Đồng bộ lúc',
    never: 'chưa đồng bộ lần nào',
    pending: 'chờ gửi',
    oldest: 'cũ nhất',
    allSent: 'Đã gửi hết',
    stalled: 'Dữ liệu chưa gửi được quá lâu: báo kỹ thuật viên',
    panelTitle: 'Đồng bộ dữ liệu',
    server: 'Máy chủ đồng bộ',
    unit: 'Mã đơn vị',
    slot: 'Số thứ tự máy',
    checkpoint: 'Đã nhận đến phiên bản',
    lastError: 'Lỗi gần nhất',
    failed: 'Thay đổi bị máy chủ từ chối',
    syncNow: 'Đồng bộ ngay',
    verify: 'Kiểm tra khớp dữ liệu',
    verified: 'Dữ liệu khớp với máy chủ',
    diverged: 'Dữ liệu KHÔNG khớp: sẽ tải lại từ máy chủ',
    enrollTitle: 'Đăng ký máy với máy chủ',
    enrollCode: 'Mã đăng ký (do quản trị Trung tâm cấp)',
    enroll: 'Đăng ký',
    enrolled: 'Đã đăng ký: đơn vị {unit}, máy số {slot}',
  },
  en: {
    notConfigured: 'No sync server',
    online: 'Online',
    offline: 'Offline',
    unknown: 'Connecting…',
    syncing: 'Syncing…',
    lastSync: 'Synced at',
    never: 'never synced',
    pending: 'to send',
    oldest: 'oldest',
    allSent: 'All sent',
    stalled: 'Changes have waited too long: call the technician',
    panelTitle: 'Data sync',
    server: 'Sync server',
    unit: 'Unit ID',
    slot: 'Kiosk slot',
    checkpoint: 'Received up to revision',
    lastError: 'Last error',
    failed: 'Changes the server refused',
    syncNow: 'Sync now',
    verify: 'Verify data',
    verified: 'Data matches the server',
    diverged: 'Data does NOT match: refetching from the server',
    enrollTitle: 'Enroll this kiosk',
    enrollCode: 'Enrollment code (from the Center admin)',
    enroll: 'Enroll',
    enrolled: 'Enrolled: unit {unit}, kiosk slot {slot}',
  },
} as const;

export type SyncTexts = (typeof syncTexts)['vi'] | (typeof syncTexts)['en'];

/** "45 giây", "12 phút", "3 giờ", "2 ngày": how long the oldest change has waited. */
export function formatAge(ms: number, language: 'vi' | 'en'): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const [n, unit] = s < 60 ? [s, 0] : s < 3600 ? [Math.floor(s / 60), 1] : s < 86_400 ? [Math.floor(s / 3600), 2] : [Math.floor(s / 86_400), 3];
  const vi = ['giây', 'phút', 'giờ', 'ngày'][unit] ?? '';
  const en = ['s', 'min', 'h', 'd'][unit] ?? '';
  return language === 'vi' ? `${n} ${vi}` : `${n} ${en}`;
}

export type BadgeView = { readonly tone: 'off' | 'ok' | 'warn' | 'alarm'; readonly line: string; readonly detail: string };

/** What the officer reads at a glance; `now` and the alarm limit are passed in so this stays pure and testable. */
export function badgeView(status: SyncStatus | undefined, configured: boolean, now: number, alarmMs: number, language: 'vi' | 'en'): BadgeView {
  const t = syncTexts[language];
  if (!configured || status === undefined) return { tone: 'off', line: t.notConfigured, detail: '' };
  const connection = status.syncing ? t.syncing : status.online === true ? t.online : status.online === false ? t.offline : t.unknown;
  const last = status.lastSuccessAt === null ? t.never : `${t.lastSync} ${new Date(status.lastSuccessAt).toLocaleTimeString(language === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' })}`;
  const age = status.oldestPendingAt === null ? null : now - status.oldestPendingAt;
  const pending = status.pendingCount === 0 || age === null ? t.allSent : `${status.pendingCount} ${t.pending} (${t.oldest} ${formatAge(age, language)})`;
  const alarm = age !== null && status.pendingCount > 0 && age > alarmMs;
  return {
    tone: alarm ? 'alarm' : status.online === false ? 'warn' : 'ok',
    line: `${connection} · ${pending}`,
    detail: alarm ? `${t.stalled} · ${last}` : last,
  };
}
