import { copyFile, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createEsclDevice, createOcrEngine, createSaneBackend, discoverEsclScanners, isEsclUrl, openJobStore, scanDocument, scannerErrors, type ScannerDevice, type ScannerInfo } from '../../../hardware/scanner';
import { scanimageAvailable } from '../../../hardware/scanner/sane';
import { err, failure, ok, type Result } from '../../../src-shared/result';
import { assetsDir } from '../../services/assets-dir';
import type { CliCommand } from '../command';
import { parseOptions } from '../options';

const usage = (detailVi: string, detailEn: string) => err(failure('cli.usage', detailVi, detailEn));

/** `--device http://host:port/eSCL` (eSCL) or `--device sane:<device>` (scanimage). */
export function deviceFromAddress(address: string): Result<ScannerDevice> {
  if (address.startsWith('sane:')) return createSaneBackend().open(address.slice('sane:'.length));
  if (isEsclUrl(address)) return ok(createEsclDevice(address, `eSCL ${new URL(address).host}`));
  return err({ ...scannerErrors.badAddress(address), code: 'cli.usage' });
}

/** `motcua scan list`: SANE devices (scanimage -f) and eSCL devices answering mDNS `_uscan._tcp`. */
export const scanListCommand: CliCommand = {
  path: ['scan', 'list'],
  summary: 'Liệt kê máy quét (SANE, eSCL qua mDNS) / List scanners (SANE, eSCL by mDNS)',
  usage: 'motcua scan list [--wait 2000]',
  async run(argv) {
    const parsed = parseOptions(argv, { wait: { type: 'string' } });
    if (!parsed.ok) return parsed;
    const wait = Number(parsed.value.wait ?? 2000);
    if (!Number.isInteger(wait) || wait < 100 || wait > 30_000) return usage('--wait phải từ 100 đến 30000 (ms).', '--wait must be 100–30000 (ms).');
    const [escl, sane] = await Promise.all([
      discoverEsclScanners({ timeoutMs: wait }).catch(() => [] as ScannerInfo[]),
      scanimageAvailable().then((yes) => (yes ? createSaneBackend().list() : ok([] as ScannerInfo[]))),
    ]);
    const scanners = [...escl.map((s) => ({ ...s, address: s.id })), ...(sane.ok ? sane.value.map((s) => ({ ...s, address: `sane:${s.id}` })) : [])];
    const text = scanners.length === 0 ? 'Không tìm thấy máy quét nào / No scanner found.' : scanners.map((s) => `${s.address}\t${s.name}`).join('\n');
    return ok({ json: { scanners, ...(sane.ok ? {} : { saneError: sane.error }) }, text });
  },
};

/** `motcua scan --device … --out file.pdf`: one document through the full pipeline, with its quality report. */
export const scanCommand: CliCommand = {
  path: ['scan'],
  summary: 'Quét giấy tờ thành PDF/A có lớp chữ (OCR) / Scan a document to a searchable PDF/A',
  usage: 'motcua scan --device http://127.0.0.1:8090/eSCL|sane:<device> --out file.pdf [--document "Giấy khai sinh"] [--record <code>] [--source feeder|platen] [--duplex] [--dpi 300] [--colour grey|bw|colour] [--expected <pages>] [--no-ocr] [--keep-blank]',
  async run(argv) {
    const parsed = parseOptions(argv, {
      device: { type: 'string' },
      out: { type: 'string' },
      document: { type: 'string' },
      record: { type: 'string' },
      source: { type: 'string' },
      duplex: { type: 'boolean' },
      dpi: { type: 'string' },
      colour: { type: 'string' },
      expected: { type: 'string' },
      'no-ocr': { type: 'boolean' },
      'keep-blank': { type: 'boolean' },
    });
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    if (v.device === undefined || v.out === undefined) return usage('Cần --device và --out.', 'Give --device and --out.');
    const source = v.source ?? 'feeder';
    if (source !== 'feeder' && source !== 'platen') return usage('--source là feeder hoặc platen.', '--source is feeder or platen.');
    const colour = v.colour ?? 'grey';
    if (colour !== 'grey' && colour !== 'bw' && colour !== 'colour') return usage('--colour là grey, bw hoặc colour.', '--colour is grey, bw or colour.');
    const dpi = Number(v.dpi ?? 300);
    if (!Number.isInteger(dpi) || dpi < 75 || dpi > 1200) return usage('--dpi từ 75 đến 1200.', '--dpi from 75 to 1200.');
    const expected = v.expected === undefined ? undefined : Number(v.expected);
    if (expected !== undefined && (!Number.isInteger(expected) || expected < 1)) return usage('--expected là số trang (≥ 1).', '--expected is a page count (≥ 1).');
    const device = deviceFromAddress(v.device);
    if (!device.ok) return device;

    const jobsDir = await mkdtemp(join(tmpdir(), 'motcua-cli-scan-'));
    const ocr = v['no-ocr'] ? undefined : createOcrEngine();
    try {
      const fontBytes = new Uint8Array(await readFile(join(assetsDir(), 'fonts', 'NotoSans-Regular.ttf')));
      const result = await scanDocument(
        device.value,
        {
          document: v.document ?? 'Tài liệu quét',
          ...(v.record === undefined ? {} : { recordCode: v.record }),
          settings: { source, duplex: v.duplex ?? false, colour, dpi },
          ...(expected === undefined ? {} : { expectedPages: expected }),
          blankInkRatio: v['keep-blank'] ? 0 : 0.001,
          ocr: ocr !== undefined,
        },
        { store: openJobStore(jobsDir), fontBytes, ...(ocr ? { ocr } : {}) },
      );
      if (!result.ok) return result;
      const out = resolve(v.out);
      // Next to the target first, then renamed: --out is a whole PDF or untouched.
      const temporary = join(dirname(out), `.${Date.now()}.motcua-scan.tmp`);
      await copyFile(result.value.pdfPath, temporary);
      await rename(temporary, out);
      const doc = result.value;
      const pages = doc.pages.map(({ thumbnail: _thumbnail, ...page }) => page);
      const json = { out, pageCount: doc.pageCount, bytes: doc.pdf.length, sha256: doc.sha256, dropped: doc.dropped.map((d) => ({ index: d.index, side: d.side, reason: d.dropReason })), quality: doc.quality, pages };
      const issues = doc.quality.issues.map((i) => `  - ${i.message} / ${i.messageEn}`);
      const text = [
        `Đã lưu ${out}: ${doc.pageCount} trang, ${doc.pdf.length} byte / Saved ${doc.pageCount} page(s).`,
        ...(doc.dropped.length > 0 ? [`Bỏ trang trắng / Blank pages removed: ${doc.dropped.map((d) => d.index + 1).join(', ')}`] : []),
        doc.quality.issues.length === 0 ? 'Chất lượng: đạt / Quality: passed' : `Chất lượng / Quality${doc.quality.passed ? '' : ' — CẦN QUÉT LẠI / RESCAN'}:`,
        ...issues,
      ].join('\n');
      return ok({ json, text });
    } finally {
      await ocr?.close();
      await rm(jobsDir, { recursive: true, force: true });
    }
  },
};
