import { randomUUID } from 'node:crypto';
import { localIdSchema } from '../../../src-shared/domain/records/record';
import { err, failure, ok, type Result } from '../../../src-shared/result';
import { enrollKiosk } from '../../../src-shared/sync/enroll';
import type { Transport } from '../../../src-shared/sync/http';
import { defaultDataDir } from '../../services/data-dir';
import { createEventBus } from '../../services/event-bus';
import { openSettingsService } from '../../services/settings-service';
import type { CliCommand, CommandOutput } from '../command';
import { parseOptions } from '../options';

/** The engine's transport over Node's fetch, for a call made by the technician's terminal itself. */
export const fetchTransport: Transport = async (url, request) => {
  const body = request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : new Uint8Array(request.body);
  const response = await fetch(url, { method: request.method, headers: { ...request.headers }, ...(body === undefined ? {} : { body }), signal: AbortSignal.timeout(30_000) });
  const text = request.method === 'HEAD' ? '' : await response.text();
  return { status: response.status, headers: { get: (name) => response.headers.get(name) }, json: () => Promise.resolve(text === '' ? null : (JSON.parse(text) as unknown)) };
};

export type EnrollDeps = { readonly transport: Transport; readonly newKioskId: () => string };

/**
 * Enrolls the machine whose data folder is given with the Center's sync server, from a terminal: the way to enroll
 * a self-service point, whose page may neither change settings nor reach an unconfigured server. Run it while the
 * point is stopped (the host reads its settings at start). The credential goes into the host's settings file and
 * is printed nowhere.
 */
export function syncEnrollCommand(deps: EnrollDeps = { transport: fetchTransport, newKioskId: () => `point-${randomUUID()}` }): CliCommand {
  return {
    path: ['sync', 'enroll'],
    summary: 'Đăng ký máy (ví dụ điểm tự phục vụ) với máy chủ đồng bộ bằng mã một lần / Enroll this machine (e.g. a self-service point) with the sync server by a one-time code',
    usage: 'motcua sync enroll --server http://máy-chủ:8787 --code ABCD-EFGH-JKMN [--data-dir <thư mục dữ liệu>] [--kiosk-id <id>] [--json]',
    async run(argv): Promise<Result<CommandOutput>> {
      const parsed = parseOptions(argv, { server: { type: 'string' }, code: { type: 'string' }, 'data-dir': { type: 'string' }, 'kiosk-id': { type: 'string' } });
      if (!parsed.ok) return parsed;
      const { server, code } = parsed.value;
      if (server === undefined || code === undefined) return err(failure('cli.usage', 'Cần --server và --code.', 'Give --server and --code.'));
      if (!URL.canParse(server) || !/^https?:$/.test(new URL(server).protocol)) return err(failure('cli.usage', `Địa chỉ máy chủ không hợp lệ: ${server}`, `Invalid server address: ${server}`));
      const kioskId = parsed.value['kiosk-id'] ?? deps.newKioskId();
      if (!localIdSchema.safeParse(kioskId).success) return err(failure('cli.usage', 'Mã máy chỉ gồm chữ, số, ".", "_", "-" (tối đa 64).', 'A kiosk id is letters, digits, ".", "_", "-" (at most 64).'));
      const dataDir = parsed.value['data-dir'] ?? defaultDataDir();
      const baseUrl = server.replace(/\/+$/, '');

      const enrolled = await enrollKiosk(deps.transport, baseUrl, code.trim(), kioskId);
      if (!enrolled.ok) return enrolled;
      const settings = await openSettingsService(dataDir, createEventBus());
      const saved = await settings.set({ syncServerUrl: baseUrl, kioskToken: enrolled.value.token, centerUnitId: enrolled.value.unitId, kioskSlot: enrolled.value.kioskSlot });
      if (!saved.ok) return saved;
      const { unitId, kioskSlot } = enrolled.value;
      return ok({
        json: { kioskId, unitId, kioskSlot, server: baseUrl, dataDir },
        text: `Đã đăng ký: đơn vị ${unitId}, máy số ${kioskSlot}, máy chủ ${baseUrl} (thư mục ${dataDir}).\nEnrolled: unit ${unitId}, slot ${kioskSlot}, server ${baseUrl} (folder ${dataDir}).`,
      });
    },
  };
}
