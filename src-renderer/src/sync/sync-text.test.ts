import { describe, expect, it } from 'vitest';
import { initialSyncStatus, type SyncStatus } from '../../../src-shared/sync/engine';
import { badgeView, formatAge } from './sync-text';

const base: SyncStatus = { ...initialSyncStatus, online: true, lastSuccessAt: Date.UTC(2026, 2, 2, 1, 0) };
const now = Date.UTC(2026, 2, 2, 2, 0);
const alarm = 30 * 60_000;

describe('the sync badge', () => {
  it('says when there is no server', () => {
    expect(badgeView(undefined, false, now, alarm, 'vi')).toMatchObject({ tone: 'off', line: 'Chưa kết nối máy chủ đồng bộ' });
  });

  it('shows online, all sent', () => {
    expect(badgeView(base, true, now, alarm, 'en')).toMatchObject({ tone: 'ok', line: 'Online · All sent' });
  });

  it('shows offline with the queue and the age of its oldest change', () => {
    const v = badgeView({ ...base, online: false, pendingCount: 4, oldestPendingAt: now - 12 * 60_000 }, true, now, alarm, 'vi');
    expect(v).toMatchObject({ tone: 'warn', line: 'Mất kết nối · 4 chờ gửi (cũ nhất 12 phút)' });
  });

  it('raises the alarm past the limit even while "online" (a silent stall)', () => {
    const v = badgeView({ ...base, pendingCount: 1, oldestPendingAt: now - 2 * 3_600_000 }, true, now, alarm, 'en');
    expect(v.tone).toBe('alarm');
    expect(v.detail).toContain('call the technician');
  });

  it('formats ages in both languages', () => {
    expect([formatAge(45_000, 'vi'), formatAge(3 * 86_400_000, 'en'), formatAge(-5, 'en')]).toEqual(['45 giây', '3 d', '0 s']);
  });
});
