import { constants } from 'node:fs';
import { access, readdir, readFile } from 'node:fs/promises';
import type { PermissionCheck, PermissionsReport } from '../../src-shared/api/devices';
import type { Failure, Result } from '../../src-shared/result';
import { listPcscReaders } from '../transports/pcsc';

/** What the checks read, injectable so tests run the same logic on made-up /etc/group files and device lists. */
export type PermissionEnvironment = {
  readonly platform: NodeJS.Platform;
  readonly uid: number | undefined;
  /** The process's primary and supplementary group ids (`process.getgid()`, `process.getgroups()`). */
  readonly groups: readonly number[];
  listDir(path: string): Promise<readonly string[]>;
  readText(path: string): Promise<string | undefined>;
  /** Can this process open the file for reading and writing? */
  canOpen(path: string): Promise<boolean>;
  pcsc(): Promise<Result<unknown, Failure>>;
};

export const UDEV_RULES_FILE = '60-motcua.rules';
const RULE_DIRS = ['/etc/udev/rules.d', '/lib/udev/rules.d', '/usr/lib/udev/rules.d'];
/** Device files the kiosk opens: USB serial lines, USB printers, hidraw (HID-POS scanners). */
const DEVICE_GLOBS: ReadonlyArray<{ dir: string; pattern: RegExp }> = [
  { dir: '/dev', pattern: /^tty(USB|ACM)\d+$/ },
  { dir: '/dev/usb', pattern: /^lp\d+$/ },
  { dir: '/dev', pattern: /^hidraw\d+$/ },
];

