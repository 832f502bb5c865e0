import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProcessingTimeCell, parseBooleanCell, parseJsonArrayCell, parseListCell, parseNonBoundaryCell, parseProcessingTimeCell } from './csv-cells';
import { processingTimeSchema } from './procedure';

describe('processing time cells', () => {
  it('reads the English and Vietnamese forms', () => {
    expect(parseProcessingTimeCell('same-day')).toEqual({ ok: true, value: { unit: 'same-day', cutOffHour: 15 } });
    expect(parseProcessingTimeCell('Trong ngày, trước 16 giờ')).toEqual({ ok: true, value: { unit: 'same-day', cutOffHour: 16 } });
    expect(parseProcessingTimeCell('same-day cutoff=15:00; verification 5 working-days')).toEqual({
      ok: true,
      value: { unit: 'same-day', cutOffHour: 15, ifVerificationNeeded: { unit: 'working-days', amount: 5 } },
    });
    expect(parseProcessingTimeCell('03 ngày làm việc; xác minh 8 ngày làm việc')).toEqual({
      ok: true,
      value: { unit: 'working-days', amount: 3, ifVerificationNeeded: { unit: 'working-days', amount: 8 } },
    });
    expect(parseProcessingTimeCell('8 working-hours')).toEqual({ ok: true, value: { unit: 'working-hours', amount: 8 } });
    expect(parseProcessingTimeCell('30 ngày')).toEqual({ ok: true, value: { unit: 'calendar-days', amount: 30 } });
  });

  it('explains the syntax when it cannot read the cell', () => {
    for (const cell of ['3 weeks', 'soon', '0 working-days', 'same-day; verification 5', 'a; b; c']) {
      const parsed = parseProcessingTimeCell(cell);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.en).toContain('same-day cutoff=15');
    }
  });

  it('round-trips every processing time through its cell text', () => {
    const duration = fc.record({
      unit: fc.constantFrom('working-days' as const, 'working-hours' as const, 'calendar-days' as const),
      amount: fc.integer({ min: 1, max: 90 }),
    });
    const time = fc.oneof(
      fc.record({ unit: fc.constant('same-day' as const), cutOffHour: fc.integer({ min: 0, max: 23 }) }),
      duration,
      fc.tuple(duration, duration).map(([main, extra]) => ({ ...main, ifVerificationNeeded: extra })),
    );
    fc.assert(
      fc.property(time, (value) => {
        const parsed = processingTimeSchema.parse(value);
        expect(parseProcessingTimeCell(formatProcessingTimeCell(parsed))).toEqual({ ok: true, value: parsed });
      }),
    );
  });
});

describe('other cells', () => {
  it('splits lists on line breaks', () => {
    expect(parseListCell('Luật Hộ tịch\r\n\n  Nghị định 123/2015/NĐ-CP ')).toEqual(['Luật Hộ tịch', 'Nghị định 123/2015/NĐ-CP']);
  });

  it('reads yes/no in both languages', () => {
    expect(parseBooleanCell('Có')).toEqual({ ok: true, value: true });
    expect(parseBooleanCell('không')).toEqual({ ok: true, value: false });
    expect(parseBooleanCell('maybe').ok).toBe(false);
  });

  it('reads boundary eligibility as yes/no or province codes', () => {
    expect(parseNonBoundaryCell('yes')).toEqual({ ok: true, value: true });
    expect(parseNonBoundaryCell('01; 79,92')).toEqual({ ok: true, value: ['01', '79', '92'] });
    expect(parseNonBoundaryCell('Hà Nội').ok).toBe(false);
  });

  it('reads JSON arrays and reports bad JSON', () => {
    expect(parseJsonArrayCell('[{"a":1}]')).toEqual({ ok: true, value: [{ a: 1 }] });
    expect(parseJsonArrayCell('{"a":1}').ok).toBe(false);
    const bad = parseJsonArrayCell('[{"a":1}');
    expect(bad.ok ? '' : bad.error.vi).toContain('JSON không hợp lệ');
  });
});
