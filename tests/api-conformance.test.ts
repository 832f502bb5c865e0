import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../src-shared/api/settings';
import { transports, type ConnectedKiosk } from './support/transports';

/** One suite, every transport: the renderer must not be able to tell Electron's IPC from the web host's socket. */
describe.each(transports)('kiosk API over $name', (transport) => {
  let kiosk: ConnectedKiosk | undefined;
  const connect = async (dataDir?: string) => {
    kiosk = await transport.connect(dataDir);
    return kiosk;
  };
  afterEach(async () => {
    await kiosk?.close();
    kiosk = undefined;
  });

  it('answers system.info with the version, the mode and the known devices', async () => {
    const { api } = await connect();
    const info = await api.call('system.info', {});
    expect(info.ok).toBe(true);
    if (!info.ok) return;
    expect(info.value.app).toBe('motcua');
    expect(info.value.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(['electron', 'web']).toContain(info.value.mode);
    expect(Array.isArray(info.value.devices)).toBe(true);
  });

  it('starts on the demo Center settings with no configuration', async () => {
    const { api } = await connect();
    const settings = await api.call('settings.get', {});
    expect(settings).toEqual({ ok: true, value: defaultSettings });
  });

  it('persists a setting on disk and reads it back after a restart of the host', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-restart-'));
    const first = await connect(dataDir);
    const changed = await first.api.call('settings.set', { counterNumber: 7, centerUnitId: 'H55.242' });
    expect(changed.ok && changed.value.counterNumber).toBe(7);
    const onDisk = JSON.parse(await readFile(join(first.dataDir, 'settings.json'), 'utf8')) as Settings;
    expect(onDisk.centerUnitId).toBe('H55.242');

    await first.close();
    kiosk = undefined;
    const second = await connect(dataDir);
    const read = await second.api.call('settings.get', {});
    expect(read.ok && read.value.counterNumber).toBe(7);
    expect(read.ok && read.value.centerUnitId).toBe('H55.242');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('pushes settings.changed to the renderer', async () => {
    const { api } = await connect();
    const received = new Promise<Settings>((resolve) => {
      const stop = api.on('settings.changed', (payload) => {
        stop();
        resolve(payload);
      });
    });
    await api.call('settings.set', { language: 'en' });
    expect((await received).language).toBe('en');
  });

  it('stops delivering events after unsubscribe', async () => {
    const { api } = await connect();
    let count = 0;
    const stop = api.on('settings.changed', () => count++);
    await api.call('settings.set', { counterNumber: 2 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop();
    await api.call('settings.set', { counterNumber: 3 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(count).toBe(1);
  });

  it('refuses invalid settings with a bilingual validation error and keeps the saved ones', async () => {
    const { api } = await connect();
    await api.call('settings.set', { counterNumber: 4 });
    const bad = await api.call('settings.set', { counterNumber: -1, centerUnitId: 'not a unit' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('api.validation');
    expect(bad.error.message).toContain('counterNumber');
    expect(bad.error.message).toMatch(/không hợp lệ/);
    expect(bad.error.messageEn).toMatch(/Invalid input/);
    const after = await api.call('settings.get', {});
    expect(after.ok && after.value.counterNumber).toBe(4);
  });

  it('answers malformed calls with failures and keeps serving', async () => {
    const kiosk = await connect();
    const cases: Array<[unknown, unknown, string]> = [
      ['no.such.method', {}, 'api.unknown-method'],
      ['settings.set', 'not an object', 'api.validation'],
      ['settings.set', { unknownField: 1 }, 'api.validation'],
      ['settings.set', { centerName: 'x'.repeat(10_000) }, 'api.validation'],
      ['settings.set', { officeHours: { sessions: [{ opens: '17:00', closes: '07:00' }] } }, 'api.validation'],
      ['system.info', { extra: true }, 'api.validation'],
      ['__proto__', {}, 'api.unknown-method'],
      [42, {}, 'api.unknown-method'],
      [null, null, 'api.unknown-method'],
    ];
    for (const [method, input, code] of cases) {
      const result = (await kiosk.sendRaw(method, input)) as { ok: boolean; error?: { code: string } };
      expect(result.ok, `${String(method)}`).toBe(false);
      expect(result.error?.code, `${String(method)}`).toBe(code);
    }
    const info = await kiosk.api.call('system.info', {});
    expect(info.ok).toBe(true);
  });

  it('turns a throwing service into an internal error, not a crash', async () => {
    const kiosk = await connect();
    const original = kiosk.host.settings.get;
    kiosk.host.settings.get = () => {
      throw new Error('disk on fire');
    };
    const failed = await kiosk.api.call('settings.get', {});
    kiosk.host.settings.get = original;
    expect(failed.ok).toBe(false);
    if (!failed.ok) {
      expect(failed.error.code).toBe('api.internal');
      expect(failed.error.message).not.toContain('disk on fire');
    }
    expect((await kiosk.api.call('settings.get', {})).ok).toBe(true);
  });

  it('answers concurrent calls each with its own result', async () => {
    const { api } = await connect();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => api.call('settings.set', { counterNumber: i + 1 })));
    expect(results.every((r) => r.ok)).toBe(true);
    const final = await api.call('settings.get', {});
    expect(final.ok && final.value.counterNumber).toBe(20);
  });

  it('prints a receipt on the simulated printer by default and reports the job', async () => {
    const kiosk = await connect();
    const state = await kiosk.api.call('printer.status', {});
    expect(state.ok && state.value.simulated).toBe(true);
    const jobDone = new Promise<string>((resolve) => {
      const stop = kiosk.api.on('printer.job', (job) => {
        if (job.state === 'done') {
          stop();
          resolve(job.id);
        }
      });
    });
    const queued = await kiosk.api.call('printer.print', { slip: sampleReceiptSlip });
    expect(queued.ok).toBe(true);
    if (!queued.ok) return;
    expect(await jobDone).toBe(queued.value.id);
    const pages = await kiosk.host.printer.simulator?.waitForPages(1, 10_000);
    expect(pages).toHaveLength(1);
    const info = await kiosk.api.call('system.info', {});
    expect(info.ok && info.value.devices.map((d) => d.kind)).toContain('receipt-printer');
  });

  it('refuses a malformed slip with a validation error', async () => {
    const { api } = await connect();
    const bad = await api.call('printer.print', { slip: { ...sampleReceiptSlip, recordCode: 'mã có dấu' } });
    expect(!bad.ok && bad.error.code).toBe('api.validation');
  });

  it('runs the device console: discover the simulated printer, give it a role, export the profile, push the log', async () => {
    const { api } = await connect();
    const logged = new Promise<string>((resolve) => {
      const stop = api.on('devices.log', (entry) => {
        if (entry.type !== 'role-set') return;
        stop();
        resolve(entry.deviceId ?? '');
      });
    });
    const report = await api.call('devices.discover', {});
    const printer = report.ok ? report.value.devices.find((d) => d.configured === true) : undefined;
    expect(printer).toMatchObject({ bus: 'network', simulated: true, state: 'ready' });
    if (!printer) return;
    const roles = await api.call('devices.roles.set', { deviceId: printer.id, role: 'receipt-printer' });
    expect(roles.ok && roles.value.assignments).toEqual([{ deviceId: printer.id, role: 'receipt-printer' }]);
    expect(await logged).toBe(printer.id);
    const listed = await api.call('printer.list', {});
    expect(listed.ok && listed.value.printers.map((p) => p.role)).toEqual(['receipt-printer']);
    const exported = await api.call('devices.profile.export', {});
    expect(exported.ok && JSON.parse(exported.value.content)).toMatchObject({ format: 'motcua-device-profile', version: 1 });
    const refused = await api.call('devices.profile.import', { content: '{"format":"motcua-device-profile","version":9}' });
    expect(!refused.ok && refused.error.code).toBe('devices.profile-future-version');
    const kept = await api.call('devices.roles.get', {});
    expect(kept.ok && kept.value.assignments).toHaveLength(1);
    const test = await api.call('devices.test', { deviceId: printer.id, action: 'status' });
    expect(test.ok && test.value.printer?.online).toBe(true);
  });

  it('scans from the simulated scanner by default: progress and page events, an inline PDF/A, a quality report', async () => {
    const { api } = await connect();
    const list = await api.call('scanner.list', {});
    expect(list.ok && list.value.scanners.map((s) => s.simulated)).toEqual([true]);
    const caps = await api.call('scanner.capabilities', {});
    expect(caps.ok && caps.value.feeder?.duplex).toBe(true);
    const phases: string[] = [];
    const pages: number[] = [];
    const stopProgress = api.on('scanner.progress', (p) => phases.push(p.phase));
    const stopPages = api.on('scanner.page', (p) => pages.push(p.page.index));
    const scanned = await api.call('scanner.scan', { document: 'Giấy khai sinh', source: 'platen', dpi: 100, colour: 'bw', ocr: false });
    stopProgress();
    stopPages();
    expect(scanned.ok).toBe(true);
    if (!scanned.ok) return;
    expect(scanned.value.pageCount).toBe(1);
    expect(Buffer.from(scanned.value.pdf.base64 ?? '', 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(scanned.value.quality.issues.map((i) => i.code)).toContain('low-resolution');
    expect(phases).toContain('done');
    expect(pages).toEqual([0]);
    const bad = await api.call('scanner.scan', { document: 'x', dpi: 123 as 300 });
    expect(!bad.ok && bad.error.code).toBe('api.validation');
  });

  it('reads the simulated chip ID card: tap, progress, report with photo and checks, face check, removal', async () => {
    const { api } = await connect();
    const readers = await api.call('card.readers', {});
    expect(readers.ok && readers.value).toMatchObject({ mode: 'simulated', readers: [{ cardPresent: false, simulated: true }] });
    const empty = await api.call('card.read', { can: '012345' });
    expect(!empty.ok && empty.error.code).toBe('card.no-card');
    const noKey = await api.call('card.read', {});
    expect(!noKey.ok && noKey.error.code).toBe('api.validation');

    const inserted = new Promise<boolean>((resolve) => {
      const stop = api.on('card.inserted', (event) => {
        stop();
        resolve(event.simulated);
      });
    });
    const tapped = await api.call('card.simulate', { action: 'insert' });
    expect(tapped.ok && tapped.value).toMatchObject({ cardPresent: true, can: '012345' });
    expect(await inserted).toBe(true);

    const files = new Set<string>();
    const stopProgress = api.on('card.progress', (p) => files.add(p.file));
    const read = await api.call('card.read', { can: '012345' });
    stopProgress();
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.personal?.fullName).toBe('Nguyễn Văn A');
    expect(read.value.mrz?.citizenId).toBe('001099012345');
    expect(read.value.passiveAuthentication.status).toBe('passed');
    expect(read.value.chipAuthentication.status).toBe('passed');
    expect(read.value.face?.dataUrl).toMatch(/^data:image\/jpeg;base64,/);
    expect([...files]).toEqual(expect.arrayContaining(['EF.SOD', 'DG1', 'DG2', 'DG13', 'DG14']));
    const wrong = await api.call('card.read', { can: '999999' });
    expect(!wrong.ok && wrong.error.code).toBe('id-card.wrong-password');

    // The demo card's photo is a placeholder silhouette: the face check answers no-face for the chip side.
    const frame = read.value.face?.dataUrl ?? '';
    const face = await api.call('face.verify', { frames: [frame] });
    expect(face.ok && [face.value.decision, face.value.noFaceIn]).toEqual(['no-face', 'chip']);

    const removed = new Promise<string>((resolve) => {
      const stop = api.on('card.removed', (event) => {
        stop();
        resolve(event.reader);
      });
    });
    await api.call('card.simulate', { action: 'remove' });
    expect(await removed).toBe(read.value.reader);
    const forgotten = await api.call('face.verify', { frames: [frame] });
    expect(!forgotten.ok && forgotten.error.code).toBe('card.no-read');
  }, 60_000);
});

const sampleReceiptSlip = {
  kind: 'receipt' as const,
  centerName: 'Trung tâm Phục vụ hành chính công phường Mẫu',
  recordCode: '000.00.00.H99-260212-1001',
  citizenName: 'Nguyễn Văn A',
  procedureName: 'Đăng ký khai sinh',
  documents: [{ name: 'Tờ khai đăng ký khai sinh', original: 1, certifiedCopy: 0, photocopy: 0 }],
  receivedAt: Date.UTC(2026, 1, 12, 3, 0),
  dueAt: Date.UTC(2026, 1, 12, 10, 0),
  fee: { amountVnd: 0, paid: true },
  pickup: { kind: 'counter' as const },
};