export function nodePermissionEnvironment(): PermissionEnvironment {
  return {
    platform: process.platform,
    uid: process.getuid?.(),
    groups: [...new Set([...(process.getgid ? [process.getgid()] : []), ...(process.getgroups?.() ?? [])])],
    listDir: async (path) => {
      try {
        return await readdir(path);
      } catch {
        return [];
      }
    },
    readText: async (path) => {
      try {
        return await readFile(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    canOpen: async (path) => {
      try {
        await access(path, constants.R_OK | constants.W_OK);
        return true;
      } catch {
        return false;
      }
    },
    pcsc: () => listPcscReaders(),
  };
}

/** `/etc/group` lines are `name:x:gid:member,member`. */
export function groupId(groupFile: string, name: string): number | undefined {
  for (const line of groupFile.split('\n')) {
    const [groupName, , gid] = line.split(':');
    if (groupName === name && gid !== undefined && /^\d+$/.test(gid)) return Number(gid);
  }
  return undefined;
}

const check = (id: string, status: PermissionCheck['status'], subject: string, message: string, messageEn: string, fix?: string): PermissionCheck =>
  fix === undefined ? { id, status, subject, message, messageEn } : { id, status, subject, message, messageEn, fix };

const udevFix = `sudo cp assets/udev/${UDEV_RULES_FILE} /etc/udev/rules.d/ && sudo udevadm control --reload-rules && sudo udevadm trigger`;

async function udevCheck(env: PermissionEnvironment): Promise<PermissionCheck> {
  for (const dir of RULE_DIRS) {
    const found = (await env.listDir(dir)).find((name) => /motcua/i.test(name) && name.endsWith('.rules'));
    if (found !== undefined) return check('udev-rules', 'ok', `${dir}/${found}`, `Đã cài quy tắc udev của MotCua (${dir}/${found}).`, `MotCua's udev rules are installed (${dir}/${found}).`);
  }
  return check(
    'udev-rules',
    'problem',
    '/etc/udev/rules.d',
    'Chưa cài quy tắc udev của MotCua: máy in USB, máy quét mã vạch dạng HID và đầu đọc có thể chỉ dùng được với quyền quản trị. Cài tệp quy tắc rồi rút và cắm lại thiết bị.',
    "MotCua's udev rules are not installed: USB printers, HID barcode scanners and readers may only open as root. Install the rules file, then unplug and replug the devices.",
    udevFix,
  );
}

async function groupCheck(env: PermissionEnvironment, group: 'dialout' | 'plugdev', groupFile: string | undefined): Promise<PermissionCheck> {
  const what = group === 'dialout' ? { vi: 'cổng nối tiếp (màn hình xếp hàng, bàn phím đánh giá, máy in nối tiếp)', en: 'serial ports (queue displays, rating keypads, serial printers)' } : { vi: 'thiết bị USB theo quy tắc udev', en: 'USB devices under the udev rules' };
  if (env.uid === 0) return check(`group-${group}`, 'ok', group, `Máy chủ quầy chạy với quyền root: mở được ${what.vi}.`, `The host runs as root: it can open ${what.en}.`);
  const gid = groupFile === undefined ? undefined : groupId(groupFile, group);
  if (gid === undefined) {
    return check(`group-${group}`, 'warning', group, `Hệ thống không có nhóm "${group}"; hãy kiểm tra quyền mở ${what.vi} theo cách của bản phân phối này.`, `This system has no "${group}" group; check how this distribution grants access to ${what.en}.`);
  }
  if (env.groups.includes(gid)) return check(`group-${group}`, 'ok', group, `Tài khoản chạy MotCua thuộc nhóm "${group}": mở được ${what.vi}.`, `The account running MotCua is in "${group}": it can open ${what.en}.`);
  return check(
    `group-${group}`,
    group === 'dialout' ? 'problem' : 'warning',
    group,
    `Tài khoản chạy MotCua chưa thuộc nhóm "${group}" nên không mở được ${what.vi}. Thêm vào nhóm rồi đăng xuất và đăng nhập lại.`,
    `The account running MotCua is not in "${group}", so it cannot open ${what.en}. Add it, then sign out and back in.`,
    `sudo usermod -aG ${group} "$USER"`,
  );
}

async function deviceFileChecks(env: PermissionEnvironment): Promise<PermissionCheck[]> {
  const checks: PermissionCheck[] = [];
  for (const { dir, pattern } of DEVICE_GLOBS) {
    for (const name of [...(await env.listDir(dir))].filter((n) => pattern.test(n)).sort()) {
      const path = `${dir}/${name}`;
      checks.push(
        (await env.canOpen(path))
          ? check(`device:${path}`, 'ok', path, `Mở được ${path}.`, `${path} can be opened.`)
          : check(
              `device:${path}`,
              'problem',
              path,
              `Không có quyền đọc/ghi ${path}: cài quy tắc udev (hoặc thêm tài khoản vào nhóm dialout với cổng nối tiếp) rồi cắm lại thiết bị.`,
              `No read/write access to ${path}: install the udev rules (or join dialout for serial ports), then replug the device.`,
              name.startsWith('tty') ? 'sudo usermod -aG dialout "$USER"' : udevFix,
            ),
      );
    }
  }
  return checks;
}

async function pcscCheck(env: PermissionEnvironment): Promise<PermissionCheck> {
  const result = await env.pcsc();
  if (result.ok) return check('pcscd', 'ok', 'pcscd', 'Dịch vụ thẻ thông minh (pcscd) đang chạy.', 'The smart card service (pcscd) is running.');
  const linux = env.platform === 'linux';
  return check(
    'pcscd',
    'problem',
    'pcscd',
    `Dịch vụ thẻ thông minh chưa chạy nên không đọc được thẻ căn cước (${result.error.messageEn}).`,
    `The smart card service is not running, so ID cards cannot be read (${result.error.messageEn}).`,
    linux ? 'sudo apt install pcscd && sudo systemctl enable --now pcscd.socket' : 'services.msc → Smart Card (SCardSvr) → Automatic, Start',
  );
}

/**
 * Why the host may fail to open a device, in words a technician can act on. Linux is where permissions bite
 * (udev rules, dialout); elsewhere only the smart card service is checked.
 */
export async function checkDevicePermissions(env: PermissionEnvironment = nodePermissionEnvironment()): Promise<PermissionsReport> {
  const checks: PermissionCheck[] = [];
  if (env.platform === 'linux') {
    const groupFile = await env.readText('/etc/group');
    checks.push(await udevCheck(env), await groupCheck(env, 'dialout', groupFile), await groupCheck(env, 'plugdev', groupFile), ...(await deviceFileChecks(env)));
  } else {
    checks.push(check('udev-rules', 'not-applicable', 'udev', 'Quy tắc udev chỉ dùng trên Linux.', 'udev rules apply to Linux only.'));
  }
  checks.push(await pcscCheck(env));
  return { platform: env.platform, checks };
}
