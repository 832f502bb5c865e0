import { describe, expect, it } from 'vitest';
import { err, ok } from '../../src-shared/result';
import { pcscErrors } from '../transports/pcsc';
import { checkDevicePermissions, groupId, type PermissionEnvironment } from './permissions';

const groupFile = ['root:x:0:', 'dialout:x:20:', 'plugdev:x:46:kiosk', 'kiosk:x:1000:'].join('\n');

const env = (patch: Partial<PermissionEnvironment> & { dirs?: Record<string, string[]>; openable?: string[] } = {}): PermissionEnvironment => ({
  platform: 'linux',
  uid: 1000,
  groups: [1000, 46],
  listDir: async (path) => patch.dirs?.[path] ?? [],
  readText: async (path) => (path === '/etc/group' ? groupFile : undefined),
  canOpen: async (path) => patch.openable?.includes(path) ?? false,
  pcsc: async () => ok([]),
  ...patch,
});

const byId = async (e: PermissionEnvironment) => new Map((await checkDevicePermissions(e)).checks.map((c) => [c.id, c]));

describe('device permissions on Linux', () => {
  it('reads group ids from /etc/group', () => {
    expect(groupId(groupFile, 'dialout')).toBe(20);
    expect(groupId(groupFile, 'nope')).toBeUndefined();
  });

  it('explains a missing dialout membership, missing udev rules and an unreadable ttyUSB, with the fix', async () => {
    const checks = await byId(env({ dirs: { '/dev': ['ttyUSB0', 'tty1', 'hidraw0'], '/dev/usb': ['lp0'] }, openable: ['/dev/usb/lp0'] }));
    expect(checks.get('group-dialout')).toMatchObject({ status: 'problem', fix: 'sudo usermod -aG dialout "$USER"' });
    expect(checks.get('group-dialout')?.message).toContain('chưa thuộc nhóm "dialout"');
    expect(checks.get('udev-rules')).toMatchObject({ status: 'problem' });
    expect(checks.get('udev-rules')?.fix).toContain('60-motcua.rules');
    expect(checks.get('device:/dev/ttyUSB0')?.status).toBe('problem');
    expect(checks.get('device:/dev/hidraw0')?.status).toBe('problem');
    expect(checks.get('device:/dev/usb/lp0')?.status).toBe('ok');
    expect(checks.has('device:/dev/tty1')).toBe(false);
    expect(checks.get('group-plugdev')?.status).toBe('ok');
  });

  it('is satisfied by installed rules and group membership', async () => {
    const checks = await byId(env({ groups: [1000, 20, 46], dirs: { '/etc/udev/rules.d': ['60-motcua.rules'] } }));
    expect(checks.get('udev-rules')?.status).toBe('ok');
    expect(checks.get('group-dialout')?.status).toBe('ok');
    expect(checks.get('pcscd')?.status).toBe('ok');
  });

  it('says plainly that pcscd is not running, with how to start it', async () => {
    const checks = await byId(env({ pcsc: async () => err(pcscErrors.unavailable('PC/SC service not running')) }));
    expect(checks.get('pcscd')).toMatchObject({ status: 'problem', fix: 'sudo apt install pcscd && sudo systemctl enable --now pcscd.socket' });
    expect(checks.get('pcscd')?.message).toContain('chưa chạy');
  });

  it('checks only the smart card service off Linux', async () => {
    const report = await checkDevicePermissions(env({ platform: 'win32' }));
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['udev-rules', 'not-applicable'],
      ['pcscd', 'ok'],
    ]);
  });

  it('runs against this machine without throwing', async () => {
    const report = await checkDevicePermissions();
    expect(report.checks.some((c) => c.id === 'pcscd')).toBe(true);
  });
});
