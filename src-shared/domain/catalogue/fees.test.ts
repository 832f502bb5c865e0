import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFees, perPageAmount } from './fees';
import { feeRuleSchema, type FeeRule } from './procedure';

// Circular 226/2016/TT-BTC art. 4: 2,000 VND a page for the first two pages, 1,000 from the third, at most
// 200,000 VND per copy; the page count is that of the original.
const copyTiers = [
  { fromPage: 1, amountPerPage: 2000 },
  { fromPage: 3, amountPerPage: 1000 },
];
const rule = (input: unknown): FeeRule => feeRuleSchema.parse(input);
const copyCertification = rule({ id: 'phi-ban-sao', name: 'Phí chứng thực bản sao', category: 'service-fee', kind: 'per-page', tiers: copyTiers, capPerCopy: 200000 });

describe('perPageAmount (certified copies)', () => {
  it('charges the first two pages at 2,000 and later pages at 1,000', () => {
    expect(perPageAmount(copyTiers, 1, 200000)).toBe(2000);
    expect(perPageAmount(copyTiers, 2, 200000)).toBe(4000);
    expect(perPageAmount(copyTiers, 3, 200000)).toBe(5000);
    expect(perPageAmount(copyTiers, 10, 200000)).toBe(12000);
  });

  it('caps a copy at 200,000 VND (reached at 198 pages)', () => {
    expect(perPageAmount(copyTiers, 197, 200000)).toBe(199000);
    expect(perPageAmount(copyTiers, 198, 200000)).toBe(200000);
    expect(perPageAmount(copyTiers, 199, 200000)).toBe(200000);
    expect(perPageAmount(copyTiers, 1000, 200000)).toBe(200000);
    expect(perPageAmount(copyTiers, 1000)).toBe(1002000);
  });

  it('never decreases with more pages and never exceeds the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), (pages) => {
        const amount = perPageAmount(copyTiers, pages, 200000);
        expect(amount).toBeGreaterThanOrEqual(perPageAmount(copyTiers, pages - 1, 200000));
        expect(amount).toBeLessThanOrEqual(200000);
      }),
    );
  });
});

describe('computeFees', () => {
  it('quotes several papers with different page counts and copies', () => {
    const quote = computeFees([copyCertification], {
      items: [
        { pages: 1, copies: 5 },
        { pages: 3, copies: 2 },
        { pages: 250, copies: 1 },
      ],
    });
    expect(quote.ok && quote.value.total).toBe(5 * 2000 + 2 * 5000 + 200000);
    expect(quote.ok && quote.value.complete).toBe(true);
    expect(quote.ok && quote.value.lines[0]?.detail).toBe('5 bản × 1 trang: 2.000 đồng/bản; 2 bản × 3 trang: 5.000 đồng/bản; 1 bản × 250 trang: 200.000 đồng/bản');
    expect(quote.ok && quote.value.lines[0]?.detailEn).toContain('VND 200,000 each');
  });

  it('multiplies per-case and per-copy rules', () => {
    const signature = rule({ id: 'chu-ky', name: 'Phí chứng thực chữ ký', category: 'service-fee', kind: 'per-case', amount: 10000 });
    const extract = rule({ id: 'ban-sao', name: 'Phí cấp bản sao trích lục', category: 'service-fee', kind: 'per-copy', amount: 8000 });
    expect(computeFees([signature], { cases: 3 })).toMatchObject({ ok: true, value: { total: 30000 } });
    expect(computeFees([signature])).toMatchObject({ ok: true, value: { total: 10000 } });
    expect(computeFees([extract], { copies: 4 })).toMatchObject({ ok: true, value: { total: 32000 } });
    expect(computeFees([extract], { items: [{ pages: 1, copies: 2 }, { pages: 2, copies: 1 }] })).toMatchObject({ ok: true, value: { total: 24000 } });
  });

  it('uses the online amount when filed online', () => {
    const residence = rule({ id: 'thuong-tru', name: 'Lệ phí đăng ký thường trú', category: 'charge', kind: 'fixed', amount: 20000, onlineAmount: 10000 });
    expect(computeFees([residence], { channel: 'in-person' })).toMatchObject({ ok: true, value: { total: 20000 } });
    expect(computeFees([residence], { channel: 'online' })).toMatchObject({ ok: true, value: { total: 10000 } });
  });

  it('includes conditional rules only when their condition is ticked', () => {
    const late = rule({
      id: 'qua-han',
      name: 'Lệ phí khai sinh không đúng hạn',
      category: 'charge',
      kind: 'fixed',
      amount: 5000,
      appliesWhen: 'Đăng ký sau 60 ngày kể từ ngày sinh',
    });
    expect(computeFees([late])).toMatchObject({ ok: true, value: { total: 0, lines: [] } });
    expect(computeFees([late], { conditions: ['qua-han'] })).toMatchObject({ ok: true, value: { total: 5000 } });
    expect(computeFees([late], { conditions: ['khong-co'] })).toMatchObject({ ok: false, error: { code: 'catalogue.fee-unknown-condition' } });
  });

  it('marks a quote incomplete when a rate is set by the province and not known', () => {
    const local = rule({ id: 'le-phi', name: 'Lệ phí', category: 'charge', kind: 'local-rate' });
    const quote = computeFees([local, copyCertification], { items: [{ pages: 2, copies: 1 }] });
    expect(quote).toMatchObject({ ok: true, value: { total: 4000, complete: false } });
    expect(quote.ok && quote.value.lines[0]).toMatchObject({ ruleId: 'le-phi', amount: null });
  });

  it('zeroes every line of an exempt file', () => {
    expect(computeFees([copyCertification], { items: [{ pages: 5, copies: 3 }], exempt: true })).toMatchObject({
      ok: true,
      value: { total: 0, complete: true, lines: [{ amount: 0, detailEn: 'Exempt as provided by law.' }] },
    });
  });

  it('rejects impossible counts with a bilingual error', () => {
    const bad = computeFees([copyCertification], { items: [{ pages: 0, copies: 1 }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'catalogue.fee-invalid-count', path: 'items[0].pages' } });
    expect(computeFees([copyCertification], { items: [{ pages: 2, copies: 1.5 }] }).ok).toBe(false);
    expect(computeFees([copyCertification], { cases: -1 }).ok).toBe(false);
  });
});
