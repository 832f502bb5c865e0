import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateRecordCode,
  codeSequenceStateSchema,
  emptyCodeSequenceState,
  formatRecordCode,
  isUnitId,
  parseRecordCode,
  parseUnitId,
  recordCodeDay,
  rememberedDays,
  type CodeSequenceState,
} from './record-code';

const unitId = '000.00.15.H55';
const hour = 3_600_000;
const day = 24 * hour;
/** 2026-03-02 00:00 in Vietnam = 2026-03-01 17:00 UTC. */
const vnMidnight = Date.UTC(2026, 2, 1, 17, 0, 0);

describe('unit electronic IDs', () => {
  it.each(['000.00.00.H30', 'H55.242', '000.00.15.H55', 'H55', 'G12.1.A'])('accepts %s', (id) => {
    expect(isUnitId(id)).toBe(true);
  });

  it.each(['', '000..00', '.H30', 'H30.', 'h55.242', 'H55-242', 'H55 242', 'Ư55'])('rejects "%s"', (id) => {
    expect(isUnitId(id)).toBe(false);
  });

  it('normalizes what an officer typed, and explains a mistake in both languages', () => {
    expect(parseUnitId('  h55.242 ')).toEqual({ ok: true, value: 'H55.242' });
    const bad = parseUnitId('H55--242');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('records.invalid-unit-id');
      expect(bad.error.message).toContain('Mã định danh đơn vị');
      expect(bad.error.messageEn).toContain('Unit electronic ID');
    }
  });
});

describe('record codes', () => {
  it('print the day in UTC+7 and NNNN zero-padded', () => {
    expect(recordCodeDay(vnMidnight - 1)).toBe('260301');
    expect(recordCodeDay(vnMidnight)).toBe('260302');
    expect(formatRecordCode(unitId, '260302', 7)).toBe('000.00.15.H55-260302-0007');
  });

  it('parse back into unit, day, slot and sequence', () => {
    const parsed = parseRecordCode('000.00.00.H30-251231-3042');
    expect(parsed).toEqual({
      ok: true,
      value: {
        unitId: '000.00.00.H30',
        day: { year: 2025, month: 12, day: 31 },
        dayCode: '251231',
        number: 3042,
        kioskSlot: 3,
        sequence: 42,
      },
    });
  });

  it('parse codes from other systems whose number is not a kiosk allocation', () => {
    const parsed = parseRecordCode('H55.242-260302-0000');
    expect(parsed.ok && parsed.value.kioskSlot).toBeNull();
  });

  it.each([
    ['000.00.00.H30-260230-0001', 'records.invalid-record-code'],
    ['000.00.00.H30-261301-0001', 'records.invalid-record-code'],
    ['000.00.00.H30-260301-001', 'records.invalid-record-code'],
    ['000..00.H30-260301-0001', 'records.invalid-record-code'],
    ['260301-0001', 'records.invalid-record-code'],
  ])('reject %s', (text, code) => {
    const parsed = parseRecordCode(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe(code);
      expect(parsed.error.message).toContain('Mã hồ sơ');
      expect(parsed.error.messageEn).toContain('Record code');
    }
  });
});

