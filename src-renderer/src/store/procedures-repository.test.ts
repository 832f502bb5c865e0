import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importCatalogueJson, type Procedure } from '../../../src-shared/domain/catalogue';
import { mondayMorning, sampleOfficer } from '../../../src-shared/domain/records/fixtures.testing';
import { compareVietnamese } from '../../../src-shared/text';
import { openOrThrow, uniqueDbName } from './fixtures.testing';
import { listProcedures, procedureCount, procedureKey, replaceCatalogue } from './procedures-repository';
import type { MotCuaDb } from './schema';

const sampleText = readFileSync(new URL('../../../assets/catalogue/sample-catalogue.json', import.meta.url), 'utf8');

function imported(text: string): readonly Procedure[] {
  const report = importCatalogueJson(text);
  expect(report.errors).toEqual([]);
  return report.procedures;
}

const sample = imported(sampleText);
const birth = sample.find((p) => p.nationalCode === '1.001193');
if (birth === undefined) throw new Error('the sample catalogue lost birth registration');

/** 2026-07-01 00:00 in Vietnam. */
const julyFirstVn = Date.UTC(2026, 5, 30, 17, 0);

const open: MotCuaDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function setup(): Promise<MotCuaDb> {
  const db = await openOrThrow(uniqueDbName());
  open.push(db);
  return db;
}

async function replaceOk(db: MotCuaDb, procedures: readonly Procedure[], now = mondayMorning) {
  const result = await replaceCatalogue(db, procedures, now);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.messageEn}`);
  return result.value;
}

const snapshot = async (db: MotCuaDb) => ({ procedures: await db.procedures.toArray(), audit: await db.audit.toArray() });

describe('replacing the catalogue', () => {
  it('stores every sample procedure whole, with an audit entry', async () => {
    const db = await setup();
    expect(await procedureCount(db)).toBe(0);
    expect(await replaceOk(db, sample)).toEqual({ stored: sample.length, removed: 0 });
    expect(await procedureCount(db)).toBe(sample.length);

    const row = await db.procedures.get('1.001193@commune@2025-07-01');
    expect(row).toEqual({ ...birth, code: '1.001193@commune@2025-07-01', updatedAt: mondayMorning });
    expect(row?.documents.length).toBeGreaterThan(0);
    expect(row?.source.document.length).toBeGreaterThan(0);

    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      at: mondayMorning,
      action: 'catalogue.replace',
      entity: 'catalogue',
      entityId: 'procedures',
      detail: { stored: sample.length, removed: 0 },
    });
  });

  it('replaces the previous catalogue entirely, and names the officer who did it', async () => {
    const db = await setup();
    await replaceOk(db, sample);
    const smaller = sample.slice(0, 3);
    const result = await replaceCatalogue(db, smaller, mondayMorning + 1, { actor: sampleOfficer });
    expect(result).toEqual({ ok: true, value: { stored: 3, removed: sample.length } });
    expect((await db.procedures.toArray()).map((row) => row.code).sort()).toEqual(smaller.map(procedureKey).sort());
    const audit = await db.audit.orderBy('id').toArray();
    expect(audit.map((entry) => entry.detail)).toEqual([
      { stored: sample.length, removed: 0 },
      { stored: 3, removed: sample.length },
    ]);
    expect(audit[1]?.actor).toEqual(sampleOfficer);
  });

  it('refuses two versions with one key and one effective date, writing nothing', async () => {
    const db = await setup();
    await replaceOk(db, sample);
    const before = await snapshot(db);
    const result = await replaceCatalogue(db, [birth, { ...birth, name: 'Đăng ký khai sinh (bản trùng)' }], mondayMorning + 1);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('store.duplicate-procedure');
      expect(result.error.message).toContain('1.001193@commune@2025-07-01');
      expect(result.error.messageEn).toContain('same effective date');
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps the previous catalogue when the audit write fails', async () => {
    const db = await setup();
    await replaceOk(db, sample);
    const before = await snapshot(db);
    const failAudit = () => {
      throw new Error('disk on fire');
    };
    db.audit.hook('creating', failAudit);
    const result = await replaceCatalogue(db, sample.slice(0, 2), mondayMorning + 1);
    db.audit.hook('creating').unsubscribe(failAudit);
    expect(!result.ok && result.error.code).toBe('store.write-failed');
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('listing the procedures in force', () => {
  it('returns the sample catalogue in Vietnamese alphabetical order', async () => {
    const db = await setup();
    await replaceOk(db, sample);
    const listed = await listProcedures(db, mondayMorning);
    expect(listed).toHaveLength(sample.length);
    expect(new Set(listed)).toEqual(new Set(sample));
    const names = listed.map((p) => p.name);
    expect(names).toEqual([...names].sort(compareVietnamese));
    // Đ is the letter after D, not after Z as in code-unit order.
    expect(names.indexOf('Đăng ký khai sinh')).toBeLessThan(names.indexOf('Gia hạn tạm trú'));
    expect(listed[0]).not.toHaveProperty('updatedAt');
  });

  it('keeps versions of one code side by side and offers the one in force on the Vietnamese day', async () => {
    const db = await setup();
    const versions = imported(
      JSON.stringify([
        { ...birth, effectiveTo: '2026-06-30' },
        { ...birth, effectiveFrom: '2026-07-01', processingTime: { unit: 'working-days', amount: 1 } },
      ]),
    );
    await replaceOk(db, versions);
    expect((await db.procedures.toArray()).map((row) => row.code)).toEqual(['1.001193@commune@2025-07-01', '1.001193@commune@2026-07-01']);

    const june = await listProcedures(db, julyFirstVn - 1);
    expect(june.map((p) => [p.effectiveFrom, p.processingTime.unit])).toEqual([['2025-07-01', 'same-day']]);
    const july = await listProcedures(db, julyFirstVn);
    expect(july.map((p) => [p.effectiveFrom, p.processingTime.unit])).toEqual([['2026-07-01', 'working-days']]);
  });

  it('keeps one national code at two levels apart, though both start the same day', async () => {
    const db = await setup();
    const both = imported(JSON.stringify([birth, { ...birth, level: 'province' }]));
    expect(await replaceOk(db, both)).toEqual({ stored: 2, removed: 0 });
    expect((await listProcedures(db, mondayMorning)).map((p) => p.level).sort()).toEqual(['commune', 'province']);
  });

  it('offers nothing before a procedure takes effect', async () => {
    const db = await setup();
    await replaceOk(db, sample);
    expect(await listProcedures(db, Date.UTC(2025, 5, 30, 16, 59))).toEqual([]);
    expect(await listProcedures(db, Date.UTC(2025, 5, 30, 17, 0))).toHaveLength(sample.length);
  });
});
