import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { leaseBlockSize, parseRecordCode } from '../src-shared/domain/records';
import { mondayMorning, sampleOfficer, sampleReceipt } from '../src-shared/domain/records/fixtures.testing';
import { openOrThrow, testDeps, uniqueDbName } from '../src-renderer/src/store/fixtures.testing';
import { topUpCodeLeases } from '../src-renderer/src/sync/code-leases';
import { nextUnit, useHarness } from '../sync-server/harness.testing';
import { dexieKiosk } from './support/dexie-kiosk';

/**
 * Record numbers leased from the real sync server (PGlite in memory) to two Dexie kiosks: each receives files
 * numbered from its own block while it lasts, then from its kiosk slot; no number is ever given twice.
 */
describe('record numbers leased from the Center', () => {
  const h = useHarness('pglite');

  async function kiosk(unit: string, name: string) {
    const { db, repo, deps, enrolled, center } = await dexieKiosk(h, unit, name);
    const receiveOne = async () => {
      const received = await repo.receiveRecord({ ...sampleReceipt(), officer: sampleOfficer });
      if (!received.ok) throw new Error(received.error.messageEn);
      return parseRecordCode(received.value.code);
    };
    return { slot: enrolled.kioskSlot, topUp: () => topUpCodeLeases(db, (day, size) => center.leaseCodeBlock(day, size), deps.now), receiveOne };
  }

  it('numbers from the leased block first, then from the kiosk slot, never twice across kiosks', async () => {
    const unit = nextUnit();
    const a = await kiosk(unit, 'lease-a');
    const b = await kiosk(unit, 'lease-b');
    expect(await a.topUp()).toEqual({ ok: true, value: leaseBlockSize });
    expect(await b.topUp()).toEqual({ ok: true, value: leaseBlockSize });
    // In hand already: no second block.
    expect(await a.topUp()).toEqual({ ok: true, value: leaseBlockSize });

    const numbers: number[] = [];
    const slots: (number | null)[] = [];
    for (let i = 0; i < leaseBlockSize + 2; i++) {
      for (const k of [a, b]) {
        const parts = await k.receiveOne();
        if (!parts.ok) throw new Error(parts.error.messageEn);
        numbers.push(parts.value.number);
        slots.push(parts.value.kioskSlot);
      }
    }
    expect(new Set(numbers).size).toBe(numbers.length);
    // The first 2 × 50 come from the leases (thousands that are no kiosk's slot), the last 4 from the slots.
    const leased = numbers.slice(0, 2 * leaseBlockSize);
    expect(leased.every((n) => Math.floor(n / 1000) !== a.slot && Math.floor(n / 1000) !== b.slot)).toBe(true);
    expect(slots.slice(-4)).toEqual([a.slot, b.slot, a.slot, b.slot]);
  });

  it('keeps the slot numbering when the kiosk is not enrolled (no lease asked)', async () => {
    const db = await openOrThrow(uniqueDbName());
    expect(await topUpCodeLeases(db, () => Promise.resolve(null), testDeps(mondayMorning, 0).now)).toEqual({ ok: true, value: 0 });
  });

  it('reports a server refusal as a failure and keeps what is in hand', async () => {
    const db = await openOrThrow(uniqueDbName());
    const refused = await topUpCodeLeases(db, () => Promise.resolve({ ok: false, error: { code: 'sync.codes-exhausted', message: 'hết', messageEn: 'exhausted' } }), testDeps(mondayMorning, 0).now);
    expect(!refused.ok && refused.error.code).toBe('sync.codes-exhausted');
  });
});
