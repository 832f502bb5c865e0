import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCatalogueCsv, importCatalogueJson } from '../../../src-shared/domain/catalogue';
import { catalogueCheckCommand } from './catalogue';

const sample = join(import.meta.dirname, '..', '..', '..', 'assets', 'catalogue', 'sample-catalogue.json');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-catalogue-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('motcua catalogue check', () => {
  it('accepts the shipped sample catalogue', async () => {
    const result = await catalogueCheckCommand.run([sample]);
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.value.json as { procedures: number }).procedures).toBeGreaterThanOrEqual(20);
  });

  it('names each bad row of a CSV file in both languages', async () => {
    const file = join(dir, 'bad.csv');
    const procedures = importCatalogueJson(await readFile(sample, 'utf8')).procedures.slice(0, 2);
    const second = procedures[1]?.nationalCode ?? '';
    // The second record (row 3 as a spreadsheet numbers it: the header is row 1) gets a malformed national code.
    const csv = exportCatalogueCsv(procedures).replace(new RegExp(`(\\r?\\n)${second.replace('.', '\\.')},`), '$1not-a-code,');
    await writeFile(file, csv);
    const result = await catalogueCheckCommand.run([file]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('catalogue.invalid-rows');
    expect(result.error.message).toMatch(/dòng\/row 3/);
  });

  it('reports an unreadable file', async () => {
    const result = await catalogueCheckCommand.run([join(dir, 'missing.json')]);
    expect(!result.ok && result.error.code).toBe('catalogue.unreadable-file');
  });
});