describe('allocating record codes on a kiosk', () => {
  it('numbers a kiosk slot’s codes slot×1000 + 1…999, restarting each Vietnamese day', () => {
    let state: CodeSequenceState = emptyCodeSequenceState;
    const codes: string[] = [];
    for (const at of [vnMidnight + hour, vnMidnight + 2 * hour, vnMidnight + day + hour]) {
      const allocated = allocateRecordCode(state, { unitId, kioskSlot: 3, at });
      if (!allocated.ok) throw new Error(allocated.error.messageEn);
      codes.push(allocated.value.code);
      state = allocated.value.state;
    }
    expect(codes).toEqual(['000.00.15.H55-260302-3001', '000.00.15.H55-260302-3002', '000.00.15.H55-260303-3001']);
    expect(codeSequenceStateSchema.safeParse(state).success).toBe(true);
  });

  it('continues an earlier day’s numbers when the clock is set back', () => {
    const first = allocateRecordCode(emptyCodeSequenceState, { unitId, kioskSlot: 0, at: vnMidnight + hour });
    if (!first.ok) throw new Error('setup');
    const nextDay = allocateRecordCode(first.value.state, { unitId, kioskSlot: 0, at: vnMidnight + day });
    if (!nextDay.ok) throw new Error('setup');
    const back = allocateRecordCode(nextDay.value.state, { unitId, kioskSlot: 0, at: vnMidnight + 2 * hour });
    expect(back.ok && back.value.code).toBe('000.00.15.H55-260302-0002');
  });

  it('fails with a typed error after 999 codes in a day, and accepts the next day', () => {
    const full: CodeSequenceState = { lastByDay: { '260302': 999 } };
    const exhausted = allocateRecordCode(full, { unitId, kioskSlot: 9, at: vnMidnight + hour });
    expect(exhausted.ok).toBe(false);
    if (!exhausted.ok) {
      expect(exhausted.error.code).toBe('records.sequence-exhausted');
      expect(exhausted.error.message).toContain('999');
      expect(exhausted.error.messageEn).toContain('999');
    }
    const tomorrow = allocateRecordCode(full, { unitId, kioskSlot: 9, at: vnMidnight + day });
    expect(tomorrow.ok && tomorrow.value.code).toBe('000.00.15.H55-260303-9001');
  });

  it('refuses slots outside 0–9 and malformed unit IDs', () => {
    const slot = allocateRecordCode(emptyCodeSequenceState, { unitId, kioskSlot: 10, at: vnMidnight });
    expect(!slot.ok && slot.error.code).toBe('records.invalid-kiosk-slot');
    const unit = allocateRecordCode(emptyCodeSequenceState, { unitId: 'h55', kioskSlot: 1, at: vnMidnight });
    expect(!unit.ok && unit.error.code).toBe('records.invalid-unit-id');
  });

  it('remembers a bounded number of days', () => {
    let state: CodeSequenceState = emptyCodeSequenceState;
    for (let d = 0; d < rememberedDays + 10; d += 1) {
      const allocated = allocateRecordCode(state, { unitId, kioskSlot: 1, at: vnMidnight + d * day });
      if (!allocated.ok) throw new Error('setup');
      state = allocated.value.state;
    }
    expect(Object.keys(state.lastByDay)).toHaveLength(rememberedDays);
  });

  it('never hands out the same code twice across kiosks with distinct slots, in any interleaving over several days', () => {
    const scenario = fc
      .uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 10 })
      .chain((slots) =>
        fc.record({
          slots: fc.constant(slots),
          // Times jump back and forth over five days, across Vietnamese midnights: clocks are not trusted.
          allocations: fc.array(
            fc.record({ kiosk: fc.nat({ max: slots.length - 1 }), at: fc.integer({ min: vnMidnight - day, max: vnMidnight + 4 * day }) }),
            { maxLength: 400 },
          ),
        }),
      );

    fc.assert(
      fc.property(scenario, ({ slots, allocations }) => {
        const states = slots.map((): CodeSequenceState => emptyCodeSequenceState);
        const seen = new Set<string>();
        for (const { kiosk, at } of allocations) {
          const slot = slots[kiosk] ?? 0;
          const allocated = allocateRecordCode(states[kiosk] ?? emptyCodeSequenceState, { unitId, kioskSlot: slot, at });
          if (!allocated.ok) throw new Error(allocated.error.messageEn);
          states[kiosk] = allocated.value.state;
          const { code } = allocated.value;
          expect(seen.has(code)).toBe(false);
          seen.add(code);

          const parsed = parseRecordCode(code);
          if (!parsed.ok) throw new Error(parsed.error.messageEn);
          expect(parsed.value.unitId).toBe(unitId);
          expect(parsed.value.dayCode).toBe(recordCodeDay(at));
          expect(parsed.value.kioskSlot).toBe(slot);
          expect(parsed.value.sequence).toBeGreaterThanOrEqual(1);
          expect(parsed.value.sequence).toBeLessThanOrEqual(999);
        }
      }),
      { numRuns: 300 },
    );
  });
});
