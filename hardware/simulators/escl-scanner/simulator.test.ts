import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEsclSimulator, type EsclSimulator } from './simulator';
import { a4Pixels, renderTestPage } from './test-pages';

let simulator: EsclSimulator;
beforeAll(async () => {
  simulator = await startEsclSimulator();
});
afterAll(() => simulator.close());

const settings = (source: string, format = 'image/png', mode = 'Grayscale8') => `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScanSettings xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm" xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03">
<pwg:Version>2.0</pwg:Version><pwg:InputSource>${source}</pwg:InputSource><scan:ColorMode>${mode}</scan:ColorMode>
<scan:XResolution>75</scan:XResolution><scan:YResolution>75</scan:YResolution><pwg:DocumentFormat>${format}</pwg:DocumentFormat></scan:ScanSettings>`;

const post = (body: string) => fetch(`${simulator.baseUrl}/ScanJobs`, { method: 'POST', body, headers: { 'content-type': 'text/xml' } });

describe('eSCL scanner simulator (raw HTTP, as a device)', () => {
  it('serves capabilities and status as eSCL XML', async () => {
    const caps = await fetch(`${simulator.baseUrl}/ScannerCapabilities`);
    expect(caps.headers.get('content-type')).toContain('text/xml');
    const xml = await caps.text();
    expect(xml).toContain('<scan:AdfDuplexInputCaps>');
    expect(xml).toContain('<pwg:Version>2.63</pwg:Version>');
    expect(await (await fetch(`${simulator.baseUrl}/ScannerStatus`)).text()).toContain('<scan:AdfState>ScannerAdfLoaded</scan:AdfState>');
  });

  it('creates a job with 201 + Location, serves pages, then 404; a deleted job answers 410', async () => {
    simulator.loadFeeder([{ front: 'text' }, { front: 'blank' }]);
    const created = await post(settings('Feeder'));
    expect(created.status).toBe(201);
    const job = created.headers.get('location') ?? '';
    expect(job).toMatch(/\/eSCL\/ScanJobs\/[0-9a-f-]{36}$/);
    const busy = await post(settings('Feeder'));
    expect(busy.status).toBe(503);
    const first = await fetch(`${job}/NextDocument`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    const meta = await sharp(Buffer.from(await first.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([a4Pixels(75).width, a4Pixels(75).height]);
    expect((await fetch(`${job}/NextDocument`)).status).toBe(200);
    expect((await fetch(`${job}/NextDocument`)).status).toBe(404);
    simulator.loadFeeder([{ front: 'text' }]);
    const second = (await post(settings('Feeder', 'image/jpeg', 'RGB24'))).headers.get('location') ?? '';
    expect((await fetch(second, { method: 'DELETE' })).status).toBe(200);
    expect((await fetch(`${second}/NextDocument`)).status).toBe(410);
  });

  it('refuses a feeder job on an empty feeder with 409 and says why in the status', async () => {
    simulator.loadFeeder([]);
    expect((await post(settings('Feeder'))).status).toBe(409);
    expect(await (await fetch(`${simulator.baseUrl}/ScannerStatus`)).text()).toContain('ScannerAdfEmpty');
  });

  it('sends JPEG when asked and answers 400 to settings it cannot read', async () => {
    const job = (await post(settings('Platen', 'image/jpeg'))).headers.get('location') ?? '';
    const page = await fetch(`${job}/NextDocument`);
    expect(page.headers.get('content-type')).toBe('image/jpeg');
    expect((await post('<not-escl/>')).status).toBe(400);
  });

  it('draws honest test paper: Vietnamese text in Noto Sans at the requested resolution', async () => {
    const png = renderTestPage('text', 100);
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([827, 1169]);
    const stats = await sharp(png).greyscale().stats();
    expect(stats.channels[0]?.min).toBeLessThan(60);
  });
});
