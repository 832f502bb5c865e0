import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { a4Pixels, startEsclSimulator, type EsclSimulator } from '../../simulators/escl-scanner';
import { scanDocument } from '../scan-document';
import { loadFont, tempStore } from '../scan-fixtures.testing';
import type { RawPage, ScannerDevice } from '../scanner';
import { createSaneBackend } from './sane-backend';
import { createSaneDevice } from './sane-device';
import { scanimageAvailable } from './scanimage-run';

/** sane-utils (scanimage) and sane-airscan come from .ci/apt-packages.txt; without scanimage there is no SANE to test. */
const available = await scanimageAvailable().catch(() => false);

/** A SANE_CONFIG_DIR of our own: the system's dll.conf keeps the test backend disabled. */
async function saneConfig(files: Record<string, string>): Promise<{ env: NodeJS.ProcessEnv; dispose(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-sane-config-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return { env: { ...process.env, SANE_CONFIG_DIR: dir }, dispose: () => rm(dir, { recursive: true, force: true }) };
}

const collect = () => {
  const pages: RawPage[] = [];
  return { pages, sink: { onPage: async (p: RawPage) => void pages.push(p) } };
};

describe.skipIf(!available)('SANE backend through scanimage, against the SANE test backend', () => {
  let config: Awaited<ReturnType<typeof saneConfig>>;
  beforeAll(async () => {
    config = await saneConfig({ 'dll.conf': 'test\n', 'test.conf': 'number_of_devices 2\n' });
  });
  afterAll(() => config.dispose());
  const device = (extraArgs: string[] = []): ScannerDevice => createSaneDevice({ id: 'test:0', name: 'SANE test', backend: 'sane' }, { env: config.env, extraArgs: ['--test-picture', 'Grid', ...extraArgs] });

  it('lists the devices (scanimage -f)', async () => {
    const list = await createSaneBackend({ env: config.env }).list();
    expect(list.ok && list.value.map((d) => d.id)).toEqual(['test:0', 'test:1']);
    expect(list.ok && list.value[0]?.name).toContain('frontend-tester');
  });

  it('reads capabilities from the options (scanimage -A): flatbed and feeder, grey and colour, resolutions', async () => {
    const caps = await device().capabilities();
    expect(caps.ok).toBe(true);
    if (!caps.ok) return;
    expect(caps.value.platen?.colourModes).toEqual(['grey', 'colour']);
    expect(caps.value.feeder?.duplex).toBe(false);
    expect(caps.value.feeder?.resolutions).toEqual([75, 100, 150, 200, 300, 400, 600]);
    expect(caps.value.platen?.maxWidthMm).toBe(200);
  });

  it('batch-scans the feeder until it runs empty (the test ADF holds 10 sheets)', async () => {
    const { pages, sink } = collect();
    const result = await device().scan({ source: 'feeder', duplex: false, colour: 'grey', dpi: 75 }, sink);
    expect(result).toEqual({ ok: true, value: { pages: 10 } });
    expect(pages.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const meta = await sharp(pages[0]?.bytes).metadata();
    expect(meta.format).toBe('png');
    expect(Math.abs((meta.width ?? 0) - (200 / 25.4) * 75)).toBeLessThanOrEqual(1);
  });

  it('reports a jam (SANE_STATUS_JAMMED) as scanner.jam', async () => {
    const result = await device(['--read-return-value', 'SANE_STATUS_JAMMED']).scan({ source: 'feeder', duplex: false, colour: 'grey', dpi: 75 }, collect().sink);
    expect(!result.ok && result.error.code).toBe('scanner.jam');
  });

  it('reports an empty feeder (SANE_STATUS_NO_DOCS before any page)', async () => {
    const result = await device(['--read-return-value', 'SANE_STATUS_NO_DOCS']).scan({ source: 'feeder', duplex: false, colour: 'grey', dpi: 75 }, collect().sink);
    expect(!result.ok && result.error.code).toBe('scanner.feeder-empty');
  });

  it('refuses duplex on a device without it', async () => {
    const result = await device().scan({ source: 'feeder', duplex: true, colour: 'grey', dpi: 75 }, collect().sink);
    expect(!result.ok && result.error.code).toBe('scanner.unsupported');
  });

  it('cancels a running batch (SIGINT to scanimage)', async () => {
    const controller = new AbortController();
    const pages: RawPage[] = [];
    const result = await device(['--read-delay=yes', '--read-delay-duration', '20000']).scan({ source: 'feeder', duplex: false, colour: 'grey', dpi: 75 }, {
      signal: controller.signal,
      onPage: async (p) => {
        pages.push(p);
        controller.abort();
      },
    });
    expect(!result.ok && result.error.code).toBe('scanner.cancelled');
    expect(pages.length).toBeLessThan(10);
  });

  it('makes a PDF from the flatbed through the same job and pipeline as eSCL', async () => {
    const { store, dispose } = await tempStore();
    const result = await scanDocument(device(), { document: 'Lưới thử', settings: { source: 'platen', duplex: false, colour: 'grey', dpi: 100 }, ocr: false, blankInkRatio: 0 }, { store, fontBytes: await loadFont() });
    expect(result.ok && result.value.pageCount).toBe(1);
    await dispose();
  });
});

describe.skipIf(!available)('sane-airscan (a real eSCL client) against the eSCL simulator', () => {
  let simulator: EsclSimulator;
  let config: Awaited<ReturnType<typeof saneConfig>>;
  beforeAll(async () => {
    simulator = await startEsclSimulator();
    config = await saneConfig({
      'dll.conf': 'airscan\n',
      'airscan.conf': `[devices]\n"MotCua Sim" = ${simulator.baseUrl}, eSCL\n\n[options]\ndiscovery = disable\n`,
    });
  });
  afterAll(async () => {
    await config.dispose();
    await simulator.close();
  });

  it('is listed by scanimage -L and scans a page with scanimage --format=png', async () => {
    const run = promisify(execFile);
    const { stdout } = await run('scanimage', ['-L'], { env: config.env });
    expect(stdout).toContain("`airscan:e0:MotCua Sim'");
    const out = join(await mkdtemp(join(tmpdir(), 'motcua-airscan-')), 'page.png');
    await run('scanimage', ['-d', 'airscan:e0:MotCua Sim', '--format=png', '--resolution', '100', '--mode', 'Gray', '-o', out], { env: config.env });
    const meta = await sharp(await readFile(out)).metadata();
    // sane-airscan asks for its full window (8.5 × 11.69 in, the MaxWidth we advertise); the simulator sends A4.
    expect(meta.height).toBe(a4Pixels(100).height);
    const stats = await sharp(await readFile(out)).greyscale().stats();
    expect(stats.channels[0]?.min).toBeLessThan(80);
    await rm(join(out, '..'), { recursive: true, force: true });
  });

  it('scans the feeder in duplex through our SANE backend (airscan → simulator): 2 sheets, 4 sides', async () => {
    simulator.loadFeeder([{ front: 'text', back: 'text' }, { front: 'skewed' }]);
    const airscan = createSaneDevice({ id: 'airscan:e0:MotCua Sim', name: 'airscan', backend: 'sane' }, { env: config.env });
    const caps = await airscan.capabilities();
    expect(caps.ok && caps.value.feeder?.duplex).toBe(true);
    const { pages, sink } = collect();
    const before = simulator.requests.length;
    const result = await airscan.scan({ source: 'feeder', duplex: true, colour: 'grey', dpi: 75 }, sink);
    expect(result).toEqual({ ok: true, value: { pages: 4 } });
    expect(pages.map((p) => p.side)).toEqual(['front', 'back', 'front', 'back']);
    expect(simulator.requests.slice(before).filter((r) => /NextDocument 200$/.test(r))).toHaveLength(4);
  });

  it('runs the 5-sheet feeder job over SANE (airscan → simulator): the blank sheet dropped and reported, the skewed one straightened', async () => {
    simulator.loadFeeder([{ front: 'text' }, { front: 'text' }, { front: 'blank' }, { front: 'skewed' }, { front: 'text' }]);
    const airscan = createSaneDevice({ id: 'airscan:e0:MotCua Sim', name: 'airscan', backend: 'sane' }, { env: config.env });
    const { store, dispose } = await tempStore();
    const result = await scanDocument(airscan, { document: 'Giấy khai sinh', settings: { source: 'feeder', duplex: false, colour: 'grey', dpi: 100 }, ocr: false }, { store, fontBytes: await loadFont() });
    await dispose();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.pageCount).toBe(4);
    expect(result.value.dropped.map((d) => d.index)).toEqual([2]);
    expect(result.value.pages[3]?.skewMeasured).toBeCloseTo(4, 0);
    expect(Math.abs(result.value.pages[3]?.skewResidual ?? 99)).toBeLessThan(0.5);
  });
});
